// SPDX-License-Identifier: GPL-2.0-only
package kthreadlab.source;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The six functions the seed quotes are shown with exactly the seed's text (minus its typo and comments). */
class SeedFunctionsTest {

    @Test
    void seedFunctionsMatchTheCorpusLineByLine() {
        Corpus corpus = Corpus.load();
        List<String> raw = Corpus.readResource("kthreadlab/seed-functions.c");
        List<String> files = new ArrayList<>();
        List<List<String>> blocks = new ArrayList<>();
        for (String l : raw) {
            if (l.startsWith("@@ ")) {
                files.add(l.substring(3).trim());
                blocks.add(new ArrayList<>());
            } else if (!blocks.isEmpty()) {
                blocks.get(blocks.size() - 1).add(l);
            }
        }
        assertTrue(blocks.size() == 6, "six seed functions");
        for (int b = 0; b < blocks.size(); b++) {
            SourceFile f = corpus.file(files.get(b));
            assertNotNull(f, files.get(b));
            int from = 0;
            for (List<String> seg : segments(blocks.get(b))) {
                from = findRun(f, seg, from, files.get(b));
            }
        }
    }

    /** Splits a block at "..." elision lines and drops blank lines at the edges of each segment. */
    private static List<List<String>> segments(List<String> block) {
        List<List<String>> out = new ArrayList<>();
        List<String> cur = new ArrayList<>();
        for (String l : block) {
            if (l.trim().equals("...")) {
                out.add(cur);
                cur = new ArrayList<>();
            } else {
                cur.add(l);
            }
        }
        out.add(cur);
        List<List<String>> trimmed = new ArrayList<>();
        for (List<String> s : out) {
            int a = 0;
            int e = s.size();
            while (a < e && s.get(a).trim().isEmpty()) {
                a++;
            }
            while (e > a && s.get(e - 1).trim().isEmpty()) {
                e--;
            }
            if (e > a) {
                trimmed.add(new ArrayList<>(s.subList(a, e)));
            }
        }
        return trimmed;
    }

    /** Finds seg as consecutive real lines at or after index from; returns the index after it. */
    private static int findRun(SourceFile f, List<String> seg, int from, String path) {
        List<SourceLine> lines = f.lines();
        for (int i = from; i + seg.size() <= lines.size(); i++) {
            boolean ok = true;
            for (int k = 0; k < seg.size() && ok; k++) {
                SourceLine l = lines.get(i + k);
                ok = l.text().equals(seg.get(k)) && (k == 0 || l.number() == lines.get(i + k - 1).number() + 1);
            }
            if (ok) {
                return i + seg.size();
            }
        }
        fail(path + ": seed lines not found verbatim and contiguous, starting with: " + seg.get(0));
        return -1;
    }
}
