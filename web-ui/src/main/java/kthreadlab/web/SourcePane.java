package kthreadlab.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kthreadlab.snapshot.Snapshot;
import kthreadlab.source.Anchor;
import kthreadlab.source.Annotations;
import kthreadlab.source.Corpus;
import kthreadlab.source.FunctionSpan;
import kthreadlab.source.SourceFile;
import kthreadlab.source.SourceLine;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLSelectElement;
import org.teavm.jso.dom.xml.Node;

/**
 * The kernel source, one file at a time, with real line numbers linking to Elixir. Every task's
 * current line carries a chip in the task's colour with its name; the focus task's line is `.cur`
 * and its callers' lines `.caller`. Identifiers that the corpus defines jump to their definition;
 * annotations sit under their lines in the current language. Every opened file keeps its own
 * scroll box, stacked in the pane, and only the shown one is visible; each keeps its scroll position.
 *
 * Windowed: a file is a column of chunks of CHUNK rows; only the chunks near the visible part of
 * the shown file, and those holding a marked line (a task, a caller, a target), have their rows in
 * the DOM. The others are empty boxes of the chunk's height (measured when it was last rendered,
 * estimated before), so a Step or a file switch lays out a few hundred rows, never a whole file.
 * Marks are data (by line, LineMarks, one per file and kept while the file is hidden) applied
 * whenever a row is rendered.
 */
final class SourcePane implements Pane {
    private static final String ELIXIR = "https://elixir.bootlin.com/linux/";
    /** Source rows per chunk. */
    static final int CHUNK = 25;
    /**
     * Pixels beyond the visible part of the shown file whose chunks are rendered (twice this is
     * kept): a few wheel notches. Every row rendered is laid out again when its file is shown, so a
     * file switch (most seeks) costs more with a wider margin (500 px: about 12% more layout).
     */
    private static final int MARGIN = 250;
    /** Estimated heights before a chunk is first measured (12px type at line-height 1.45; a note). */
    private static final double ROW_PX = 17.4;
    private static final double NOTE_PX = 44;

    /** Up to CHUNK rows of a file; `live` when its rows are in the DOM. */
    private static final class Chunk {
        /** Index of its first and one past its last line in SourceFile.lines(). */
        final int from;
        final int to;
        /** Its box in the file's column: empty (of its height) or holding its rows. */
        HTMLElement el;
        /** Its height in px: measured while it was live, else estimated. */
        int height;
        boolean live;
        /**
         * Its rows built ahead of need (prebuild), bare and out of the DOM: the box that replaces
         * `el` when the chunk is rendered, and its rows in line order; null when none.
         */
        HTMLElement ready;
        HTMLElement[] readyRows;
        /** Its rows in line order while live. */
        HTMLElement[] rows;

        Chunk(int from, int to, HTMLElement el, int height) {
            this.from = from;
            this.to = to;
            this.el = el;
            this.height = height;
        }
    }

    /** One file: its chunks, and the rows now rendered by real line number. */
    private static final class FileView {
        final SourceFile file;
        final HTMLElement root;
        final Map<Integer, HTMLElement> rows = new HashMap<>();
        final Map<Integer, String> lineNotes = new HashMap<>();
        final Map<Integer, FunctionSpan> starts = new HashMap<>();
        final List<Chunk> chunks = new ArrayList<>();
        /** Real line number -> index of its chunk. */
        final Map<Integer, Integer> chunkOf = new HashMap<>();
        /** What its rows carry at the step last shown with it. */
        LineMarks marks;
        /** What the head above the code shows for it (null until first shown). */
        List<Node> head;
        /** Elixir URL up to "#L", or null for our own sample code. */
        String elixir;
        HTMLElement box;
        /** Scroll position and height last seen (px), where rows are rendered on a switch back. */
        int top;
        int height;
        /** Chunks before this one were looked at by prebuild. */
        int prebuilt;

        FileView(SourceFile file, HTMLElement root) {
            this.file = file;
            this.root = root;
        }
    }

