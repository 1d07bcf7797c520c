package kthreadlab.web;

import java.util.List;
import kthreadlab.snapshot.Snapshot;

/**
 * Whether what a pane shows changed between two snapshots, compared field by field (building
 * signature strings at every step costs more than rendering). Everything a pane renders from a
 * view must be compared here, so that skipping a rebuild never leaves a stale row.
 */
final class Same {
    private Same() {
    }

    /** The same task label (comm, pid, colour) for id in both snapshots. */
    static boolean label(Snapshot a, Snapshot b, int id) {
        if (a == null || id < 0 || id >= a.tasks.size() || id >= b.tasks.size()) {
            return a != null && id < 0;
        }
        Snapshot.TaskView x = a.task(id);
        Snapshot.TaskView y = b.task(id);
        return x.pid == y.pid && x.idle == y.idle && x.comm.equals(y.comm);
    }

    static boolean labels(Snapshot a, Snapshot b, List<Integer> ids) {
        for (int id : ids) {
            if (!label(a, b, id)) {
                return false;
            }
        }
        return true;
    }

    static boolean task(Snapshot.TaskView a, Snapshot.TaskView b) {
        return a.id == b.id && a.pid == b.pid && a.ppid == b.ppid && a.cpu == b.cpu && a.running == b.running
            && a.dead == b.dead && a.idle == b.idle && a.vruntime == b.vruntime && a.comm.equals(b.comm)
            && a.psComm.equals(b.psComm) && a.pendingSignals.equals(b.pendingSignals)
            && a.state.equals(b.state) && a.stateName.equals(b.stateName) && a.flags.equals(b.flags)
            && a.kthreadFlags.equals(b.kthreadFlags) && frames(a.frames, b.frames);
    }

    static boolean frames(List<Snapshot.FrameView> a, List<Snapshot.FrameView> b) {
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

    /** The same CPU card: the CPU's fields, its run queue, and the labels of the tasks on it. */
    static boolean cpu(Snapshot a, Snapshot b, int i) {
        if (a == null || i >= a.cpus.size()) {
            return false;
        }
        Snapshot.CpuView x = a.cpus.get(i);
        Snapshot.CpuView y = b.cpus.get(i);
        if (x.curr != y.curr || x.preemptCount != y.preemptCount || x.needResched != y.needResched
                || x.halted != y.halted || x.online != y.online || x.irqsOff != y.irqsOff
                || x.minVruntime != y.minVruntime || x.nrRunning != y.nrRunning
                || (a.lastCpu == x.cpu) != (b.lastCpu == y.cpu) || x.queue.size() != y.queue.size()
                || !label(a, b, y.curr)) {
            return false;
        }
        for (int k = 0; k < x.queue.size(); k++) {
            Snapshot.QueuedView p = x.queue.get(k);
            Snapshot.QueuedView q = y.queue.get(k);
            if (p.task != q.task || p.vruntime != q.vruntime || !label(a, b, q.task)) {
                return false;
            }
        }
        return true;
    }

    static boolean lock(Snapshot a, Snapshot b) {
        return a != null && a.lockHolder == b.lockHolder && a.lockHolderCpu == b.lockHolderCpu
            && a.lockSpinners.equals(b.lockSpinners) && label(a, b, b.lockHolder) && labels(a, b, b.lockSpinners);
    }

    /** Both lists have n items (a non-null) and `same` holds for each index. */
    private static boolean every(Snapshot a, int sizeA, int n, java.util.function.IntPredicate same) {
        if (a == null || sizeA != n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (!same.test(i)) {
                return false;
            }
        }
        return true;
    }

    static boolean completions(Snapshot a, Snapshot b) {
        return every(a, a == null ? -1 : a.completions.size(), b.completions.size(), i -> completion(a, b, i));
    }

    /** The same row for completion i: label, done, waiters and their labels. */
    static boolean completion(Snapshot a, Snapshot b, int i) {
        if (a == null || i >= a.completions.size() || i >= b.completions.size()) {
            return false;
        }
        Snapshot.CompletionView x = a.completions.get(i);
        Snapshot.CompletionView y = b.completions.get(i);
        return x.id == y.id && x.done == y.done && x.label.equals(y.label) && x.waiters.equals(y.waiters)
            && labels(a, b, y.waiters);
    }

    static boolean creates(Snapshot a, Snapshot b) {
        return every(a, a == null ? -1 : a.creates.size(), b.creates.size(), i -> create(a, b, i));
    }

    /** The same card for request i: its fields, the labels of its creator and result, the name of its completion. */
    static boolean create(Snapshot a, Snapshot b, int i) {
        if (a == null || i >= a.creates.size() || i >= b.creates.size()) {
            return false;
        }
        Snapshot.CreateView x = a.creates.get(i);
        Snapshot.CreateView y = b.creates.get(i);
        return x.id == y.id && x.done == y.done && x.result == y.result && x.creator == y.creator
            && x.stage.equals(y.stage) && x.history.equals(y.history) && x.name.equals(y.name)
            && x.threadfn.equals(y.threadfn) && label(a, b, y.creator) && (y.result < 0 || label(a, b, (int) y.result))
            && Fmt.completion(a, x.done).equals(Fmt.completion(b, y.done));
    }

    static boolean pools(Snapshot a, Snapshot b) {
        return every(a, a == null ? -1 : a.pools.size(), b.pools.size(), i -> pool(a, b, i));
    }

    /** The same row for pool i: counts, manager, the worker, idle and busy lists with their labels, the worklist. */
    static boolean pool(Snapshot a, Snapshot b, int i) {
        if (a == null || i >= a.pools.size() || i >= b.pools.size()) {
            return false;
        }
        Snapshot.PoolView x = a.pools.get(i);
        Snapshot.PoolView y = b.pools.get(i);
        return x.id == y.id && x.nrWorkers == y.nrWorkers && x.nrIdle == y.nrIdle && x.nrRunning == y.nrRunning
            && x.managerTask == y.managerTask && x.workers.equals(y.workers) && x.idle.equals(y.idle)
            && x.busy.equals(y.busy) && x.busyWork.equals(y.busyWork) && x.worklist.equals(y.worklist)
            && labels(a, b, y.workers);
    }
}
