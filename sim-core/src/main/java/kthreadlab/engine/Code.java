package kthreadlab.engine;

/**
 * The source lines one simulated function can stop at, indexed by the frame's program counter.
 * A line is named by its exact text (trimmed), never by a line number; the source corpus resolves it.
 * When the same text occurs more than once in the function, write it as "#N text" for the N-th
 * occurrence (1-based, in source order); otherwise the text must be unique in the function. Several program counters may share one line.
 */
public final class Code {
    public final String file;
    public final String function;
    private final String[] texts;
    private final int[] occurrences;

    public Code(String file, String function, String... lines) {
        this.file = file;
        this.function = function;
        this.texts = new String[lines.length];
        this.occurrences = new int[lines.length];
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            int occ = 0;
            if (l.startsWith("#") && l.length() > 2 && Character.isDigit(l.charAt(1))) {
                int sp = l.indexOf(' ');
                occ = Integer.parseInt(l.substring(1, sp));
                l = l.substring(sp + 1);
            }
            texts[i] = l;
            occurrences[i] = occ;
        }
    }

    public int size() {
        return texts.length;
    }

    /** The trimmed source text executed at this program counter. */
    public String text(int pc) {
        if (pc < 0 || pc >= texts.length) {
            throw new IllegalStateException(function + ": no line for pc " + pc);
        }
        return texts[pc];
    }

    /** Which occurrence of text(pc) inside the function is meant (1 = first; 0 = the text is unique). */
    public int occurrence(int pc) {
        return occurrences[pc];
    }
}
