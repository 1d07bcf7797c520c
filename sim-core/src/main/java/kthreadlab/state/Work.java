package kthreadlab.state;

/**
 * struct work_struct: one work item of the sample module (or a flush barrier). It is queued at most
 * once at a time (PENDING); `queued` counts successful queueings and `started` executions begun,
 * so started == queued - (pending ? 1 : 0) must hold at every step.
 */
public final class Work {
    public final int id;
    /** The variable's name, e.g. "sleep_work". */
    public final String name;
    /** Its function: short_work_fn, sleep_work_fn, cpu_work_fn, or wq_barrier_func. */
    public final String fn;
    public boolean pending;
    /** While queued: the workqueue and pool; afterwards the last pool (get_work_pool). */
    public int wq = -1;
    public int pool = -1;
    public int queued;
    public int started;
    /** For a barrier: the completion flush_work() waits on; -1 otherwise. */
    public int barrierDone = -1;

    public Work(int id, String name, String fn) {
        this.id = id;
        this.name = name;
        this.fn = fn;
    }

    public Work copy() {
        Work w = new Work(id, name, fn);
        w.pending = pending;
        w.wq = wq;
        w.pool = pool;
        w.queued = queued;
        w.started = started;
        w.barrierDone = barrierDone;
        return w;
    }
}
