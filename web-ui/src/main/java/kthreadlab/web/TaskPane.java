package kthreadlab.web;

import java.util.ArrayList;
import java.util.List;
import kthreadlab.snapshot.Snapshot;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The task table: pid, ppid, comm, state letter as ps prints it, CPU, vruntime and the call stack
 * (innermost first; each frame jumps to its line). Rows are rebuilt only when they change.
 */
final class TaskPane implements Pane {
    /** What a click in the table asks for. */
    interface Actions {
        void showLine(String file, int line);

        void follow(int taskId);
    }

    private final HTMLElement body;
    private final Locator loc;
    private final List<HTMLElement> rows = new ArrayList<>();
    private final List<Snapshot.TaskView> shown = new ArrayList<>();
    private final List<Boolean> focused = new ArrayList<>();

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
    }

    /** Rows are drawn again at the next render (the corpus grew: frames may have lines now). */
    void forget() {
        Dom.clear(body);
        rows.clear();
        shown.clear();
        focused.clear();
    }

    @Override
    public void render(StepView v) {
        if (v.snap != null) {
            render(v.snap, v.focus);
        }
    }

    private void render(Snapshot s, int focus) {
        int n = s.tasks.size();
        for (int i = 0; i < n; i++) {
            Snapshot.TaskView t = s.tasks.get(i);
            boolean f = t.id == focus;
            if (i < rows.size() && focused.get(i) == f && same(shown.get(i), t)) {
                continue;
            }
            HTMLElement row = row(s, t, focus);
            if (i < rows.size()) {
                body.replaceChild(row, rows.get(i));
                rows.set(i, row);
                shown.set(i, t);
                focused.set(i, f);
            } else {
                body.appendChild(row);
                rows.add(row);
                shown.add(t);
                focused.add(f);
            }
        }
        while (rows.size() > n) {
            body.removeChild(rows.remove(rows.size() - 1));
            shown.remove(shown.size() - 1);
            focused.remove(focused.size() - 1);
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
            Snapshot.FrameView x = a.get(i);
            Snapshot.FrameView y = b.get(i);
            if (x.occurrence != y.occurrence || !x.text.equals(y.text) || !x.function.equals(y.function)
                    || !x.file.equals(y.file) || !x.detail.equals(y.detail)) {
                return false;
            }
        }
        return true;
    }

    private static HTMLElement cell(HTMLElement row, String cls, String text) {
        HTMLElement c = text == null ? Dom.add(row, "span", "td " + cls) : Dom.add(row, "span", "td " + cls, text);
        c.setAttribute("role", "cell");
        return c;
    }

    private HTMLElement row(Snapshot s, Snapshot.TaskView t, int focus) {
        HTMLElement tr = Dom.el("div", "tr" + (t.running ? " running" : "") + (t.dead ? " dead" : "")
            + (t.id == focus ? " focus" : ""));
        tr.setAttribute("role", "row");
        tr.setAttribute("data-task", Integer.toString(t.id));
        cell(tr, "num pid", Integer.toString(t.pid));
        cell(tr, "num ppid", Integer.toString(t.ppid));
        HTMLElement comm = cell(tr, "comm", null);
        HTMLElement b = Dom.button("chip follow", t.psComm);
        b.setAttribute("style", Palette.style(Palette.slot(t.id, s.cpus.size(), t.idle)));
        b.setAttribute("data-task", Integer.toString(t.id));
        b.setAttribute("title", "follow " + Fmt.task(t) + " in the source" + (t.flags.isEmpty() ? "" : "; flags " + t.flags)
            + (t.kthreadFlags.isEmpty() ? "" : "; kthread " + t.kthreadFlags));
        comm.appendChild(b);
        HTMLElement st = cell(tr, "state", t.state);
        st.setAttribute("title", t.stateName + (t.dead ? ", released" : ""));

        cell(tr, "num cpu", Integer.toString(t.cpu));
        cell(tr, "num vruntime", Fmt.ns(t.vruntime));
        HTMLElement stack = cell(tr, "stack", null);
        if (t.dead) {
            Dom.add(stack, "span", "muted", "released");
        }
        if (!t.pendingSignals.isEmpty()) {
            // a pending signal leads the stack: the task has not acted on it yet
            HTMLElement sig = Dom.add(stack, "span", "sig", t.pendingSignals + " pending");
            sig.setAttribute("title", t.pendingSignals + " is pending: the task acts on it when it next checks for signals");
            tr.getClassList().add("signalled");
        }
        for (Snapshot.FrameView f : t.frames) {
            int line = loc.line(f);
            HTMLElement fb = Dom.button("frame", f.function + (line > 0 ? ":" + line : ""));
            fb.setAttribute("data-file", f.file);
            if (line > 0) {
                fb.setAttribute("data-line", Integer.toString(line));
                fb.setAttribute("title", f.file + ":" + line + "  " + f.text);
            } else {
                fb.getClassList().add("missing");
                fb.setAttribute("aria-disabled", "true");
                fb.setAttribute("title", f.file + ": not in the corpus yet");
            }
            stack.appendChild(fb);
            if (!f.detail.isEmpty()) {
                Dom.add(stack, "span", "detail", "(" + f.detail + ")");
            }
        }
        return tr;
    }
}
