package kthreadlab.scenario;

/**
 * Scenario durations: a whole or decimal number and a unit, "ns", "us", "ms" or "s" ("40ms",
 * "1003us", "1.5ms"), as nanoseconds. The canonical form uses the largest unit that keeps the
 * number whole ("1500us", "2s", "0s").
 */
public final class Durations {
    /**
     * The longest scenario: 10 minutes of simulated time, so that a worker pool's idle timer
     * (IDLE_WORKER_TIMEOUT, 300 s) can fire. Idle CPUs take no steps, so quiet time is cheap.
     */
    public static final long MAX_NS = 600_000_000_000L;

    private Durations() {
    }

    /** The canonical text of a non-negative duration. */
    public static String format(long ns) {
        if (ns % 1_000_000_000L == 0) {
            return (ns / 1_000_000_000L) + "s";
        }
        if (ns % 1_000_000L == 0) {
            return (ns / 1_000_000L) + "ms";
        }
        if (ns % 1_000L == 0) {
            return (ns / 1_000L) + "us";
        }
        return ns + "ns";
    }

    /** Parses a duration of at most {@link #MAX_NS}; {@code key} names it in the error. */
    public static long parse(String text, String key) throws ScenarioException {
        String unit;
        long scale;
        if (text.endsWith("ns")) {
            unit = "ns";
            scale = 1L;
        } else if (text.endsWith("us")) {
            unit = "us";
            scale = 1_000L;
        } else if (text.endsWith("ms")) {
            unit = "ms";
            scale = 1_000_000L;
        } else if (text.endsWith("s")) {
            unit = "s";
            scale = 1_000_000_000L;
        } else {
            throw bad(text, key);
        }
        String num = text.substring(0, text.length() - unit.length());
        if (num.startsWith("-") && num.length() > 1 && Text.isDigit(num.charAt(1))) {
            throw new ScenarioException(key, Text.show(text) + " is negative (times start at 0)");
        }
        int dot = num.indexOf('.');
        String whole = dot < 0 ? num : num.substring(0, dot);
        String frac = dot < 0 ? "" : num.substring(dot + 1);
        if (!Text.isCanonicalDigits(whole) || (dot >= 0 && (frac.isEmpty() || !Text.allDigits(frac)))) {
            throw bad(text, key);
        }
        if (frac.length() > 9) {
            throw new ScenarioException(key, Text.show(text) + " is finer than a nanosecond");
        }
        // Exact: no product or sum below can overflow, so a value is never wrapped to another one.
        if (whole.length() > 18 || Long.parseLong(whole) > MAX_NS / scale) {
            throw tooLong(text, key);
        }
        long ns = Long.parseLong(whole) * scale;
        if (!frac.isEmpty()) {
            long pow = 1;
            for (int i = 0; i < frac.length(); i++) {
                pow *= 10;
            }
            long f = Long.parseLong(frac) * scale;
            if (f % pow != 0) {
                throw new ScenarioException(key, Text.show(text) + " is not a whole number of nanoseconds");
            }
            ns += f / pow;
        }
        if (ns > MAX_NS) {
            throw tooLong(text, key);
        }
        return ns;
    }

    private static ScenarioException tooLong(String text, String key) {
        return new ScenarioException(key, Text.show(text) + " is larger than the most, " + format(MAX_NS));
    }

    private static ScenarioException bad(String text, String key) {
        return new ScenarioException(key, Text.show(text)
            + " is not a duration (a number and a unit: ns, us, ms or s, e.g. \"40ms\")");
    }
}
