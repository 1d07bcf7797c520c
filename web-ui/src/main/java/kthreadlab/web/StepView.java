package kthreadlab.web;

import kthreadlab.history.History;
import kthreadlab.snapshot.Snapshot;

/**
 * What every pane draws from: one step of one run, fixed once made. The history is the recorder:
 * the steps up to `step` never change, while recording may add steps after it.
 */
final class StepView {
    /** Follow the task that took the last step. */
    static final int AUTO = -1;
    /** Follow no one: the source pane stays where the reader put it. */
    static final int NONE = -2;

    /** The recorder of the run shown, and the step shown. */
    final History history;
    final long step;
    /** The machine at the step, or null when the step cannot be shown (panes then keep what they show). */
    final Snapshot snap;
    /** The task whose line is current (-1: none), and whether the source pane keeps its line in view. */
    final int focus;
    final boolean follow;

    /** `follow` is the reader's choice: a task id, AUTO or NONE. */
    StepView(History history, long step, Snapshot snap, int follow) {
        this.focus = snap == null ? -1 : focus(snap, follow);
        this.follow = follow != NONE;
        this.history = history;
        this.step = step;
        this.snap = snap;
    }

    /** The task whose line is `.cur`: the followed one, else (AUTO) the one that took the last step. */
    static int focus(Snapshot s, int follow) {
        if (follow >= 0 && follow < s.tasks.size()) {
            return follow;
        }
        if (follow == NONE) {
            return -1;
        }
        return s.lastTask >= 0 ? s.lastTask : s.cpus.get(0).curr;
    }
}
