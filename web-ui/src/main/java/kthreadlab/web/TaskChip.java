package kthreadlab.web;

import java.util.List;
import kthreadlab.snapshot.Snapshot;
import org.teavm.jso.dom.html.HTMLElement;

/** A task's label as the panes show it: comm-pid in the task's colour. */
final class TaskChip {
    private TaskChip() {
    }

    static HTMLElement of(Snapshot s, int task) {
        Snapshot.TaskView t = s.task(task);
        return Dom.chip(Fmt.task(t), Palette.slot(t.id, s.cpus.size(), t.idle));
    }

    /** The same chip (comm, pid, colour) for id in both snapshots; a is the one drawn before, or null. */
    static boolean same(Snapshot a, Snapshot b, int id) {
        if (a == null || id < 0 || id >= a.tasks.size() || id >= b.tasks.size()) {
            return a != null && id < 0;
        }
        return same(a.task(id), b.task(id));
    }

    /** The same task under the same chip: id (its colour), pid, idle and comm. */
    static boolean same(Snapshot.TaskView x, Snapshot.TaskView y) {
        return x.id == y.id && x.pid == y.pid && x.idle == y.idle && x.comm.equals(y.comm);
    }

    static boolean same(Snapshot a, Snapshot b, List<Integer> ids) {
        for (int id : ids) {
            if (!same(a, b, id)) {
                return false;
            }
        }
        return true;
    }
}
