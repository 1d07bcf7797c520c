package kthreadlab.scenario;

/**
 * The one parser of whole numbers for scenarios, links and the editor: exact (no overflow, no
 * rounding), so a value past its range is refused as written, never wrapped to another one.
 */
public final class Numbers {
    private Numbers() {
    }

    /**
     * A whole number written canonically (optional '-', digits, no leading zeros) within
     * [min, max]; {@code what} describes the range for the message.
     */
    public static long whole(String text, String key, long min, long max, String what) throws ScenarioException {
        boolean neg = text.startsWith("-");
        String digits = neg ? text.substring(1) : text;
        if (!Text.isCanonicalDigits(digits) || (neg && digits.equals("0"))) {
            throw new ScenarioException(key, Text.show(text) + " is not a whole number");
        }
        if (digits.length() > 18) {
            throw new ScenarioException(key, Text.show(text) + " is out of range (" + what + ")");
        }
        long v = Long.parseLong(digits);
        v = neg ? -v : v;
        if (v < min || v > max) {
            throw new ScenarioException(key, v + " is out of range (" + what + ")");
        }
        return v;
    }
}
