package kthreadlab.web;

import java.util.List;
import kthreadlab.source.SourceFile;
import kthreadlab.source.SourceLine;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;

/**
 * Find in source: searches the shown file's lines for a text (ignoring case) and shows the match
 * as a jump does (the line is `.target`, scrolled into view). Enter goes to the next match,
 * Shift+Enter to the previous one, wrapping. The source pane renders only the rows near its view,
 * so the browser's own find sees only those; this one searches the whole file.
 */
final class SourceFind {
    private final SourcePane pane;
    private final HTMLInputElement input;
    private final HTMLElement status;

    SourceFind(SourcePane pane) {
        this.pane = pane;
        this.input = (HTMLInputElement) Dom.byId("source-find");
        this.status = Dom.byId("source-find-status");
        input.addEventListener("keydown", e -> Guard.run("find in source", () -> {
            KeyboardEvent k = (KeyboardEvent) e;
            if (k.getKey().equals("Enter")) {
                k.preventDefault();
                go(!k.isShiftKey(), false);
            }
        }));
        input.addEventListener("input", e -> Guard.run("find in source", () -> go(true, true)));
    }

    /** Puts the caret in the find box (the "/" key). */
    void focus() {
        input.focus();
        input.select();
    }

    /**
     * Goes to the next (or previous) line of the shown file holding the text, after the line last
     * found; `fromHere` (typing) also accepts that line itself.
     */
    private void go(boolean forward, boolean fromHere) {
        String q = input.getValue().trim().toLowerCase();
        SourceFile f = pane.shownSource();
        if (q.isEmpty() || f == null) {
            Dom.text(status, "");
            return;
        }
        List<SourceLine> lines = f.lines();
        int n = lines.size();
        int at = -1;
        int from = pane.targetIn(f.path());
        for (int i = 0; i < n; i++) {
            if (lines.get(i).number() == from) {
                at = i;
                break;
            }
        }
        int found = -1;
        int count = 0;
        int rank = 0;
        for (int i = 0; i < n; i++) {
            if (lines.get(i).text().toLowerCase().contains(q)) {
                count++;
            }
        }
        for (int k = 0; k < n && count > 0; k++) {
            int start = at < 0 ? (forward ? 0 : n - 1) : at + (fromHere ? 0 : forward ? 1 : -1);
            int i = ((forward ? start + k : start - k) % n + n) % n;
            if (lines.get(i).text().toLowerCase().contains(q)) {
                found = i;
                break;
            }
        }
        if (found < 0) {
            Dom.text(status, "not in " + f.path());
            return;
        }
        for (int i = 0; i <= found; i++) {
            if (lines.get(i).text().toLowerCase().contains(q)) {
                rank++;
            }
        }
        int line = lines.get(found).number();
        pane.show(f.path(), line);
        Dom.text(status, "line " + line + " · " + rank + " of " + count);
    }
}
