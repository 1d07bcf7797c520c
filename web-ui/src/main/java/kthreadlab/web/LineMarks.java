package kthreadlab.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kthreadlab.snapshot.Snapshot;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.xml.Node;

/**
 * What the rows of one source file carry at the step last shown with it: the chips of the tasks
 * at each line (`.at`, in the first one's colour), `.cur` and `.caller`. A file keeps its marks
 * while another is shown (only `.cur` and `.caller` go: one file has a current line), so showing
 * it again rewrites only the rows whose marks changed, and in a row only the chips that changed.
 * Must hold: a row updated in place ends as a fresh row decorated with the same mark (same
 * classes, attributes and chips, in the same order; LiveViewTest compares seeks with a fresh load).
 */
final class LineMarks {
    /** Tasks on one line beyond this many get a small swatch (name in its label) instead of a chip. */
    static final int FULL_CHIPS = 3;

    /** What one line carries: its tasks (in snapshot order) with their colour slots, `.cur`, `.caller`. */
    static final class Mark {
        final List<Snapshot.TaskView> tasks = new ArrayList<>();
        final List<Integer> slots = new ArrayList<>();
        boolean cur;
        boolean caller;
    }

    /** The file's rows as the marks need them. */
    interface Rows {
        /** The line's row if it is in the DOM, else null. */
        HTMLElement live(int line);

        /** Puts the line's chunk in the DOM; each of its rows is given to drawFresh. */
        void render(int line);
    }

    /** A row in the DOM carrying a mark: the mark drawn, its `.tags` box and chips (in order). */
    private static final class Drawn {
        final HTMLElement row;
        Mark mark;
        HTMLElement tags;
        List<HTMLElement> chips = new ArrayList<>();

        Drawn(HTMLElement row) {
            this.row = row;
        }
    }

    private static final Mark NONE = new Mark();

    private final Rows rows;
    private Map<Integer, Mark> marks = new HashMap<>();
    private final Map<Integer, Drawn> drawn = new HashMap<>();

    LineMarks(Rows rows) {
        this.rows = rows;
    }

    /** The mark of a line in a map being filled, created empty if it has none yet. */
    static Mark at(Map<Integer, Mark> m, int line) {
        Mark k = m.get(line);
        if (k == null) {
            k = new Mark();
            m.put(line, k);
        }
        return k;
    }

    /** The marked lines (their chunks stay in the DOM). */
    Set<Integer> lines() {
        return marks.keySet();
    }

    /**
     * The rows carry `want` from now on: rows in the DOM are updated in place; a marked line not
     * in the DOM has its chunk rendered.
     */
    void set(Map<Integer, Mark> want) {
        Map<Integer, Mark> old = marks;
        marks = want;
        for (Integer line : old.keySet()) {
            Drawn d = want.containsKey(line) ? null : drawn.get(line);
            if (d != null) {
                draw(line, d.row);
            }
        }
        for (Integer line : want.keySet()) {
            HTMLElement row = rows.live(line);
            if (row != null) {
                draw(line, row);
            } else {
                rows.render(line);
            }
        }
    }

    /** The file is no longer shown: its current line and callers lose their classes, the chips stay. */
    void hide() {
        Map<Integer, Mark> kept = null;
        for (Map.Entry<Integer, Mark> e : marks.entrySet()) {
            Mark m = e.getValue();
            if (m.cur || m.caller) {
                if (kept == null) {
                    kept = new HashMap<>(marks);
                }
                if (m.tasks.isEmpty()) {
                    kept.remove(e.getKey());
                } else {
                    Mark t = new Mark();
                    t.tasks.addAll(m.tasks);
                    t.slots.addAll(m.slots);
                    kept.put(e.getKey(), t);
                }
            }
        }
        if (kept != null) {
            set(kept);
        }
    }

    /** A row just rendered (bare): it gets its line's mark. */
    void drawFresh(int line, HTMLElement row) {
        drawn.remove(line);
        draw(line, row);
    }

    /** A row taken out of the DOM. */
    void dropped(int line) {
        drawn.remove(line);
    }