    private Corpus corpus;
    private final Locator loc;
    private final HTMLElement code;
    private final FileTabs tabs;
    private final HTMLElement where;
    private final HTMLElement head;
    private final HTMLSelectElement functions;
    private final Set<String> defined = new HashSet<>();
    private final Map<String, FileView> built = new HashMap<>();
    private Annotations notes;
    private FileView shown;
    /** The line show() pointed at (.target) in targetFile, or -1. */
    private int targetLine = -1;
    private String targetFile;
    private int cpus;
    /** The line to scroll into view at the next frame (-1: none). */
    private int pendingLine = -1;
    private boolean pendingAlways;
    private final NextFrame scroll = new NextFrame("scroll the source", this::flushScroll);
    /** The height of the source box (px), read on load and resize. */
    private int viewHeight = 400;
    private SourceFile functionsFor;
    /** The function list shows only its placeholder (functionsFor is null). */
    private boolean placeholder;

    SourcePane(Corpus corpus, Locator loc, Annotations notes) {
        this.corpus = corpus;
        this.loc = loc;
        this.notes = notes;
        this.code = Dom.byId("source");
        this.tabs = new FileTabs(Dom.byId("source-tabs"));
        this.where = Dom.byId("source-where");
        this.head = Dom.byId("source-head");
        this.functions = (HTMLSelectElement) Dom.byId("source-functions");
        fillTabs();
        Window.current().addEventListener("resize", e -> Guard.run("resize", this::measure));
        code.addEventListener("click", e -> Guard.run("jump to definition", () -> {
            HTMLElement id = Dom.closest(e.getTarget(), "id");
            if (id != null) {
                jumpToDefinition(id.getAttribute("data-def"));
            }
        }));
        functions.addEventListener("focus", e -> Guard.run("list functions", this::listFunctions));
        functions.addEventListener("pointerdown", e -> Guard.run("list functions", this::listFunctions));
        functions.addEventListener("change", e -> Guard.run("jump to function", () -> {
            String v = functions.getValue();
            if (!v.isEmpty() && shown != null) {
                show(shown.file.path(), Integer.parseInt(v));
            }
        }));
        measure();
    }

    /** One tab per corpus file; the identifiers the corpus defines. */
    private void fillTabs() {
        defined.clear();
        List<String> paths = new ArrayList<>();
        for (SourceFile f : corpus.files()) {
            for (FunctionSpan span : f.functions()) {
                defined.add(span.name());
            }
            paths.add(f.path());
        }
        tabs.fill(paths, shown == null ? null : shown.file.path(), this::showFile);
    }

    /** The corpus grew (its on-demand files arrived): tabs and files are built again, the shown file stays. */
    void setCorpus(Corpus c) {
        corpus = c;
        functionsFor = null;
        fillTabs();
        setNotes(notes);
    }

    /**
     * Notes wrap at the pane's width (--pane-w), read here on load and on resize only: a CSS
     * container query would do it without script but makes every layout of the page slower.
     */
    void measure() {
        code.setAttribute("style", "--pane-w:" + Math.max(200, code.getClientWidth()) + "px");
        viewHeight = Math.max(100, code.getClientHeight());
        scheduleScroll();
    }

    /** Switches the annotation language: files are rebuilt with the new notes. */
    void setNotes(Annotations a) {
        notes = a;
        for (FileView v : built.values()) {
            code.removeChild(v.root);
        }
        built.clear();
        if (shown != null) {
            String path = shown.file.path();
            shown = null;
            showFile(path);
        }
    }

    String shownFile() {
        return shown == null ? null : shown.file.path();
    }

    SourceFile shownSource() {
        return shown == null ? null : shown.file;
    }

    /** The line show() last pointed at in this file, or -1. */
    int targetIn(String path) {
        return path.equals(targetFile) ? targetLine : -1;
    }

    /** Jumps to a file and line (a call-stack frame, a definition), marking the line briefly. */
    void show(String file, int line) {
        if (corpus.file(file) == null) {
            return;
        }
        showFile(file);
        if (!shown.chunkOf.containsKey(line)) {
            return;
        }
        FileView was = targetFile == null ? null : built.get(targetFile);
        HTMLElement old = was == null ? null : was.rows.get(targetLine);
        if (old != null) {
            old.getClassList().remove("target");
        }
        targetFile = file;
        targetLine = line;
        HTMLElement row = rowOf(file, line);
        if (row != null) {
            row.getClassList().add("target");
        }
        reveal(line, true);
    }

