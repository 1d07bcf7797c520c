package kthreadlab.web;

import java.util.ArrayList;
import java.util.List;
import kthreadlab.snapshot.Snapshot;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.TextRectangle;

/**
 * The task table: pid, ppid, comm, state letter as ps prints it, CPU, vruntime and the call stack
 * (innermost first; each frame jumps to its line). Rows are rebuilt only when they change.
 *
 * Windowed like the source pane: the tasks, by pid, are chunks of CHUNK rows; only the chunks near the
 * visible part of the table have their rows in the DOM, the others are empty boxes of the chunk's
 * height (measured when it was last rendered, else estimated from the rows measured so far). A run
 * of 10,000 tasks keeps a few dozen rows in the DOM, and a seek that changes every task rebuilds
 * only those.
 */
final class TaskPane implements Pane {
    /** What a click in the table asks for. */
    interface Actions {
        void showLine(String file, int line);

        void follow(int taskId);
    }

    /** Task rows per chunk. */
    static final int CHUNK = 16;
    /** Pixels beyond the visible part of the table whose chunks are rendered (twice this is kept). */
    private static final int MARGIN = 300;
    /** A row's height before any was measured (12px type, one line of stack). */
    private static final double ROW_PX = 21;

    /** Rows [from, from + CHUNK) of the table; `live` when they are in the DOM. */
    private static final class Chunk {
        final int from;
        final HTMLElement el = Dom.el("div", "chunk");
        /** Rows it holds now (the last chunk may be short). */
        int count;
        /** Its height in px: measured while it was live, else estimated. */
        int height;
        boolean live;

        Chunk(int from) {
            this.from = from;
            el.setAttribute("role", "none");
        }
    }

    private final HTMLElement body;
    private final Locator loc;
    private final List<Chunk> chunks = new ArrayList<>();
    /** Per place in the table (tasks by pid): its row in the DOM, or null when its chunk is not live. */
    private final List<Row> rows = new ArrayList<>();
    /**
     * Rows taken out because a seek went where there are fewer tasks, by place (null: none): put
     * back and updated in place when that place is shown again, instead of built anew.
     */
    private final List<Row> spare = new ArrayList<>();
    private Snapshot snap;
    private int focus = -1;
    /** The visible part of the table in its own coordinates (px from its top), as last measured. */
    private int viewTop;
    private int viewHeight = 800;
    /** Measured px per row (0 until a live chunk was measured). */
    private double rowPx;
    private final NextFrame frame = new NextFrame("task table", this::window);

    TaskPane(HTMLElement table, Locator loc, Actions actions) {
        this.body = table.querySelector(".tbody");
        this.loc = loc;
        table.addEventListener("click", e -> Guard.run("task table", () -> {
            HTMLElement f = Dom.closest(e.getTarget(), "frame");
            if (f != null && f.hasAttribute("data-line")) {
                actions.showLine(f.getAttribute("data-file"), Integer.parseInt(f.getAttribute("data-line")));
                return;
            }
            HTMLElement follow = Dom.closest(e.getTarget(), "follow");
            if (follow != null) {
                actions.follow(Integer.parseInt(follow.getAttribute("data-task")));
            }
        }));
        // The table scrolls with #state (side by side) or with the page (narrow screens).
        Dom.byId("state").addEventListener("scroll", e -> frame.request());
        Window.current().addEventListener("scroll", e -> frame.request());
        Window.current().addEventListener("resize", e -> frame.request());
    }

    /** Rows are drawn again at the next render (the corpus grew: frames may have lines now). */
    void forget() {
        Dom.clear(body);
        chunks.clear();
        rows.clear();
        spare.clear();
    }

    @Override
    public void render(StepView v) {
        if (v.snap != null) {
            render(v.snap, v.focus);
        }
    }

    /** Shows the tasks of s: rows in the DOM are updated where they changed, the others when they come into view. */
    private void render(Snapshot s, int focus) {
        snap = s;
        this.focus = focus;
        int n = s.tasks.size();
        while (rows.size() > n) {
            int i = rows.size() - 1;
            Row r = rows.remove(i);
            if (r != null) {
                chunks.get(i / CHUNK).el.removeChild(r.tr);
                while (spare.size() <= i) {
                    spare.add(null);
                }
                spare.set(i, r);
            }
        }
        while (rows.size() < n) {
            rows.add(null);
        }
        while (!chunks.isEmpty() && chunks.get(chunks.size() - 1).from >= n) {
            body.removeChild(chunks.remove(chunks.size() - 1).el);
        }
        while (chunks.size() * CHUNK < n) {
            Chunk c = new Chunk(chunks.size() * CHUNK);
            body.appendChild(c.el);
            chunks.add(c);
        }
        for (Chunk c : chunks) {
            int count = Math.min(CHUNK, n - c.from);
            if (c.live) {
                update(c, count);
            } else if (count != c.count || c.height == 0) {
                c.count = count;
                c.height = estimate(count);
                c.el.setAttribute("style", "height:" + c.height + "px");
            }
        }
        renderAround();
        frame.request();
    }

