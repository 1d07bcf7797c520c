package kthreadlab.web;

import kthreadlab.scenario.Presets;

/**
 * The view in the URL fragment: {@code #preset=seed&step=42&lang=en}, optionally {@code &until=NS}
 * (run the preset until that simulated time, in nanoseconds). Parsing is strict: an unknown or
 * repeated key, a missing '=', an unknown preset or an out-of-range number is an error naming the
 * key, and the whole fragment is then ignored. Plain Java: no DOM, tested on the JVM.
 */
final class Fragment {
    static final String DEFAULT_PRESET = "seed";
    static final long MAX_STEP = 1_000_000_000L;
    static final long MAX_UNTIL = 3_600_000_000_000L;

    String preset = DEFAULT_PRESET;
    long step;
    /** "en", "zh", or null when the link does not say. */
    String lang;
    /** Simulated end time in ns, or -1 for the preset's own. */
    long until = -1;
    /** Why the fragment was refused (the key and the problem, no prefix), or null. */
    String error;

    /** Parses a fragment with or without its leading '#'. */
    static Fragment parse(String hash) {
        Fragment f = new Fragment();
        String h = hash == null ? "" : hash;
        if (h.startsWith("#")) {
            h = h.substring(1);
        }
        if (h.isEmpty()) {
            return f;
        }
        boolean seenPreset = false;
        boolean seenStep = false;
        int start = 0;
        while (start <= h.length()) {
            int amp = h.indexOf('&', start);
            int end = amp < 0 ? h.length() : amp;
            String part = h.substring(start, end);
            start = end + 1;
            if (part.isEmpty()) {
                return fail("the link has an empty part (two '&' in a row or a trailing '&')");
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                return fail("'" + clip(part) + "' is not key=value");
            }
            String key = part.substring(0, eq);
            String value = part.substring(eq + 1);
            switch (key) {
                case "preset":
                    if (seenPreset) {
                        return fail("key 'preset' appears twice");
                    }
                    seenPreset = true;
                    if (Presets.get(value) == null) {
                        return fail("preset: there is no preset named '" + clip(value) + "'");
                    }
                    f.preset = value;
                    break;
                case "step":
                    if (seenStep) {
                        return fail("key 'step' appears twice");
                    }
                    seenStep = true;
                    f.step = number("step", value, 0, MAX_STEP);
                    if (f.step < 0) {
                        return fail(numberError("step", value, 0, MAX_STEP));
                    }
                    break;
                case "lang":
                    if (f.lang != null) {
                        return fail("key 'lang' appears twice");
                    }
                    if (!value.equals("en") && !value.equals("zh")) {
                        return fail("lang: '" + clip(value) + "' is not en or zh");
                    }
                    f.lang = value;
                    break;
                case "until":
                    if (f.until >= 0) {
                        return fail("key 'until' appears twice");
                    }
                    f.until = number("until", value, 1, MAX_UNTIL);
                    if (f.until < 0) {
                        return fail(numberError("until", value, 1, MAX_UNTIL));
                    }
                    break;
                default:
                    return fail("unknown key '" + clip(key) + "' (known: preset, step, lang, until)");
            }
            if (amp < 0) {
                break;
            }
        }
        return f;
    }

    /** The fragment for a view, without '#'. */
    static String format(String preset, long step, String lang, long until) {
        StringBuilder sb = new StringBuilder("preset=").append(preset).append("&step=").append(step);
        if (lang != null) {
            sb.append("&lang=").append(lang);
        }
        if (until >= 0) {
            sb.append("&until=").append(until);
        }
        return sb.toString();
    }

    /** A decimal in [min, max], or -1. */
    private static long number(String key, String v, long min, long max) {
        if (v.isEmpty() || v.length() > 19) {
            return -1;
        }
        long n = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
            if (n > max) {
                return -1;
            }
        }
        return n < min ? -1 : n;
    }

    private static String numberError(String key, String v, long min, long max) {
        return key + ": '" + clip(v) + "' is not a whole number from " + min + " to " + max;
    }

    /** A refused fragment: the error is only the reason; ShareLinks says once that the link was not opened. */
    private static Fragment fail(String why) {
        Fragment f = new Fragment();
        f.error = why;
        return f;
    }

    /** At most 40 characters of untrusted text, for messages. */
    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