    /** Writes what differs between the mark the row carries and its line's mark now. */
    private void draw(int line, HTMLElement row) {
        Drawn d = drawn.get(line);
        Mark had = d == null ? NONE : d.mark;
        Mark want = marks.get(line);
        if (want == null) {
            want = NONE;
        }
        boolean at = !want.tasks.isEmpty();
        boolean wasAt = !had.tasks.isEmpty();
        if (at != wasAt || want.cur != had.cur || want.caller != had.caller) {
            row.getClassList().remove("cur", "at", "caller");
            if (at) {
                row.getClassList().add("at");
            }
            if (want.cur) {
                row.getClassList().add("cur");
            }
            if (want.caller) {
                row.getClassList().add("caller");
            }
        }
        if (at && (!wasAt || !want.slots.get(0).equals(had.slots.get(0)))) {
            row.setAttribute("style", "--task:" + Palette.color(want.slots.get(0)));
        } else if (!at && wasAt) {
            row.removeAttribute("style");
        }
        if (want == NONE) {
            if (d != null && d.tags != null) {
                row.removeChild(d.tags);
            }
            drawn.remove(line);
            return;
        }
        if (d == null) {
            d = new Drawn(row);
            drawn.put(line, d);
        }
        chips(d, want);
        d.mark = want;
    }

    /** The row's chips become want's: those of the same task, look and place are kept. */
    private static void chips(Drawn d, Mark want) {
        Mark had = d.mark == null ? NONE : d.mark;
        if (sameChips(had, want)) {
            return;
        }
        if (want.tasks.isEmpty()) {
            d.row.removeChild(d.tags);
            d.tags = null;
            d.chips = new ArrayList<>();
            return;
        }
        if (d.tags == null) {
            d.tags = Dom.add(d.row, "span", "tags");
        }
        List<HTMLElement> now = new ArrayList<>(want.tasks.size());
        Node next = d.tags.getFirstChild();
        int hint = 0;
        for (int i = 0; i < want.tasks.size(); i++) {
            Snapshot.TaskView t = want.tasks.get(i);
            int slot = want.slots.get(i);
            int j = find(had, t.id, hint);
            HTMLElement c;
            if (j >= 0 && sameChip(had, j, want, i)) {
                c = d.chips.get(j);
                hint = j + 1;
            } else {
                c = chip(t, slot, i < FULL_CHIPS);
            }
            if (c == next) {
                next = next.getNextSibling();
            } else {
                d.tags.insertBefore(c, next);
            }
            now.add(c);
        }
        while (next != null) {
            Node after = next.getNextSibling();
            d.tags.removeChild(next);
            next = after;
        }
        d.chips = now;
    }

    /** Index of the task in m's tasks, looked for from `hint` on first (both lists keep one order), or -1. */
    private static int find(Mark m, int id, int hint) {
        int n = m.tasks.size();
        for (int k = 0; k < n; k++) {
            int j = (hint + k) % n;
            if (m.tasks.get(j).id == id) {
                return j;
            }
        }
        return -1;
    }

    /** Chip i of b would be built as chip j of a is: the same task, colour and size. */
    private static boolean sameChip(Mark a, int j, Mark b, int i) {
        return TaskChip.same(a.tasks.get(j), b.tasks.get(i)) && a.slots.get(j).equals(b.slots.get(i))
            && (j < FULL_CHIPS) == (i < FULL_CHIPS);
    }

    private static boolean sameChips(Mark a, Mark b) {
        if (a.tasks.size() != b.tasks.size()) {
            return false;
        }
        for (int i = 0; i < b.tasks.size(); i++) {
            if (!sameChip(a, i, b, i)) {
                return false;
            }
        }
        return true;
    }

    /** Cursors made so far, full chips and swatches (TaskChip.Made: a clone is cheaper than a build). */
    private static final TaskChip.Made FULL = new TaskChip.Made();
    private static final TaskChip.Made MINI = new TaskChip.Made();

    /** A task's cursor: a chip with its name, or past FULL_CHIPS a swatch with its name as label. */
    private static HTMLElement chip(Snapshot.TaskView t, int slot, boolean full) {
        TaskChip.Made made = full ? FULL : MINI;
        HTMLElement c = made.get(t, slot);
        return c != null ? c : made.put(t, slot, build(t, slot, full));
    }

    private static HTMLElement build(Snapshot.TaskView t, int slot, boolean full) {
        String name = Fmt.task(t);
        HTMLElement chip;
        if (full) {
            chip = Dom.chip(name, slot);
        } else {
            chip = Dom.el("span", "chip mini");
            chip.setAttribute("style", Palette.style(slot));
            chip.setAttribute("role", "img");
            chip.setAttribute("aria-label", name);
        }
        chip.setAttribute("title", name + " is here");
        chip.getClassList().add("cursor");
        chip.setAttribute("data-task", Integer.toString(t.id));
        return chip;
    }
}
