package kthreadlab.web;

import kthreadlab.format.Errno;
import kthreadlab.snapshot.Snapshot;

/** Text for the panes, without String.format (which TeaVM makes large). Plain Java. */
final class Fmt {
    private Fmt() {
    }

    /** "kthreadd-2" as ftrace names a task; idle tasks keep "swapper/N". */
    static String task(Snapshot.TaskView t) {
        return t.idle ? t.comm : t.comm + "-" + t.pid;
    }

    static String task(Snapshot s, int id) {
        if (id < 0 || id >= s.tasks.size()) {
            return "task#" + id;
        }
        return task(s.task(id));
    }

    /**
     * Thousands grouped with thin spaces: 12 345 678 (ns). Written into a char array: a seek
     * formats every task's vruntime, and the page's StringBuilder appends a char at a time.
     */
    static String ns(long v) {
        String d = digits(Math.abs(v));
        int n = d.length();
        int sign = v < 0 ? 1 : 0;
        char[] out = new char[sign + n + (n - 1) / 3];
        int o = out.length;
        for (int i = n - 1, k = 0; i >= 0; i--, k++) {
            if (k > 0 && k % 3 == 0) {
                out[--o] = '\u2009';
            }
            out[--o] = d.charAt(i);
        }
        if (sign == 1) {
            out[0] = '-';
        }
        return new String(out);
    }

    /** create->result as the kernel would read it: unset, an errno, or the new task. */
    static String result(Snapshot s, long r) {
        if (r == Long.MIN_VALUE) {
            return "unset";
        }
        if (r < 0) {
            return "ERR_PTR(" + Errno.name(r) + ")";
        }
        return task(s, (int) r);
    }

    static String completion(Snapshot s, int id) {
        if (id < 0) {
            return "NULL";
        }
        for (Snapshot.CompletionView c : s.completions) {
            if (c.id == id) {
                return c.label;
            }
        }
        return "completion#" + id;
    }

    /**
     * The decimal digits of a non-negative long, through int arithmetic: in the page a long is a
     * BigInt and Long.toString divides it digit by digit, which shows at every step.
     */
    static String digits(long v) {
        if (v < 1_000_000_000L) {
            return Integer.toString((int) v);
        }
        String high = digits(v / 1_000_000_000L);
        String low = Integer.toString((int) (v % 1_000_000_000L));
        StringBuilder sb = new StringBuilder(high);
        for (int i = low.length(); i < 9; i++) {
            sb.append('0');
        }
        return sb.append(low).toString();
    }

    /** "1,234 steps" without locale machinery. */
    static String count(long n, String unit) {
        String d = digits(Math.max(0, n));
        StringBuilder sb = new StringBuilder();
        int lead = d.length() % 3;
        for (int i = 0; i < d.length(); i++) {
            if (i > 0 && (i - lead) % 3 == 0) {
                sb.append(',');
            }
            sb.append(d.charAt(i));
        }
        return sb + " " + unit + (n == 1 ? "" : "s");
    }

    /** Lower-case ASCII letters and digits of a title, other runs as one '-', at most 40; "edited" if none. */
    static String fileName(String title) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < title.length() && sb.length() < 40; i++) {
            char c = Character.toLowerCase(title.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                sb.append(c);
            } else if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '-') {
                sb.append('-');
            }
        }
        while (sb.length() > 0 && sb.charAt(sb.length() - 1) == '-') {
            sb.setLength(sb.length() - 1);
        }
        return sb.length() == 0 ? "edited" : sb.toString();
    }

    /** A size for people: "830 bytes", "12.3 kB", "86.2 MB" (powers of 1000, one decimal). */
    static String bytes(long n) {
        if (n < 1000) {
            return n + " bytes";
        }
        String[] units = {"kB", "MB", "GB"};
        double v = n;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        long tenths = Math.round(v * 10);
        return tenths / 10 + "." + tenths % 10 + " " + units[u];
    }
}
