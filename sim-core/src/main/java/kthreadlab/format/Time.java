package kthreadlab.format;

/** Formats simulated nanoseconds for people, without String.format. */
public final class Time {
    private Time() {
    }

    /** "12.345678" seconds with microseconds, as ftrace prints timestamps. */
    public static String seconds(long ns) {
        long us = ns / 1000;
        String frac = Long.toString(us % 1_000_000);
        while (frac.length() < 6) {
            frac = "0" + frac;
        }
        return (us / 1_000_000) + "." + frac;
    }

    /** "1.234 ms" style, with three decimals. */
    public static String format(long ns) {
        long us = ns / 1000;
        String frac = Long.toString(us % 1000);
        while (frac.length() < 3) {
            frac = "0" + frac;
        }
        return (us / 1000) + "." + frac + " ms";
    }
}