    /** The rendered row of a line of a file, rendering its chunk if needed (null: no such line). */
    private HTMLElement rowOf(String file, int line) {
        FileView v = built.get(file);
        Integer c = v == null ? null : v.chunkOf.get(line);
        if (c == null) {
            return null;
        }
        render(v, v.chunks.get(c));
        return v.rows.get(line);
    }

    void jumpToDefinition(String name) {
        FunctionSpan span = name == null ? null : corpus.findDefinition(name);
        if (span != null) {
            show(span.file(), span.firstLine());
        }
    }

    void showFile(String path) {
        if (open(path) && last != null) {
            mark(last, lastFocus, false);
        }
    }

    /** Shows a file (its rows keep the marks of the step last shown with it); false if it was shown or is absent. */
    private boolean open(String path) {
        if (shown != null && shown.file.path().equals(path)) {
            return false;
        }
        SourceFile f = corpus.file(path);
        if (f == null) {
            return false;
        }
        FileView v = view(f);
        if (shown != null) {
            shown.marks.hide();
            shown.root.getClassList().remove("shown");
        }
        v.root.getClassList().add("shown");
        shown = v;
        pendingLine = -1;
        renderAround(v, v.top, v.height > 0 ? v.height : viewHeight);
        scheduleScroll();
        tabs.press(path);
        fillHead(v);
        fillFunctions(f);
        return true;
    }

    private final LineLinks lineLinks = new LineLinks();
    private Snapshot last;
    private int lastFocus = -1;

    /**
     * Shows where every task is. `focus` is the task whose line is `.cur` (-1: none); when
     * `follow` is set the pane opens that task's file and keeps its line in view.
     */
    @Override
    public void render(StepView v) {
        if (v.snap != null) {
            render(v.snap, v.focus, v.follow);
            lineLinks.update(shown == null ? null : shown.root);
        }
    }

    private void render(Snapshot s, int focus, boolean follow) {
        cpus = s.cpus.size();
        last = s;
        lastFocus = focus;
        Snapshot.TaskView ft = focus >= 0 ? s.task(focus) : null;
        String whereText = "";
        if (ft != null && !ft.frames.isEmpty()) {
            Snapshot.FrameView top = ft.frames.get(0);
            int line = loc.line(top);
            if (line > 0) {
                whereText = Fmt.task(ft) + " is in " + top.function + "() at " + top.file + ":" + line;
                if (follow) {
                    open(top.file);
                }
            } else {
                whereText = Fmt.task(ft) + " is in " + top.function + "() in " + top.file
                    + ": not in the corpus yet";
                for (int i = 1; i < ft.frames.size(); i++) {
                    Snapshot.FrameView f = ft.frames.get(i);
                    if (loc.line(f) > 0) {
                        whereText += "; called from " + f.function + "() at " + f.file + ":" + loc.line(f);
                        if (follow) {
                            open(f.file);
                        }
                        break;
                    }
                }
            }
        }
        Dom.text(where, whereText);
        if (shown == null && !corpus.files().isEmpty()) {
            open(corpus.files().get(0).path());
        }
        mark(s, focus, follow);
        countTabs(s);
    }

    /**
     * Marks the lines of the shown file's tasks and the focus task's callers. Only what differs
     * from what the rows carry is written (a seek moves some tasks, a Step one).
     */
    private void mark(Snapshot s, int focus, boolean follow) {
        if (shown == null) {
            return;
        }
        Map<Integer, LineMarks.Mark> marks = new HashMap<>();
        String path = shown.file.path();
        int cur = -1;
        for (Snapshot.TaskView t : s.tasks) {
            if (t.dead || t.frames.isEmpty()) {
                continue;
            }
            Snapshot.FrameView top = t.frames.get(0);
            if (!top.file.equals(path)) {
                continue;
            }
            int line = loc.line(top);
            if (!shown.chunkOf.containsKey(line)) {
                continue;
            }
            LineMarks.Mark m = LineMarks.at(marks, line);
            m.tasks.add(t);
            m.slots.add(Palette.slot(t.id, cpus, t.idle));
            if (t.id == focus) {
                m.cur = true;
                cur = line;
            }
        }
        if (focus >= 0) {
            Snapshot.TaskView ft = s.task(focus);
            for (int i = 1; i < ft.frames.size(); i++) {
                Snapshot.FrameView f = ft.frames.get(i);
                int line = f.file.equals(path) ? loc.line(f) : 0;
                if (shown.chunkOf.containsKey(line) && line != cur) {
                    LineMarks.at(marks, line).caller = true;
                    if (cur < 0) {
                        cur = line;
                    }
                }
            }
        }
        shown.marks.set(marks);
        if (follow && cur > 0) {
            reveal(cur, false);
        }
    }

