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

/**
 * The kernel source, one file at a time, with real line numbers linking to Elixir. Every task's
 * current line carries a chip in the task's colour with its name; the focus task's line is `.cur`
 * and its callers' lines `.caller`. Identifiers that the corpus defines jump to their definition;
 * annotations sit under their lines in the current language. Every opened file stays laid out in
 * its own scroll box, stacked in the pane, and only the shown one is visible: switching files (as
 * following a task does at many steps) costs no layout and each file keeps its scroll position.
 */
final class SourcePane {
    private static final String ELIXIR = "https://elixir.bootlin.com/linux/";
    /** Tasks on one line beyond this many get a small swatch (name in its label) instead of a chip. */
    private static final int FULL_CHIPS = 3;
    /** Source rows per lazily rendered chunk. */
    private static final int CHUNK = 25;

    /** One built file: its rows by real line number. */
    private static final class FileView {
        final SourceFile file;
        final HTMLElement root;
        final Map<Integer, HTMLElement> rows = new HashMap<>();
        final Map<Integer, String> lineNotes = new HashMap<>();
        final Map<Integer, FunctionSpan> starts = new HashMap<>();
        /** Elixir URL up to "#L", or null for our own sample code. */
        String elixir;
        HTMLElement box;
        /** Index of the next source line to build, and the real number of the last one built. */
        int next;
        int prev;

        FileView(SourceFile file, HTMLElement root) {
            this.file = file;
            this.root = root;
        }
    }

    private final Corpus corpus;
    private final Locator loc;
    private final HTMLElement code;
    private final HTMLElement tabs;
    private final HTMLElement where;
    private final HTMLElement head;
    private final HTMLSelectElement functions;
    private final Set<String> defined = new HashSet<>();
    private final Map<String, FileView> built = new HashMap<>();
    private final Map<String, HTMLElement> tabByFile = new HashMap<>();
    private final Map<String, HTMLElement> countByFile = new HashMap<>();
    private final List<HTMLElement> marked = new ArrayList<>();
    private final List<HTMLElement> counts = new ArrayList<>();
    private Annotations notes;
    private FileView shown;
    private HTMLElement target;
    private int cpus;
    private HTMLElement pendingRow;
    private boolean pendingAlways;
    private boolean scrollScheduled;
    private SourceFile functionsFor;

    SourcePane(Corpus corpus, Locator loc, Annotations notes) {
        this.corpus = corpus;
        this.loc = loc;
        this.notes = notes;
        this.code = Dom.byId("source");
        this.tabs = Dom.byId("source-tabs");
        this.where = Dom.byId("source-where");
        this.head = Dom.byId("source-head");
        this.functions = (HTMLSelectElement) Dom.byId("source-functions");
        for (SourceFile f : corpus.files()) {
            for (FunctionSpan span : f.functions()) {
                defined.add(span.name());
            }
            HTMLElement tab = Dom.button("tab", f.path());
            tab.setAttribute("data-file", f.path());
            tab.setAttribute("aria-pressed", "false");
            countByFile.put(f.path(), Dom.add(tab, "span", "count"));
            tab.addEventListener("click", e -> App.guard("open file", () -> showFile(f.path())));
            tabs.appendChild(tab);
            tabByFile.put(f.path(), tab);
        }
        Window.current().addEventListener("resize", e -> App.guard("resize", this::measure));
        code.addEventListener("click", e -> App.guard("jump to definition", () -> {
            HTMLElement id = Dom.closest(e.getTarget(), "id");
            if (id != null) {
                jumpToDefinition(id.getAttribute("data-def"));
            }
        }));
        functions.addEventListener("focus", e -> App.guard("list functions", this::listFunctions));
        functions.addEventListener("pointerdown", e -> App.guard("list functions", this::listFunctions));
        functions.addEventListener("change", e -> App.guard("jump to function", () -> {
            String v = functions.getValue();
            if (!v.isEmpty() && shown != null) {
                show(shown.file.path(), Integer.parseInt(v));
            }
        }));
        measure();
    }