    /** Brings a live chunk's rows to the snapshot: changed rows updated in place, missing ones added, extra ones removed. */
    private void update(Chunk c, int count) {
        for (int i = c.from; i < c.from + count; i++) {
            Snapshot.TaskView t = snap.tasks.get(i);
            Row r = rows.get(i);
            if (r == null) {
                r = i < spare.size() && spare.get(i) != null ? spare.set(i, null) : new Row();
                c.el.appendChild(r.tr);
                rows.set(i, r);
            }
            r.show(t, t.id == focus);
        }
        // rows of tasks past the snapshot's last (a seek back) were dropped from the lists by render()
        while (c.el.getChildNodes().getLength() > count) {
            c.el.removeChild(c.el.getLastChild());
        }
        c.count = count;
    }

    private int estimate(int count) {
        return (int) Math.round(count * (rowPx > 0 ? rowPx : ROW_PX));
    }

    /** Puts a chunk's rows into the DOM. */
    private void fill(Chunk c) {
        if (c.live || snap == null) {
            return;
        }
        c.live = true;
        c.el.removeAttribute("style");
        c.count = 0;
        update(c, Math.min(CHUNK, snap.tasks.size() - c.from));
    }

    /** Takes a chunk's rows out of the DOM; its box keeps their height. */
    private void empty(Chunk c) {
        c.live = false;
        Dom.clear(c.el);
        c.el.setAttribute("style", "height:" + c.height + "px");
        for (int i = c.from; i < c.from + c.count; i++) {
            rows.set(i, null);
        }
    }

    /** Renders the chunks within MARGIN of the last measured view, by their known heights (no layout). */
    private void renderAround() {
        int y = 0;
        for (Chunk c : chunks) {
            if (y + c.height >= viewTop - MARGIN && y <= viewTop + viewHeight + MARGIN) {
                fill(c);
            }
            y += c.height;
        }
    }

    /**
     * At a frame: measures what part of the table is visible (the intersection of the window and
     * #state), renders the chunks within MARGIN of it and empties those beyond twice that; again at
     * the next frame while that brings new rows (their heights move what is in view).
     */
    private void window() {
        if (snap == null || chunks.isEmpty()) {
            return;
        }
        int measuredRows = 0;
        int measuredPx = 0;
        for (Chunk c : chunks) {
            if (c.live) {
                c.height = c.el.getOffsetHeight();
                measuredRows += c.count;
                measuredPx += c.height;
            }
        }
        if (measuredRows > 0 && measuredPx > 0) {
            rowPx = (double) measuredPx / measuredRows;
        }
        TextRectangle box = Dom.byId("state").getBoundingClientRect();
        int tableTop = body.getBoundingClientRect().getTop();
        int top = Math.max(box.getTop(), 0);
        int bottom = Math.min(box.getBottom(), Window.current().getInnerHeight());
        viewTop = top - tableTop;
        viewHeight = Math.max(0, bottom - top);
        int y = 0;
        boolean filled = false;
        for (Chunk c : chunks) {
            int end = y + c.height;
            if (end >= viewTop - MARGIN && y <= viewTop + viewHeight + MARGIN) {
                filled |= !c.live;
                fill(c);
            } else if (c.live && (end < viewTop - 2 * MARGIN || y > viewTop + viewHeight + 2 * MARGIN)) {
                empty(c);
            } else if (!c.live) {
                int h = estimate(c.count);
                if (h != c.height) {
                    c.height = h;
                    c.el.setAttribute("style", "height:" + h + "px");
                }
            }
            y = end;
        }
        if (filled) {
            // the rows just put in may be taller or shorter than their estimate: look again at the next frame
            frame.request();
        }
    }

    /** The same row: every field the row shows, the call stack included. */
    private static boolean same(Snapshot.TaskView a, Snapshot.TaskView b) {
        return a.id == b.id && a.pid == b.pid && a.ppid == b.ppid && a.cpu == b.cpu && a.running == b.running
            && a.dead == b.dead && a.idle == b.idle && a.vruntime == b.vruntime && a.comm.equals(b.comm)
            && a.psComm.equals(b.psComm) && a.pendingSignals.equals(b.pendingSignals)
            && a.state.equals(b.state) && a.stateName.equals(b.stateName) && a.flags.equals(b.flags)
            && a.kthreadFlags.equals(b.kthreadFlags) && sameFrames(a.frames, b.frames);
    }

