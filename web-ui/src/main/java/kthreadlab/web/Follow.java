package kthreadlab.web;

import kthreadlab.snapshot.Snapshot;

/**
 * Whom the source pane follows: the reader's choice (a task id, StepView.AUTO or StepView.NONE),
 * or the pid a link named until a step where that task lives is shown.
 */
final class Follow {
    private int choice = StepView.AUTO;
    /** A link's followed pid, until that task exists in the shown step (-1: none). */
    private int pendingPid = -1;

    /** A task id, StepView.AUTO or StepView.NONE. */
    int choice() {
        return choice;
    }

    /** The reader chose (a task id, AUTO or NONE). */
    void choose(int taskId) {
        choice = taskId;
        pendingPid = -1;
    }

    /** A link names this pid (-1: none): it is followed from the first step where it lives. */
    void fromLink(int pid) {
        choice = StepView.AUTO;
        pendingPid = pid;
    }

    /** A link's pid becomes the choice once s has that task alive; true when the choice changed. */
    boolean resolve(Snapshot s) {
        if (pendingPid < 0) {
            return false;
        }
        for (Snapshot.TaskView t : s.tasks) {
            if (t.pid == pendingPid && !t.dead) {
                pendingPid = -1;
                choice = t.id;
                return true;
            }
        }
        return false;
    }

    /** The pid a link of the view names: the pending one, else the followed task's in s (null: none), else -1. */
    int pid(Snapshot s) {
        if (pendingPid >= 0) {
            return pendingPid;
        }
        if (choice >= 0 && s != null && choice < s.tasks.size()) {
            return s.task(choice).pid;
        }
        return -1;
    }
}