    /**
     * Notes wrap at the pane's width (--pane-w), read here on load and on resize only: a CSS
     * container query would do it without script but makes every layout of the page slower.
     */
    void measure() {
        code.setAttribute("style", "--pane-w:" + Math.max(200, code.getClientWidth()) + "px");
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

    /** Jumps to a file and line (a call-stack frame, a definition), marking the line briefly. */
    void show(String file, int line) {
        if (corpus.file(file) == null) {
            return;
        }
        showFile(file);
        HTMLElement row = shown.rows.get(line);
        if (row == null) {
            return;
        }
        if (target != null) {
            target.getClassList().remove("target");
        }
        target = row;
        row.getClassList().add("target");
        reveal(row, true);
    }

    void jumpToDefinition(String name) {
        FunctionSpan span = name == null ? null : corpus.findDefinition(name);
        if (span != null) {
            show(span.file(), span.firstLine());
        }
    }

    void showFile(String path) {
        if (shown != null && shown.file.path().equals(path)) {
            return;
        }
        SourceFile f = corpus.file(path);
        if (f == null) {
            return;
        }
        FileView v = view(f);
        complete(v);
        if (shown != null) {
            shown.root.getClassList().remove("shown");
            tabByFile.get(shown.file.path()).setAttribute("aria-pressed", "false");
        }
        v.root.getClassList().add("shown");
        shown = v;
        pendingRow = null;
        tabByFile.get(path).setAttribute("aria-pressed", "true");
        fillHead(f);
        fillFunctions(f);
        if (last != null) {
            mark(last, lastFocus, false);
        }
    }

    private Snapshot last;
    private int lastFocus = -1;

    /**
     * Shows where every task is. `focus` is the task whose line is `.cur` (-1: none); when
     * `follow` is set the pane opens that task's file and keeps its line in view.
     */
    void render(Snapshot s, int focus, boolean follow) {
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
                    showFile(top.file);
                }
            } else {
                whereText = Fmt.task(ft) + " is in " + top.function + "() in " + top.file
                    + ": not in the corpus yet";
                for (int i = 1; i < ft.frames.size(); i++) {
                    Snapshot.FrameView f = ft.frames.get(i);
                    if (loc.line(f) > 0) {
                        whereText += "; called from " + f.function + "() at " + f.file + ":" + loc.line(f);
                        if (follow) {
                            showFile(f.file);
                        }
                        break;
                    }
                }
            }
        }
        Dom.text(where, whereText);
        if (shown == null && !corpus.files().isEmpty()) {
            showFile(corpus.files().get(0).path());
        }
        mark(s, focus, follow);
        countTabs(s);
    }

    private void mark(Snapshot s, int focus, boolean follow) {
        for (HTMLElement row : marked) {
            row.getClassList().remove("cur", "at", "caller");
            row.removeAttribute("style");
            HTMLElement tags = row.querySelector(".tags");
            if (tags != null) {
                row.removeChild(tags);
            }
        }
        marked.clear();
        if (shown == null) {
            return;
        }
        String path = shown.file.path();
        HTMLElement cur = null;
        for (Snapshot.TaskView t : s.tasks) {
            if (t.dead || t.frames.isEmpty()) {
                continue;
            }
            Snapshot.FrameView top = t.frames.get(0);
            if (!top.file.equals(path)) {
                continue;
            }
            HTMLElement row = shown.rows.get(loc.line(top));
            if (row == null) {
                continue;
            }
            int slot = Palette.slot(t.id, cpus, t.idle);
            HTMLElement tags = row.querySelector(".tags");
            if (tags == null) {
                tags = Dom.add(row, "span", "tags");
                row.getClassList().add("at");
                row.setAttribute("style", "--task:" + Palette.color(slot));
                marked.add(row);
            }
            HTMLElement chip;
            if (tags.getChildNodes().getLength() < FULL_CHIPS) {
                chip = Dom.chip(Fmt.task(t), slot);
            } else {
                chip = Dom.el("span", "chip mini");
                chip.setAttribute("style", Palette.style(slot));
                chip.setAttribute("role", "img");
                chip.setAttribute("aria-label", Fmt.task(t));
            }
            chip.setAttribute("title", Fmt.task(t) + " is here");
            chip.getClassList().add("cursor");
            chip.setAttribute("data-task", Integer.toString(t.id));
            tags.appendChild(chip);
            if (t.id == focus) {
                row.getClassList().add("cur");
                cur = row;
            }
        }
        if (focus >= 0) {
            Snapshot.TaskView ft = s.task(focus);
            for (int i = 1; i < ft.frames.size(); i++) {
                Snapshot.FrameView f = ft.frames.get(i);
                HTMLElement row = f.file.equals(path) ? shown.rows.get(loc.line(f)) : null;
                if (row != null && row != cur) {
                    row.getClassList().add("caller");
                    marked.add(row);
                    if (cur == null) {
                        cur = row;
                    }
                }
            }
        }
        if (follow && cur != null) {
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
            Dom.text(countByFile.get(f.path()), k == null ? "" : " ●" + k);
        }
    }

    /**
     * Scrolls the code so that the row is visible (centred when it was out of view, or always).
     * Measuring forces a layout, so it waits for the next animation frame, when the browser lays
     * out anyway; several renders in one frame cost one measurement.
     */
    private void reveal(HTMLElement row, boolean always) {
        pendingRow = row;
        pendingAlways = always;
        scheduleScroll();
    }

    private void scheduleScroll() {
        if (!scrollScheduled) {
            scrollScheduled = true;
            Window.requestAnimationFrame(t -> App.guard("scroll the source", this::flushScroll));
        }
    }

    private void flushScroll() {
        scrollScheduled = false;
        HTMLElement row = pendingRow;
        pendingRow = null;
        if (row == null || shown == null || !Dom.contains(shown.root, row)) {
            return;
        }
        HTMLElement box = shown.root;
        int st = box.getScrollTop();
        int top = row.getBoundingClientRect().getTop() - box.getBoundingClientRect().getTop() + st;
        int h = box.getClientHeight();
        if (pendingAlways || top < st + 8 || top + row.getOffsetHeight() > st + h - 8) {
            box.setScrollTop(Math.max(0, top - h / 3));
        }
    }

    private void fillHead(SourceFile f) {
        Dom.clear(head);
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
        if (functionsFor == f) {
            return;
        }
        functionsFor = null;
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

    /** Starts building a file's view; its rows are added chunk by chunk (see FileView.buildSome). */
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
        v.box = Dom.add(root, "div", "rows");
        return v;
    }

    /** A note carries its language: only Chinese text is marked Chinese, the C source stays English. */
    private void note(HTMLElement e) {
        if (notes.lang().equals("zh")) {
            e.setAttribute("lang", "zh-CN");
        }
    }

    /** Builds the next chunk of rows; false once the file is complete. */
    private boolean buildChunk(FileView v) {
        List<SourceLine> lines = v.file.lines();
        if (v.next >= lines.size()) {
            return false;
        }
        HTMLElement chunk = Dom.el("div", "chunk");
        int rowsIn = 0;
        int notesIn = 0;
        while (v.next < lines.size() && rowsIn < CHUNK) {
            SourceLine l = lines.get(v.next++);
            int n = l.number();
            if (v.prev > 0 && n > v.prev + 1) {
                Dom.add(chunk, "div", "fold", "⋯ lines " + (v.prev + 1) + "–" + (n - 1) + " not shown");
                rowsIn++;
            }
            FunctionSpan span = v.starts.get(n);
            String purpose = span == null ? null : notes.purpose(v.file.path(), span.key());
            if (purpose != null && !purpose.isEmpty()) {
                note(Dom.add(chunk, "div", "note purpose", span.key() + ": " + purpose));
                notesIn++;
            }
            HTMLElement row = Dom.add(chunk, "div", "line");
            String ln = Integer.toString(n);
            row.setAttribute("data-line", ln);
            if (v.elixir != null) {
                Dom.add(row, "a", "no", ln).setAttribute("href", v.elixir + ln);
            } else {
                Dom.add(row, "span", "no", ln);
            }
            row.appendChild(tokens(l.text()));
            v.rows.put(n, row);
            rowsIn++;
            String text = v.lineNotes.get(n);
            if (text != null) {
                note(Dom.add(chunk, "div", "note", text));
                notesIn++;
            }
            v.prev = n;
        }
        sizeChunk(chunk, rowsIn, notesIn);
        v.box.appendChild(chunk);
        return v.next < lines.size();
    }

    /** Completes a file now (it is about to be shown). */
    private void complete(FileView v) {
        while (buildChunk(v)) {
            // every chunk
        }
    }

    /**
     * Builds files ahead of need, a chunk at a time until the deadline: the files tasks are in,
     * then the rest of the corpus. Returns true while some file is incomplete.
     */
    boolean prebuild(double deadline) {
        for (SourceFile f : corpus.files()) {
            FileView v = view(f);
            while (buildChunk(v)) {
                if (Dom.now() >= deadline) {
                    return true;
                }
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

    /** Builds a file a chunk at a time until the deadline; true once it is complete (or absent). */
    boolean ready(String path, double deadline) {
        SourceFile f = path == null ? null : corpus.file(path);
        if (f == null) {
            return true;
        }
        FileView v = view(f);
        while (buildChunk(v)) {
            if (Dom.now() >= deadline) {
                return false;
            }
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

    /**
     * Chunks off screen are not laid out (content-visibility: auto); until first shown they take
     * this estimated height, so switching files and following a task stay cheap.
     */
    private static void sizeChunk(HTMLElement chunk, int rows, int notes) {
        int h = rows * 18 + notes * 44;
        chunk.setAttribute("style", "contain-intrinsic-size:auto 1px auto " + h + "px");
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
