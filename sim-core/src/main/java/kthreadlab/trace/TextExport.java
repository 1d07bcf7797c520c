package kthreadlab.trace;

/**
 * An export written in pieces, so a page can build a large one between frames, show how far it
 * has got and stop it. Writing every piece in turn gives exactly the text of the one-call form
 * ({@link Ftrace#format}, {@link ChromeJson#write}): the command line uses the same writer.
 */
public interface TextExport {
    /** Appends the next piece, about `budget` records' worth; true once the whole text is written. */
    boolean next(StringBuilder out, int budget);

    /** Records handled so far (for progress: done() / total()). */
    long done();

    /** Records to handle in all (at least 1). */
    long total();

    /** The whole text in one call. */
    static String all(TextExport w) {
        StringBuilder sb = new StringBuilder();
        while (!w.next(sb, Integer.MAX_VALUE)) {
            // each call makes progress
        }
        return sb.toString();
    }
}
