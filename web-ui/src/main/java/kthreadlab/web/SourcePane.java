package kthreadlab.web;

import kthreadlab.snapshot.Snapshot;
import kthreadlab.source.Anchor;
import kthreadlab.source.Corpus;
import kthreadlab.source.SourceFile;
import kthreadlab.source.SourceLine;
import org.teavm.jso.dom.html.HTMLElement;

/** The kernel source of one file with its real line numbers; the stepping task's line is marked. */
final class SourcePane {
    private final Corpus corpus;
    private final HTMLElement root;
    private String shownFile = "";

    SourcePane(Corpus corpus, HTMLElement root) {
        this.corpus = corpus;
        this.root = root;
    }

    void render(Snapshot s) {
        Snapshot.TaskView t = s.lastTask >= 0 ? s.task(s.lastTask) : s.task(s.cpus.get(0).curr);
        Snapshot.FrameView top = t.frames.get(0);
        int line = corpus.resolve(new Anchor(top.file, top.function, top.text, top.occurrence));
        if (!top.file.equals(shownFile)) {
            build(corpus.file(top.file));
        }
        HTMLElement old = root.querySelector(".cur");
        if (old != null) {
            old.getClassList().remove("cur");
        }
        HTMLElement row = Dom.byId("L" + line);
        row.getClassList().add("cur");
        row.setAttribute("data-task", t.comm + "-" + t.pid);
    }

    private void build(SourceFile f) {
        Dom.clear(root);
        shownFile = f.path();
        root.appendChild(Dom.el("div", "file", f.path() + "  (" + f.version() + ")"));
        int prev = 0;
        for (SourceLine l : f.lines()) {
            if (prev > 0 && l.number() > prev + 1) {
                root.appendChild(Dom.el("div", "fold", "… lines " + (prev + 1) + "–" + (l.number() - 1) + " not shown"));
            }
            HTMLElement row = Dom.el("div", "line");
            row.setAttribute("id", "L" + l.number());
            row.setAttribute("data-line", Integer.toString(l.number()));
            row.appendChild(Dom.el("span", "no", Integer.toString(l.number())));
            row.appendChild(Dom.el("span", "code", l.text().isEmpty() ? " " : l.text()));
            root.appendChild(row);
            prev = l.number();
        }
    }
}
