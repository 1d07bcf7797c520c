package kthreadlab.format;

/**
 * Formats simulated nanoseconds for people, without String.format. Times that fit an int (up to
 * 2.1 s: most runs) are formatted with int arithmetic: in the page a long is emulated, and its
 * division and Long.toString (a division per digit) were most of a trace line's cost.
 */
public final class Time {
    private static final String ZEROS = "000000";

    private Time() {
    }

    /** "12.345678" seconds with microseconds, as ftrace prints timestamps. */
    public static String seconds(long ns) {
        if (ns >= 0 && ns <= Integer.MAX_VALUE) {
            int us = (int) ns / 1000;
            return (us / 1_000_000) + "." + padded(us % 1_000_000, 6);
        }
        long us = ns / 1000;
        return (us / 1_000_000) + "." + padded((int) (us % 1_000_000), 6);
    }

    /** "1.234 ms" style, with three decimals. */
    public static String format(long ns) {
        if (ns >= 0 && ns <= Integer.MAX_VALUE) {
            int us = (int) ns / 1000;
            return (us / 1000) + "." + padded(us % 1000, 3) + " ms";
        }
        long us = ns / 1000;
        return (us / 1000) + "." + padded((int) (us % 1000), 3) + " ms";
    }

    /** v (0 <= v < 10^width) in `width` digits, zeros first; a negative v as Long.toString would give it. */
    private static String padded(int v, int width) {
        String s = Integer.toString(v);
        return s.length() >= width ? s : ZEROS.substring(0, width - s.length()) + s;
    }
}
