package kthreadlab.state;

import java.util.ArrayList;
import java.util.List;

/**
 * struct worker_pool (kernel/workqueue.c): the kworkers of one per-CPU pool (cpu >= 0, normal or
 * highpri) or of one unbound pool (cpu -1), the pool's worklist and its concurrency count.
 * Workers and work items are referred to by id.
 */
public final class WorkerPool {
    public final int id;
    /** The associated CPU, or -1 for an unbound pool. */
    public final int cpu;
    /** attrs->nice: 0, or HIGHPRI_NICE_LEVEL (-20) for the highpri pools. */
    public final int nice;
    public boolean disassociated = true;
    /** POOL_MANAGER_ACTIVE, and the managing worker (or -1). */
    public boolean managerActive;
    public int manager = -1;
    /** Pending work item ids, head first. */
    public List<Integer> worklist = new ArrayList<>();
    public int nrWorkers;
    public int nrIdle;
    /** Idle worker ids, most recently idle first (LIFO). */
    public List<Integer> idleList = new ArrayList<>();
    /** Attached worker ids, in attach order. */
    public List<Integer> workers = new ArrayList<>();
    /** The worker ids (the M of kworker/N:M) in use, ascending: worker_ida. */
    public List<Integer> usedIds = new ArrayList<>();
    public int nrRunning;
    /** idle_timer: armed, its expiry, and a generation so that a stale expiry is ignored. */
    public boolean idleTimerArmed;
    public long idleTimerExpires;
    public long idleTimerGeneration;
    /** mayday_timer: armed by maybe_create_worker() while the manager tries to create a worker. */
    public boolean maydayTimerArmed;
    public long maydayTimerGeneration;
    /** The CPU whose timer softirq runs pool_mayday_timeout(): the one that armed it. */
    public int maydayTimerCpu;

    public WorkerPool(int id, int cpu, int nice) {
        this.id = id;
        this.cpu = cpu;
        this.nice = nice;
    }

    /** ida_alloc(): the lowest unused worker id. */
    public int allocId() {
        int id = 0;
        while (usedIds.contains(id)) {
            id++;
        }
        int at = 0;
        while (at < usedIds.size() && usedIds.get(at) < id) {
            at++;
        }
        usedIds.add(at, id);
        return id;
    }

    /** ida_free(). */
    public void freeId(int id) {
        usedIds.remove(Integer.valueOf(id));
    }

    /** The name kworkers of this pool carry: "N:M" or "N:MH" for per-CPU pools, "uP:M" for unbound ones. */
    public String idBuf(int workerId) {
        if (cpu >= 0) {
            return cpu + ":" + workerId + (nice < 0 ? "H" : "");
        }
        return "u" + id + ":" + workerId;
    }

    public WorkerPool copy() {
        WorkerPool p = new WorkerPool(id, cpu, nice);
        p.disassociated = disassociated;
        p.managerActive = managerActive;
        p.manager = manager;
        p.worklist = new ArrayList<>(worklist);
        p.nrWorkers = nrWorkers;
        p.nrIdle = nrIdle;
        p.idleList = new ArrayList<>(idleList);
        p.workers = new ArrayList<>(workers);
        p.usedIds = new ArrayList<>(usedIds);
        p.nrRunning = nrRunning;
        p.idleTimerArmed = idleTimerArmed;
        p.idleTimerExpires = idleTimerExpires;
        p.idleTimerGeneration = idleTimerGeneration;
        p.maydayTimerArmed = maydayTimerArmed;
        p.maydayTimerGeneration = maydayTimerGeneration;
        p.maydayTimerCpu = maydayTimerCpu;
        return p;
    }
}
