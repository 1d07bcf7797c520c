package kthreadlab.format;

/** vsnprintf for kthread name formats: %d, %u, %i and %s take the one argument; %% is a percent. */
public final class Names {
    private Names() {
    }

    public static String vsnprintf(String fmt, long arg) {
        // A long's text is slow in the page (BigInt): an int's is not, and names take small numbers.
        return expand(fmt, arg == (int) arg ? Integer.toString((int) arg) : Long.toString(arg));
    }

    /** The same for an int: no long arithmetic, which is slow in the page (checking 10,000 names). */
    public static String vsnprintf(String fmt, int arg) {
        return expand(fmt, Integer.toString(arg));
    }

    /** The format with its conversion replaced by `arg`, the argument's decimal text. */
    private static String expand(String fmt, String arg) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fmt.length(); i++) {
            char c = fmt.charAt(i);
            if (c == '%' && i + 1 < fmt.length()) {
                char n = fmt.charAt(i + 1);
                if (n == 'd' || n == 'u' || n == 'i' || n == 's') {
                    sb.append(arg);
                    i++;
                    continue;
                }
                if (n == '%') {
                    sb.append('%');
                    i++;
                    continue;
                }
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
