package kthreadlab.format;

/** vsnprintf for kthread name formats: %d, %u, %i and %s take the one argument; %% is a percent. */
public final class Names {
    private Names() {
    }

    public static String vsnprintf(String fmt, long arg) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fmt.length(); i++) {
            char c = fmt.charAt(i);
            if (c == '%' && i + 1 < fmt.length()) {
                char n = fmt.charAt(i + 1);
                if (n == 'd' || n == 'u' || n == 'i' || n == 's') {
                    if (arg == (int) arg) {
                        sb.append((int) arg);
                    } else {
                        sb.append(arg);
                    }
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