    /** Tabs show how many tasks are in each file. */
    private void countTabs(Snapshot s) {
        Map<String, Integer> n = new HashMap<>();
        for (Snapshot.TaskView t : s.tasks) {
            if (!t.dead && !t.frames.isEmpty() && loc.line(t.frames.get(0)) > 0) {
                String f = t.frames.get(0).file;
                Integer k = n.get(f);
                n.put(f, k == null ? 1 : k + 1);
            }
        }
        for (SourceFile f : corpus.files()) {
            Integer k = n.get(f.path());
            tabs.count(f.path(), k == null ? "" : " ●" + k);
        }
    }

    /**
     * Scrolls the code so that the line is visible (centred when it was out of view, or always).
     * Measuring forces a layout, so it waits for the next animation frame, when the browser lays
     * out anyway; several renders in one frame cost one measurement.
     */
    private void reveal(int line, boolean always) {
        pendingLine = line;
        pendingAlways = always;
        scheduleScroll();
    }

    /** At the next frame: scrolls to the pending line, then renders the chunks the view now needs. */
    private void scheduleScroll() {
        scroll.request();
    }

    private void flushScroll() {
        int line = pendingLine;
        pendingLine = -1;
        FileView v = shown;
        if (v == null) {
            return;
        }
        HTMLElement row = line > 0 ? rowOf(v.file.path(), line) : null;
        HTMLElement box = v.root;
        if (row != null) {
            int st = box.getScrollTop();
            int top = row.getBoundingClientRect().getTop() - box.getBoundingClientRect().getTop() + st;
            int h = box.getClientHeight();
            if (pendingAlways || top < st + 8 || top + row.getOffsetHeight() > st + h - 8) {
                box.setScrollTop(Math.max(0, top - h / 3));
            }
        }
        window(v);
    }

    /**
     * Renders the chunks within MARGIN of what the shown file's box shows and empties those beyond
     * twice that holding no mark. Heights of live chunks are read first, in one layout.
     */
    private void window(FileView v) {
        v.top = v.root.getScrollTop();
        v.height = v.root.getClientHeight();
        for (Chunk c : v.chunks) {
            if (c.live) {
                c.height = c.el.getOffsetHeight();
            }
        }
        Set<Integer> held = new HashSet<>();
        for (Integer line : v.marks.lines()) {
            held.add(v.chunkOf.get(line));
        }
        if (v.file.path().equals(targetFile) && v.chunkOf.containsKey(targetLine)) {
            held.add(v.chunkOf.get(targetLine));
        }
        int y = 0;
        for (int i = 0; i < v.chunks.size(); i++) {
            Chunk c = v.chunks.get(i);
            int bottom = y + c.height;
            if (bottom >= v.top - MARGIN && y <= v.top + v.height + MARGIN) {
                render(v, c);
            } else if (c.live && !held.contains(i)
                && (bottom < v.top - 2 * MARGIN || y > v.top + v.height + 2 * MARGIN)) {
                empty(v, c);
            }
            y = bottom;
        }
    }

    /** Renders the chunks in [top - MARGIN, top + height + MARGIN] by their known heights (no layout). */
    private void renderAround(FileView v, int top, int height) {
        int y = 0;
        for (Chunk c : v.chunks) {
            if (y + c.height >= top - MARGIN && y <= top + height + MARGIN) {
                render(v, c);
            }
            y += c.height;
        }
    }

