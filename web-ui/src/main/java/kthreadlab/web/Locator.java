package kthreadlab.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kthreadlab.snapshot.Snapshot;
import kthreadlab.source.Anchor;
import kthreadlab.source.Corpus;
import kthreadlab.source.FunctionSpan;
import kthreadlab.source.SourceFile;
import kthreadlab.source.SourceLine;

/**
 * Where a frame is in the displayed source: its real line number, or 0 when its file or line is
 * not in the corpus (the corpus grows file by file; such frames are shown, never fatal). Cached by
 * line text, without building keys: this runs for every frame at every step.
 */
final class Locator {
    /** One resolved anchor; anchors sharing a text are chained. */
    private static final class Entry {
        final String file;
        final String function;
        final int occurrence;
        final int line;
        final Entry next;

        Entry(String file, String function, int occurrence, int line, Entry next) {
            this.file = file;
            this.function = function;
            this.occurrence = occurrence;
            this.line = line;
            this.next = next;
        }
    }

    private Corpus corpus;
    private final Map<String, Entry> cache = new HashMap<>();
    private final Map<String, String[]> normalized = new HashMap<>();

    Locator(Corpus corpus) {
        this.corpus = corpus;
    }

    /** Resolves against a larger corpus from now on (the page's on-demand files arrived). */
    void use(Corpus c) {
        corpus = c;
        cache.clear();
        normalized.clear();
    }

    int line(Snapshot.FrameView f) {
        return line(f.file, f.function, f.text, f.occurrence);
    }

    int line(String file, String function, String text, int occurrence) {
        Entry first = cache.get(text);
        for (Entry e = first; e != null; e = e.next) {
            if (e.occurrence == occurrence && e.function.equals(function) && e.file.equals(file)) {
                return e.line;
            }
        }
        int n = resolve(file, function, text, occurrence);
        cache.put(text, new Entry(file, function, occurrence, n, first));
        return n;
    }

    /**
     * Corpus.resolve's rule (the line of the function whose text, with runs of blanks collapsed,
     * equals the anchor's; the occurrence-th if given, else the only one), comparing against each
     * file's lines normalised once instead of at every lookup. 0 when there is no such line.
     */
    private int resolve(String file, String function, String text, int occurrence) {
        SourceFile f = corpus.file(file);
        FunctionSpan span = f == null ? null : f.function(function);
        if (span == null) {
            return 0;
        }
        String[] norm = normalized.get(file);
        if (norm == null) {
            List<SourceLine> lines = f.lines();
            norm = new String[lines.size()];
            for (int i = 0; i < norm.length; i++) {
                norm[i] = Corpus.normalize(lines.get(i).text());
            }
            normalized.put(file, norm);
        }
        String want = Corpus.normalize(text);
        List<SourceLine> lines = f.lines();
        int hit = 0;
        int count = 0;
        for (int i = 0; i < norm.length; i++) {
            int no = lines.get(i).number();
            if (no > span.lastLine()) {
                break;
            }
            if (no >= span.firstLine() && norm[i].equals(want)) {
                count++;
                if (occurrence > 0 && count == occurrence) {
                    return no;
                }
                hit = no;
            }
        }
        return occurrence == 0 && count == 1 ? hit : 0;
    }

    /** Resolves an annotation anchor; 0 if it matches no single line. */
    int line(Anchor a) {
        return line(a.file(), a.function(), a.text(), a.occurrence());
    }
}
