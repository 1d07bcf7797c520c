package kthreadlab.scenario;

/**
 * JSON string literals, escaped as Gson's JsonWriter does (quote, backslash, control characters,
 * U+2028 and U+2029; everything else as it is). The scenario file and the trace export are written
 * with it instead of JsonWriter, whose static initialiser needs java.util.regex and String.format:
 * in the TeaVM page those two cost about 280 KB of JavaScript (85 KB gzipped).
 */
public final class JsonText {
    private JsonText() {
    }

    /** The string as a JSON literal, with its quotes. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        append(sb, s);
        return sb.toString();
    }

    /** Appends the string as a JSON literal, with its quotes. */
    public static void append(StringBuilder sb, String s) {
        sb.append('"');
        appendInside(sb, s);
        sb.append('"');
    }

    /** Appends the text escaped as the inside of a JSON string literal (no quotes). */
    public static void appendInside(StringBuilder sb, CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                case '\b':
                    sb.append("\\b");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                case '\f':
                    sb.append("\\f");
                    break;
                default:
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        sb.append("\\u").append(Text.hex4(c));
                    } else {
                        sb.append(c);
                    }
            }
        }
    }
}
