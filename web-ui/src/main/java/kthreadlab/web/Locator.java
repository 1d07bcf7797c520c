package kthreadlab.web;

import java.util.HashMap;
import java.util.Map;
import kthreadlab.snapshot.Snapshot;
import kthreadlab.source.Anchor;
import kthreadlab.source.Corpus;

/**
 * Where a frame is in the displayed source: its real line number, or 0 when its file or line is
 * not in the corpus (the corpus grows file by file; such frames are shown, never fatal). Cached.
 */
final class Locator {
    private final Corpus corpus;
    private final Map<String, Integer> cache = new HashMap<>();

    Locator(Corpus corpus) {
        this.corpus = corpus;
    }

    int line(Snapshot.FrameView f) {
        return line(f.file, f.function, f.text, f.occurrence);
    }

    int line(String file, String function, String text, int occurrence) {
        String key = file + "\n" + function + "\n" + text + "\n" + occurrence;
        Integer n = cache.get(key);
        if (n == null) {
            try {
                n = corpus.file(file) == null ? 0 : corpus.resolve(new Anchor(file, function, text, occurrence));
            } catch (RuntimeException e) {
                n = 0;
            }
            cache.put(key, n);
        }
        return n;
    }

    /** Resolves an annotation anchor; 0 if it matches no single line. */
    int line(Anchor a) {
        return line(a.file(), a.function(), a.text(), a.occurrence());
    }
}
