package kthreadlab.web;

import kthreadlab.snapshot.Snapshot;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * On narrow screens, a one-line summary of the machine under the controls (which stay in view):
 * what each CPU runs and the state of the task that stepped, so that stepping through the source
 * never needs scrolling down to the CPU cards. Rendered only while the screen is narrow.
 */
final class StripPane implements Pane {
    /** CPUs listed by name; more are summed up as "+N". */
    static final int MAX_CPUS = 8;

    private final HTMLElement root;

    StripPane(HTMLElement root) {
        this.root = root;
    }

    /** Redrawn whole at every step (a line of chips), and only while the screen is narrow. */
    @Override
    public void render(StepView v) {
        if (v.snap == null || !narrow()) {
            return;
        }
        Snapshot s = v.snap;
        int focus = v.focus;
        Dom.clear(root);
        int cpus = s.cpus.size();
        for (int i = 0; i < cpus && i < MAX_CPUS; i++) {
            Snapshot.CpuView c = s.cpus.get(i);
            HTMLElement e = Dom.add(root, "span", "cpu", "CPU" + c.cpu + " ");
            e.appendChild(TaskChip.of(s, c.curr));
        }
        if (cpus > MAX_CPUS) {
            Dom.add(root, "span", "muted", "+" + (cpus - MAX_CPUS) + " CPUs");
        }
        if (focus >= 0 && focus < s.tasks.size()) {
            Snapshot.TaskView t = s.task(focus);
            HTMLElement e = Dom.add(root, "span", "task", Fmt.task(t) + " " + t.state + " (" + t.stateName + ")"
                + (t.frames.isEmpty() ? "" : " in " + t.frames.get(0).function + "()"));
            if (!t.pendingSignals.isEmpty()) {
                Dom.add(e, "span", "sig", t.pendingSignals + " pending");
            }
        }
    }

    /**
     * The screen is at most 900px wide (Dom.media: evaluating the query at every step forced a style
     * pass, 6.7 ms of the 195 ms the page drew in a profile of 80 seeks).
     */
    private static boolean narrow() {
        return Dom.media("(max-width: 900px)");
    }
}
