package kthreadlab.state;

import java.util.ArrayList;
import java.util.List;

/** The workqueue subsystem's objects: pools (by pool id), workers, workqueues and work items. */
public final class Workqueues {
    public final List<WorkerPool> pools = new ArrayList<>();
    public final List<Worker> workers = new ArrayList<>();
    public final List<Workqueue> wqs = new ArrayList<>();
    public final List<Work> works = new ArrayList<>();
    /** wq_online: kworkers may be created. */
    public boolean online;

    /** Roughly what a copy takes in memory, in bytes (for the history's checkpoint budget). */
    public long approxBytes() {
        return pools.size() * 300L + workers.size() * 200L + wqs.size() * 300L + works.size() * 150L;
    }

    public Workqueues copy() {
        Workqueues c = new Workqueues();
        for (WorkerPool p : pools) {
            c.pools.add(p.copy());
        }
        for (Worker w : workers) {
            c.workers.add(w.copy());
        }
        for (Workqueue w : wqs) {
            c.wqs.add(w.copy());
        }
        for (Work w : works) {
            c.works.add(w.copy());
        }
        c.online = online;
        return c;
    }

    public WorkerPool pool(int id) {
        return pools.get(id);
    }

    public Worker worker(int id) {
        return workers.get(id);
    }

    public Workqueue wq(int id) {
        return wqs.get(id);
    }

    public Work work(int id) {
        return works.get(id);
    }

    /** The per-CPU pool of `cpu`: normal (highpri false) or highpri. */
    public int cpuPool(int cpu, boolean highpri) {
        return cpu * 2 + (highpri ? 1 : 0);
    }

    /** The worker whose task is `task`, or null (kthread_data of a PF_WQ_WORKER task). */
    public Worker workerOfTask(int task) {
        for (Worker w : workers) {
            if (w.task == task && !w.dead) {
                return w;
            }
        }
        return null;
    }

    public Workqueue byName(String name) {
        for (Workqueue w : wqs) {
            if (w.name.equals(name) && !w.destroyed) {
                return w;
            }
        }
        return null;
    }

    public Work workByName(String name) {
        for (Work w : works) {
            if (w.name.equals(name) && w.barrierDone < 0) {
                return w;
            }
        }
        return null;
    }

    /**
     * wq_worker_comm(): what ps shows for a task: its comm, and for a workqueue worker attached to a
     * pool "+wq" while it runs an item of workqueue wq, "-wq" for the last one it ran.
     */
    public String psComm(int task, String comm, boolean wqWorker) {
        if (!wqWorker) {
            return comm;
        }
        Worker w = workerOfTask(task);
        if (w == null || w.pool < 0 || w.desc.isEmpty()) {
            return comm;
        }
        return comm + (w.currentWork >= 0 ? "+" : "-") + w.desc;
    }
}