    /** The file's path, version and Elixir link above the code, made once per file and moved in. */
    private void fillHead(FileView v) {
        Dom.clear(head);
        if (v.head == null) {
            v.head = new ArrayList<>();
            head(v.file);
            for (Node n = head.getFirstChild(); n != null; n = n.getNextSibling()) {
                v.head.add(n);
            }
            return;
        }
        for (Node n : v.head) {
            head.appendChild(n);
        }
    }

    private void head(SourceFile f) {
        Dom.add(head, "span", "path", f.path());
        HTMLElement ver = Dom.add(head, "span", "version", " · " + elixirVersion(f) + " ");
        ver.setAttribute("title", f.version());
        if (hasElixir(f)) {
            HTMLElement a = Dom.add(head, "a", "elixir", "Elixir ↗");
            a.setAttribute("href", ELIXIR + elixirVersion(f) + "/source/" + f.path());
            a.setAttribute("target", "_blank");
            a.setAttribute("rel", "noopener noreferrer");
        } else {
            Dom.add(head, "span", "muted", "(kthreadlab's own sample code)");
        }
    }

    /**
     * The function list shows a placeholder until the reader opens it: filling it with a large
     * file's functions at every file switch (following a task switches often) would cost more
     * than everything else a step renders.
     */
    private void fillFunctions(SourceFile f) {
        if (functionsFor == f || functionsFor == null && placeholder) {
            return;
        }
        functionsFor = null;
        placeholder = true;
        Dom.clear(functions);
        HTMLElement first = Dom.add(functions, "option", null, "Jump to a function…");
        first.setAttribute("value", "");
        functions.setValue("");
    }

    /** Fills the function list of the shown file (on focus or pointer down, before it opens). */
    private void listFunctions() {
        if (shown == null || functionsFor == shown.file) {
            return;
        }
        functionsFor = shown.file;
        placeholder = false;
        for (FunctionSpan span : shown.file.functions()) {
            HTMLElement o = Dom.add(functions, "option", null, span.key() + "  (line " + span.firstLine() + ")");
            o.setAttribute("value", Integer.toString(span.firstLine()));
        }
        functions.setValue("");
    }

    /** The version tag for Elixir: the header's first word ("v5.15.100 (the stable release…)" → v5.15.100). */
    static String elixirVersion(SourceFile f) {
        String v = f.version().trim();
        int sp = v.indexOf(' ');
        return sp < 0 ? v : v.substring(0, sp);
    }

    private static boolean hasElixir(SourceFile f) {
        return !f.version().startsWith("kthreadlab") && !f.path().startsWith("samples/");
    }

    /** A file's view: its notes by line and its chunks, empty boxes of estimated height. */
    private FileView build(SourceFile f) {
        HTMLElement root = Dom.el("div", "file");
        root.setAttribute("data-file", f.path());
        root.setAttribute("tabindex", "0");
        root.setAttribute("aria-label", f.path());
        FileView v = new FileView(f, root);
        for (Anchor a : notes.noteAnchors()) {
            if (a.file().equals(f.path())) {
                int n = loc.line(a);
                if (n > 0) {
                    String old = v.lineNotes.get(n);
                    String text = notes.note(a);
                    v.lineNotes.put(n, old == null ? text : old + "\n" + text);
                }
            }
        }
        for (FunctionSpan span : f.functions()) {
            v.starts.put(span.firstLine(), span);
        }
        v.elixir = hasElixir(f) ? ELIXIR + elixirVersion(f) + "/source/" + f.path() + "#L" : null;
        v.marks = new LineMarks(new LineMarks.Rows() {
            @Override
            public HTMLElement live(int line) {
                return v.rows.get(line);
            }

            @Override
            public void render(int line) {
                SourcePane.this.render(v, v.chunks.get(v.chunkOf.get(line)));
            }
        });
        v.box = Dom.add(root, "div", "rows");
        List<SourceLine> lines = f.lines();
        int from = 0;
        while (from < lines.size()) {
            int to = Math.min(lines.size(), from + CHUNK);
            int rows = 0;
            int notesIn = 0;
            for (int i = from; i < to; i++) {
                int n = lines.get(i).number();
                v.chunkOf.put(n, v.chunks.size());
                rows += i > 0 && n > lines.get(i - 1).number() + 1 ? 2 : 1;
                notesIn += (v.lineNotes.containsKey(n) ? 1 : 0) + (purpose(v, n) != null ? 1 : 0);
            }
            Chunk c = new Chunk(from, to, Dom.add(v.box, "div", "chunk"), (int) (rows * ROW_PX + notesIn * NOTE_PX));
            c.el.setAttribute("style", "height:" + c.height + "px");
            v.chunks.add(c);
            from = to;
        }
        root.addEventListener("scroll", e -> {
            // notes are sticky only while the code is scrolled sideways (see the stylesheet)
            boolean sideways = root.getScrollLeft() > 0;
            if (sideways != root.getClassList().contains("sideways")) {
                Dom.setClass(root, "sideways", sideways);
            }
            if (v == shown) {
                scheduleScroll();
            }
        });
        return v;
    }

