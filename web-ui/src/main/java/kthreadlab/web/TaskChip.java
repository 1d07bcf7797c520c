package kthreadlab.web;

import java.util.ArrayList;
import java.util.List;
import kthreadlab.snapshot.Snapshot;
import org.teavm.jso.dom.html.HTMLElement;

/** A task's label as the panes show it: comm-pid in the task's colour. */
final class TaskChip {
    private TaskChip() {
    }

    /** The chips made so far, one per task id, to clone (a seek makes dozens: run queues, locks). */
    private static final Made MADE = new Made();

    static HTMLElement of(Snapshot s, int task) {
        Snapshot.TaskView t = s.task(task);
        int slot = Palette.slot(t.id, s.cpus.size(), t.idle);
        HTMLElement c = MADE.get(t, slot);
        return c != null ? c : MADE.put(t, slot, Dom.chip(Fmt.task(t), slot));
    }

    /**
     * Chips by task id, as built for a task's pid, idle, comm and colour slot: cloning one is one
     * DOM call where building it is several, and the clone is the same markup.
     */
    static final class Made {
        private static final class Entry {
            final int pid;
            final boolean idle;
            final String comm;
            final int slot;
            final HTMLElement chip;

            Entry(Snapshot.TaskView t, int slot, HTMLElement chip) {
                this.pid = t.pid;
                this.idle = t.idle;
                this.comm = t.comm;
                this.slot = slot;
                this.chip = chip;
            }
        }

        /** Tasks with a larger id are not kept (a machine of 10,000 tasks would keep as many chips). */
        static final int KEPT_IDS = 1024;

        private final List<Entry> byId = new ArrayList<>();

        /** A clone of the chip made for t at this slot, or null if it has none. */
        HTMLElement get(Snapshot.TaskView t, int slot) {
            Entry e = t.id < byId.size() ? byId.get(t.id) : null;
            if (e == null || e.pid != t.pid || e.idle != t.idle || e.slot != slot || !e.comm.equals(t.comm)) {
                return null;
            }
            return (HTMLElement) e.chip.cloneNode(true);
        }

        /** Keeps a clone of the chip just built for t (as built: before any change) and returns it. */
        HTMLElement put(Snapshot.TaskView t, int slot, HTMLElement chip) {
            if (t.id >= KEPT_IDS) {
                return chip;
            }
            while (byId.size() <= t.id) {
                byId.add(null);
            }
            byId.set(t.id, new Entry(t, slot, (HTMLElement) chip.cloneNode(true)));
            return chip;
        }
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
