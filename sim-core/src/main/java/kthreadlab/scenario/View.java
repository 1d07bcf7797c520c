package kthreadlab.scenario;

/**
 * What a link holds besides the scenario: the step shown, the language, the open source file, the
 * followed task and whether the page is embedded. Immutable; the defaults mean "not set".
 */
public final class View {
    /** No step, language, file or followed task; not embedded. */
    public static final View DEFAULT = new View(0, "", "", -1, false);
    /** The largest step a link may name (exact in JavaScript numbers). */
    public static final long MAX_STEP = 9_007_199_254_740_991L;
    /** PID_MAX_LIMIT on 64-bit: no pid is larger. */
    public static final int MAX_PID = 4_194_304;
    public static final int MAX_FILE = 120;

    /** The step number shown (0 = the start). */
    public final long step;
    /** "zh", "en", or "" for the page's default. */
    public final String lang;
    /** The open source file, e.g. "kernel/kthread.c", or "". */
    public final String file;
    /** The pid of the followed task, or -1. */
    public final int follow;
    /** The compact view for an iframe. */
    public final boolean embed;

    public View(long step, String lang, String file, int follow, boolean embed) {
        this.step = step;
        this.lang = lang;
        this.file = file;
        this.follow = follow;
        this.embed = embed;
    }

    public View withStep(long s) {
        return new View(s, lang, file, follow, embed);
    }

    public View withLang(String l) {
        return new View(step, l, file, follow, embed);
    }

    public View withFile(String f) {
        return new View(step, lang, f, follow, embed);
    }

    public View withEmbed(boolean e) {
        return new View(step, lang, file, follow, e);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof View)) {
            return false;
        }
        View v = (View) o;
        return step == v.step && lang.equals(v.lang) && file.equals(v.file) && follow == v.follow
            && embed == v.embed;
    }

    @Override
    public int hashCode() {
        return (int) step * 31 * 31 * 31 + lang.hashCode() * 31 * 31 + file.hashCode() * 31 + follow * 2
            + (embed ? 1 : 0);
    }

    @Override
    public String toString() {
        return "View{step=" + step + ", lang=" + lang + ", file=" + file + ", follow=" + follow + ", embed="
            + embed + "}";
    }

    /** Why this view cannot go into a link, as an exception naming the link key, or nothing. */
    void check() throws ScenarioException {
        if (step < 0 || step > MAX_STEP) {
            throw new ScenarioException("step", step + " is out of range (0 to " + MAX_STEP + ")");
        }
        if (lang == null || !(lang.isEmpty() || lang.equals("zh") || lang.equals("en"))) {
            throw new ScenarioException("lang", Text.show(String.valueOf(lang)) + " is not a language (zh or en)");
        }
        if (file == null || (!file.isEmpty() && !isSourcePath(file))) {
            throw new ScenarioException("file", Text.show(String.valueOf(file))
                + " is not a source path (like kernel/kthread.c)");
        }
        if (follow < -1 || follow > MAX_PID) {
            throw new ScenarioException("follow", follow + " is out of range (a pid, 0 to " + MAX_PID + ")");
        }
    }

    /** Relative path of letters, digits and _ . + -, segments joined by '/', no "." or "..". */
    static boolean isSourcePath(String p) {
        if (p.isEmpty() || p.length() > MAX_FILE) {
            return false;
        }
        int segStart = 0;
        for (int i = 0; i <= p.length(); i++) {
            if (i == p.length() || p.charAt(i) == '/') {
                String seg = p.substring(segStart, i);
                if (seg.isEmpty() || seg.equals(".") || seg.equals("..")) {
                    return false;
                }
                segStart = i + 1;
                continue;
            }
            char c = p.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || Text.isDigit(c) || c == '_' || c == '.'
                || c == '+' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