    /** The purpose note of the function starting at line n, or null. */
    private String purpose(FileView v, int n) {
        FunctionSpan span = v.starts.get(n);
        String p = span == null ? null : notes.purpose(v.file.path(), span.key());
        return p == null || p.isEmpty() ? null : p;
    }

    /** A note carries its language: only Chinese text is marked Chinese, the C source stays English. */
    private void note(HTMLElement e) {
        if (notes.lang().equals("zh")) {
            e.setAttribute("lang", "zh-CN");
        }
    }

    /** Puts a chunk's rows (with folds and notes) into the DOM, each row decorated. */
    private void render(FileView v, Chunk c) {
        if (c.live) {
            return;
        }
        c.live = true;
        if (c.ready == null) {
            build(v, c);
        }
        // one DOM change: the box of rows built apart replaces the empty box of the chunk's height
        c.el.getParentNode().replaceChild(c.ready, c.el);
        c.el = c.ready;
        HTMLElement[] rows = c.readyRows;
        c.rows = rows;
        c.ready = null;
        c.readyRows = null;
        List<SourceLine> lines = v.file.lines();
        for (int i = c.from; i < c.to; i++) {
            int n = lines.get(i).number();
            HTMLElement row = rows[i - c.from];
            v.rows.put(n, row);
            if (n == targetLine && v.file.path().equals(targetFile)) {
                row.getClassList().add("target");
            }
            v.marks.drawFresh(n, row);
        }
    }

    /** Builds a chunk's bare rows (with folds and notes) in a box out of the DOM: c.ready, c.readyRows. */
    private void build(FileView v, Chunk c) {
        HTMLElement box = Dom.el("div", "chunk");
        HTMLElement[] rows = new HTMLElement[c.to - c.from];
        List<SourceLine> lines = v.file.lines();
        for (int i = c.from; i < c.to; i++) {
            SourceLine l = lines.get(i);
            int n = l.number();
            int prev = i > 0 ? lines.get(i - 1).number() : 0;
            if (prev > 0 && n > prev + 1) {
                Dom.add(box, "div", "fold", "⋯ lines " + (prev + 1) + "–" + (n - 1) + " not shown");
            }
            String purpose = purpose(v, n);
            if (purpose != null) {
                note(Dom.add(box, "div", "note purpose", v.starts.get(n).key() + ": " + purpose));
            }
            HTMLElement row = renderRow(v, l);
            box.appendChild(row);
            rows[i - c.from] = row;
            String text = v.lineNotes.get(n);
            if (text != null) {
                note(Dom.add(box, "div", "note", text));
            }
        }
        c.ready = box;
        c.readyRows = rows;
    }

    /** One bare source row: its number (a link to Elixir) and its code. */
    private HTMLElement renderRow(FileView v, SourceLine l) {
        HTMLElement row = Dom.el("div", "line");
        String ln = Integer.toString(l.number());
        row.setAttribute("data-line", ln);
        if (v.elixir != null) {
            HTMLElement a = Dom.add(row, "a", "no", ln);
            a.setAttribute("href", v.elixir + ln);
            a.setAttribute("tabindex", "-1"); // one Tab stop per file: LineLinks picks it
        } else {
            Dom.add(row, "span", "no", ln);
        }
        row.appendChild(tokens(l.text()));
        return row;
    }

