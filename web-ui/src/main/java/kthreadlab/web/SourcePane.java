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
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLSelectElement;

/**
 * The kernel source, one file at a time, with real line numbers linking to Elixir. Every task's
 * current line carries a chip in the task's colour with its name; the focus task's line is `.cur`
 * and its callers' lines `.caller`. Identifiers that the corpus defines jump to their definition;
 * annotations sit under their lines in the current language.
 */
final class SourcePane {
    private static final String ELIXIR = "https://elixir.bootlin.com/linux/";

    /** One built file: its rows by real line number. */
    private static final class FileView {
        final SourceFile file;
        final HTMLElement root;
        final Map<Integer, HTMLElement> rows = new HashMap<>();

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
    private final List<HTMLElement> marked = new ArrayList<>();
    private final List<HTMLElement> counts = new ArrayList<>();
    private Annotations notes;
    private FileView shown;
    private HTMLElement target;
    private int cpus;

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
            tab.appendChild(Dom.el("span", "count"));
            tab.addEventListener("click", e -> App.guard("open file", () -> showFile(f.path())));
            tabs.appendChild(tab);
            tabByFile.put(f.path(), tab);
        }
        code.addEventListener("click", e -> App.guard("jump to definition", () -> {
            HTMLElement id = Dom.closest(e.getTarget(), "id");
            if (id != null) {
                jumpToDefinition(id.getAttribute("data-def"));
            }
        }));
        functions.addEventListener("change", e -> App.guard("jump to function", () -> {
            String v = functions.getValue();
            if (!v.isEmpty() && shown != null) {
                show(shown.file.path(), Integer.parseInt(v));
            }
        }));
    }

    /** Switches the annotation language: files are rebuilt with the new notes. */
    void setNotes(Annotations a) {
        notes = a;
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
        FileView v = built.get(path);
        if (v == null) {
            v = build(f);
            built.put(path, v);
        }
        if (shown != null) {
            tabByFile.get(shown.file.path()).setAttribute("aria-pressed", "false");
        }
        Dom.clear(code);
        code.appendChild(v.root);
        code.setScrollTop(0);
        shown = v;
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
            HTMLElement chip = Dom.chip(Fmt.task(t), slot);
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
            HTMLElement c = tabByFile.get(f.path()).querySelector(".count");
            Dom.text(c, k == null ? "" : " ●" + k);
        }
    }

    /** Scrolls the code so that the row is visible (centred when it was out of view, or always). */
    private void reveal(HTMLElement row, boolean always) {
        int top = row.getOffsetTop();
        int h = code.getClientHeight();
        int st = code.getScrollTop();
        if (always || top < st + 8 || top + row.getOffsetHeight() > st + h - 8) {
            code.setScrollTop(Math.max(0, top - h / 3));
        }
    }

    private void fillHead(SourceFile f) {
        Dom.clear(head);
        Dom.add(head, "span", "path", f.path());
        Dom.add(head, "span", "version", " · " + f.version() + " ");
        if (hasElixir(f)) {
            HTMLElement a = Dom.add(head, "a", "elixir", "Elixir ↗");
            a.setAttribute("href", ELIXIR + f.version() + "/source/" + f.path());
            a.setAttribute("target", "_blank");
            a.setAttribute("rel", "noopener noreferrer");
        } else {
            Dom.add(head, "span", "muted", "(kthreadlab's own sample code)");
        }
    }

    private void fillFunctions(SourceFile f) {
        Dom.clear(functions);
        HTMLElement first = Dom.add(functions, "option", null, "Jump to a function…");
        first.setAttribute("value", "");
        for (FunctionSpan span : f.functions()) {
            HTMLElement o = Dom.add(functions, "option", null, span.key() + "  (line " + span.firstLine() + ")");
            o.setAttribute("value", Integer.toString(span.firstLine()));
        }
        functions.setValue("");
    }

    private static boolean hasElixir(SourceFile f) {
        return !f.version().startsWith("kthreadlab") && !f.path().startsWith("samples/");
    }

    private FileView build(SourceFile f) {
        HTMLElement root = Dom.el("div", "file");
        root.setAttribute("data-file", f.path());
        FileView v = new FileView(f, root);
        Map<Integer, String> lineNotes = new HashMap<>();
        for (Anchor a : notes.noteAnchors()) {
            if (a.file().equals(f.path())) {
                int n = loc.line(a);
                if (n > 0) {
                    String old = lineNotes.get(n);
                    String text = notes.note(a);
                    lineNotes.put(n, old == null ? text : old + "\n" + text);
                }
            }
        }
        Map<Integer, FunctionSpan> starts = new HashMap<>();
        for (FunctionSpan span : f.functions()) {
            starts.put(span.firstLine(), span);
        }
        boolean elixir = hasElixir(f);
        int prev = 0;
        for (SourceLine l : f.lines()) {
            int n = l.number();
            if (prev > 0 && n > prev + 1) {
                Dom.add(root, "div", "fold", "⋯ lines " + (prev + 1) + "–" + (n - 1) + " not shown");
            }
            FunctionSpan span = starts.get(n);
            String purpose = span == null ? null : notes.purpose(f.path(), span.key());
            if (purpose != null && !purpose.isEmpty()) {
                note(root, span.key() + ": " + purpose, "note purpose");
            }
            HTMLElement row = Dom.add(root, "div", "line");
            row.setAttribute("data-line", Integer.toString(n));
            String ln = Integer.toString(n);
            if (elixir) {
                HTMLElement a = Dom.add(row, "a", "no", ln);
                a.setAttribute("href", ELIXIR + f.version() + "/source/" + f.path() + "#L" + ln);
                a.setAttribute("target", "_blank");
                a.setAttribute("rel", "noopener noreferrer");
                a.setAttribute("title", "line " + ln + " on elixir.bootlin.com");
            } else {
                Dom.add(row, "span", "no", ln);
            }
            row.appendChild(tokens(l.text()));
            v.rows.put(n, row);
            String text = lineNotes.get(n);
            if (text != null) {
                note(root, text, "note");
            }
            prev = n;
        }
        return v;
    }

    private void note(HTMLElement root, String text, String cls) {
        HTMLElement d = Dom.add(root, "div", cls, text);
        d.setAttribute("lang", notes.lang().equals("zh") ? "zh-CN" : "en");
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
                    id.setAttribute("title", "go to the definition of " + word);
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
