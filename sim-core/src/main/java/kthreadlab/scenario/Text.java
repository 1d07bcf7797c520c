package kthreadlab.scenario;

/** Small text helpers shared by the scenario codecs: numbers without regex, values for messages. */
final class Text {
    /** Values longer than this are cut in messages. */
    private static final int SHOW_MAX = 40;

    private Text() {
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** "0" or digits without a leading zero. */
    static boolean isCanonicalDigits(String s) {
        return !s.isEmpty() && allDigits(s) && (s.length() == 1 || s.charAt(0) != '0');
    }

    /** A key as a message shows it: plain if it is a lower-case word, else quoted like a value. */
    static String key(String key) {
        if (key.isEmpty() || key.length() > SHOW_MAX) {
            return show(key);
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!((c >= 'a' && c <= 'z') || isDigit(c) || c == '_')) {
                return show(key);
            }
        }
        return key;
    }

    /** A string for a message: quoted, control characters escaped, long ones cut. */
    static String show(String s) {
        StringBuilder sb = new StringBuilder("\"");
        int n = Math.min(s.length(), SHOW_MAX);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f || (c >= 0xd800 && c <= 0xdfff) || c == 0x2028 || c == 0x2029) {
                sb.append("\\u").append(hex4(c));
            } else {
                sb.append(c);
            }
        }
        if (s.length() > n) {
            sb.append("…\" (").append(s.length()).append(" characters)");
        } else {
            sb.append('"');
        }
        return sb.toString();
    }

    static String hex4(int c) {
        String h = Integer.toHexString(c);
        while (h.length() < 4) {
            h = "0" + h;
        }
        return h;
    }

    /** True if every surrogate is part of a pair (the string can be written as UTF-8). */
    static boolean validUtf16(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0xd800 && c <= 0xdbff) {
                if (i + 1 >= s.length() || s.charAt(i + 1) < 0xdc00 || s.charAt(i + 1) > 0xdfff) {
                    return false;
                }
                i++;
            } else if (c >= 0xdc00 && c <= 0xdfff) {
                return false;
            }
        }
        return true;
    }

    /** "a, b or c". */
    static String choices(String[] values) {
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        for (String v : values) {
            if (v.isEmpty()) {
                continue;
            }
            shown++;
        }
        int i = 0;
        for (String v : values) {
            if (v.isEmpty()) {
                continue;
            }
            if (i > 0) {
                sb.append(i == shown - 1 ? " or " : ", ");
            }
            sb.append(v);
            i++;
        }
        return sb.toString();
    }

    static int indexOf(String[] values, String v) {
        for (int i = 0; i < values.length; i++) {
            if (values[i].equals(v)) {
                return i;
            }
        }
        return -1;
    }
}