    /**
     * Takes a chunk's rows out of the DOM; an empty box keeps their height. The rows of a chunk
     * holding an annotated line are kept for its next render (bare: a chunk holding a mark or the
     * target is never emptied, and a row unmarked ends as built, LineMarks and LineLinks).
     */
    private void empty(FileView v, Chunk c) {
        c.live = false;
        HTMLElement box = Dom.el("div", "chunk");
        box.setAttribute("style", "height:" + c.height + "px");
        c.el.getParentNode().replaceChild(box, c.el);
        if (holdsNote(v, c)) {
            c.ready = c.el;
            c.readyRows = c.rows;
        }
        c.el = box;
        c.rows = null;
        List<SourceLine> lines = v.file.lines();
        for (int i = c.from; i < c.to; i++) {
            v.rows.remove(lines.get(i).number());
            v.marks.dropped(lines.get(i).number());
        }
    }

    /**
     * Creates the views of files ahead of need until the deadline, then builds (out of the DOM) the
     * rows of the chunks holding an annotated line: the lines the simulator stops at, so the chunks
     * a seek marks. A seek then only puts them in. True while some work remains.
     */
    boolean prebuild(double deadline) {
        for (SourceFile f : corpus.files()) {
            view(f);
            if (Dom.now() >= deadline) {
                return true;
            }
        }
        for (SourceFile f : corpus.files()) {
            FileView v = view(f);
            for (; v.prebuilt < v.chunks.size(); v.prebuilt++) {
                Chunk c = v.chunks.get(v.prebuilt);
                if (!c.live && c.ready == null && holdsNote(v, c)) {
                    build(v, c);
                    if (Dom.now() >= deadline) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean holdsNote(FileView v, Chunk c) {
        List<SourceLine> lines = v.file.lines();
        for (int i = c.from; i < c.to; i++) {
            if (v.lineNotes.containsKey(lines.get(i).number())) {
                return true;
            }
        }
        return false;
    }

    /** The file render() will show for this focus: its line's, else its nearest caller's in the corpus. */
    String fileFor(Snapshot s, int focus) {
        if (focus < 0 || focus >= s.tasks.size()) {
            return null;
        }
        for (Snapshot.FrameView f : s.task(focus).frames) {
            if (loc.line(f) > 0) {
                return f.file;
            }
        }
        return null;
    }

    /** Prepares a file's view (a job calls it before showing a step); true once it exists (or the file is absent). */
    boolean ready(String path, double deadline) {
        SourceFile f = path == null ? null : corpus.file(path);
        if (f != null) {
            view(f);
        }
        return true;
    }

    /** The view of a file, created (empty) and attached on first use. */
    private FileView view(SourceFile f) {
        FileView v = built.get(f.path());
        if (v == null) {
            v = build(f);
            built.put(f.path(), v);
            code.appendChild(v.root);
        }
        return v;
    }

    /** The code of one line; identifiers the corpus defines become links to their definition. */
    private HTMLElement tokens(String text) {
        HTMLElement c = Dom.el("span", "code");
        if (text.isEmpty()) {
            Dom.addText(c, " ");
            return c;
        }
        int plain = 0;
        int i = 0;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (isIdentStart(ch) && (i == 0 || !isIdent(text.charAt(i - 1)))) {
                int j = i + 1;
                while (j < text.length() && isIdent(text.charAt(j))) {
                    j++;
                }
                String word = text.substring(i, j);
                if (defined.contains(word)) {
                    if (i > plain) {
                        Dom.addText(c, text.substring(plain, i));
                    }
                    HTMLElement id = Dom.add(c, "span", "id", word);
                    id.setAttribute("data-def", word);
                    id.setAttribute("role", "link");
                    plain = j;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (plain < text.length()) {
            Dom.addText(c, text.substring(plain));
        }
        return c;
    }

    private static boolean isIdentStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
    }

    private static boolean isIdent(char c) {
        return isIdentStart(c) || c >= '0' && c <= '9';
    }
}