    private static boolean sameFrames(List<Snapshot.FrameView> a, List<Snapshot.FrameView> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!sameFrame(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The same frame: the same line of the same function, with the same detail. */
    private static boolean sameFrame(Snapshot.FrameView x, Snapshot.FrameView y) {
        return x.occurrence == y.occurrence && x.text.equals(y.text) && x.function.equals(y.function)
            && x.file.equals(y.file) && x.detail.equals(y.detail);
    }

    private static HTMLElement cell(HTMLElement row, String cls, String text) {
        HTMLElement c = text == null ? Dom.add(row, "span", "td " + cls) : Dom.add(row, "span", "td " + cls, text);
        c.setAttribute("role", "cell");
        return c;
    }

    /**
     * One task's row. show() changes only what differs from what it shows: a seek changes most
     * tasks' vruntime and stack, rarely their names, and the outer frames of a stack stay.
     */
    private final class Row {
        final HTMLElement tr;
        final HTMLElement pid;
        final HTMLElement ppid;
        final HTMLElement chip;
        final HTMLElement state;
        final HTMLElement cpu;
        final HTMLElement vruntime;
        final HTMLElement stack;
        /** What the row shows (null before the first show). */
        private Snapshot.TaskView shown;
        private boolean focused;
        private String cls = "";
        /** The frame buttons in the stack cell, innermost first, each followed by its detail span if any. */
        private final List<HTMLElement> frameEls = new ArrayList<>();
        private final List<HTMLElement> detailEls = new ArrayList<>();
        private final List<Snapshot.FrameView> frames = new ArrayList<>();

        Row() {
            tr = Dom.el("div", "tr");
            tr.setAttribute("role", "row");
            tr.setAttribute("data-task", "");
            pid = cell(tr, "num pid", "");
            ppid = cell(tr, "num ppid", "");
            HTMLElement comm = cell(tr, "comm", null);
            chip = Dom.button("chip follow", "");
            chip.setAttribute("style", "");
            chip.setAttribute("data-task", "");
            comm.appendChild(chip);
            state = cell(tr, "state", "");
            cpu = cell(tr, "num cpu", "");
            vruntime = cell(tr, "num vruntime", "");
            stack = cell(tr, "stack", null);
        }

        void show(Snapshot.TaskView t, boolean focus) {
            Snapshot.TaskView was = shown;
            if (was != null && focused == focus && same(was, t)) {
                return;
            }
            shown = t;
            focused = focus;
            if (was == null || was.id != t.id) {
                // rows go by pid: a place in the table can come to show another task
                String id = Integer.toString(t.id);
                tr.setAttribute("data-task", id);
                chip.setAttribute("data-task", id);
                chip.setAttribute("style", Palette.style(Palette.slot(t.id, snap.cpus.size(), t.idle)));
            }
            String c = "tr" + (t.running ? " running" : "") + (t.dead ? " dead" : "") + (focus ? " focus" : "")
                + (t.pendingSignals.isEmpty() ? "" : " signalled");
            if (!c.equals(cls)) {
                cls = c;
                tr.setClassName(c);
            }
            if (was == null || was.pid != t.pid) {
                Dom.text(pid, Integer.toString(t.pid));
            }
            if (was == null || was.ppid != t.ppid) {
                Dom.text(ppid, Integer.toString(t.ppid));
            }
            if (was == null || was.id != t.id || was.pid != t.pid || !was.comm.equals(t.comm)
                || !was.psComm.equals(t.psComm) || !was.flags.equals(t.flags) || !was.kthreadFlags.equals(t.kthreadFlags)) {
                Dom.text(chip, t.psComm);
                chip.setAttribute("title", "follow " + Fmt.task(t) + " in the source"
                    + (t.flags.isEmpty() ? "" : "; flags " + t.flags)
                    + (t.kthreadFlags.isEmpty() ? "" : "; kthread " + t.kthreadFlags));
            }
            if (was == null || !was.state.equals(t.state)) {
                Dom.text(state, t.state);
            }
            if (was == null || !was.stateName.equals(t.stateName) || was.dead != t.dead) {
                state.setAttribute("title", t.stateName + (t.dead ? ", released" : ""));
            }
            if (was == null || was.cpu != t.cpu) {
                Dom.text(cpu, Integer.toString(t.cpu));
            }
            if (was == null || was.vruntime != t.vruntime) {
                Dom.text(vruntime, Fmt.ns(t.vruntime));
            }
            if (was == null || was.dead != t.dead || !was.pendingSignals.equals(t.pendingSignals)) {
                restack(t);
            } else {
                frames(t.frames);
            }
        }

        /** The stack cell from scratch: "released", a pending signal, then the frames. */
        private void restack(Snapshot.TaskView t) {
            Dom.clear(stack);
            frameEls.clear();
            detailEls.clear();
            frames.clear();
            if (t.dead) {
                Dom.add(stack, "span", "muted", "released");
            }
            if (!t.pendingSignals.isEmpty()) {
                // a pending signal leads the stack: the task has not acted on it yet
                HTMLElement sig = Dom.add(stack, "span", "sig", t.pendingSignals + " pending");
                sig.setAttribute("title", t.pendingSignals
                    + " is pending: the task acts on it when it next checks for signals");
            }
            frames(t.frames);
        }

        /**
         * Brings the frames to now: the outermost ones the old and new stacks share stay; the
         * others, paired from the outside in, are rewritten in place; the innermost ones left
         * over are removed or added.
         */
        private void frames(List<Snapshot.FrameView> now) {
            int keep = 0;
            while (keep < frames.size() && keep < now.size()
                && sameFrame(frames.get(frames.size() - 1 - keep), now.get(now.size() - 1 - keep))) {
                keep++;
            }
            int drop = frames.size() - keep;
            int add = now.size() - keep;
            int reuse = Math.min(drop, add);
            int gone = drop - reuse;
            for (int i = 0; i < gone; i++) {
                stack.removeChild(frameEls.get(i));
                if (detailEls.get(i) != null) {
                    stack.removeChild(detailEls.get(i));
                }
            }
            frameEls.subList(0, gone).clear();
            detailEls.subList(0, gone).clear();
            frames.subList(0, gone).clear();
            for (int j = 0; j < reuse; j++) {
                rewrite(j, now.get(add - reuse + j));
            }
            HTMLElement before = frameEls.isEmpty() ? null : frameEls.get(0);
            for (int i = 0; i < add - reuse; i++) {
                Snapshot.FrameView f = now.get(i);
                HTMLElement fb = frameButton(f);
                HTMLElement d = f.detail.isEmpty() ? null : detail(f);
                stack.insertBefore(fb, before);
                if (d != null) {
                    stack.insertBefore(d, before);
                }
                frameEls.add(i, fb);
                detailEls.add(i, d);
                frames.add(i, f);
            }
        }

        /** Frame j shows f instead: a button with a line is rewritten, any other replaced; its detail follows it. */
        private void rewrite(int j, Snapshot.FrameView f) {
            Snapshot.FrameView old = frames.get(j);
            HTMLElement fb = frameEls.get(j);
            int was = loc.line(old);
            int line = loc.line(f);
            if (was > 0 && line > 0) {
                // a seek rewrites most frames of most rows: write only what differs
                boolean sameFile = old.file.equals(f.file);
                if (was != line || !old.function.equals(f.function)) {
                    Dom.text(fb, f.function + ":" + line);
                }
                if (!sameFile) {
                    fb.setAttribute("data-file", f.file);
                }
                if (was != line) {
                    fb.setAttribute("data-line", Integer.toString(line));
                }
                if (was != line || !sameFile || !old.text.equals(f.text)) {
                    fb.setAttribute("title", title(f, line));
                }
            } else {
                HTMLElement nb = frameButton(f);
                stack.replaceChild(nb, fb);
                frameEls.set(j, nb);
                fb = nb;
            }
            HTMLElement d = detailEls.get(j);
            if (f.detail.isEmpty()) {
                if (d != null) {
                    stack.removeChild(d);
                    detailEls.set(j, null);
                }
            } else if (d == null) {
                d = detail(f);
                stack.insertBefore(d, fb.getNextSibling());
                detailEls.set(j, d);
            } else if (!old.detail.equals(f.detail)) {
                Dom.text(d, "(" + f.detail + ")");
            }
            frames.set(j, f);
        }
    }

    private static HTMLElement detail(Snapshot.FrameView f) {
        return Dom.el("span", "detail", "(" + f.detail + ")");
    }

    private HTMLElement frameButton(Snapshot.FrameView f) {
        int line = loc.line(f);
        HTMLElement fb = Dom.button("frame", f.function + (line > 0 ? ":" + line : ""));
        if (line > 0) {
            point(fb, f, line);
        } else {
            fb.setAttribute("data-file", f.file);
            fb.getClassList().add("missing");
            fb.setAttribute("aria-disabled", "true");
            fb.setAttribute("title", f.file + ": not in the corpus yet");
        }
        return fb;
    }

    /** A frame's button points at its line: file, line and the line's text on hover. */
    private static void point(HTMLElement fb, Snapshot.FrameView f, int line) {
        fb.setAttribute("data-file", f.file);
        fb.setAttribute("data-line", Integer.toString(line));
        fb.setAttribute("title", title(f, line));
    }

    /** A frame button's hover text: the file, the line and the line's text. */
    private static String title(Snapshot.FrameView f, int line) {
        return f.file + ":" + line + "  " + f.text;
    }
}
