package kthreadlab.scenario;

/**
 * One scheduled action of a scenario: at a time, a creator process calls a kthread API
 * (or a signal is sent). Immutable; fields not used by an op keep their defaults.
 */
public final class Action {
    /** The ops' long names ({@link Op}). */
    public static final String[] OPS = Op.names(false, false);
    /** The workqueue ops (served by wqdemo_action; they need the "workqueues" boot profile). */
    public static final String[] WQ_OPS = Op.names(false, true);
    /** The work items of the sample module samples/wqdemo.c. */
    public static final String[] WORKS = {"short_work", "sleep_work", "cpu_work"};
    /** The alloc_workqueue flag words an action's fn may join with '|' (or "0"). */
    public static final String[] WQ_FLAGS = {"unbound", "highpri", "mem_reclaim", "cpu_intensive"};
    public static final String[] FNS = {"sleeper", "spinner", "percpu", "oneshot", "worker"};
    public static final String[] FAILS = {"", "copy_process", "set_kthread_struct", "kmalloc"};

    public final long at;
    public final String by;
    public final String op;
    public final String name;
    public final int count;
    public final String fn;
    public final long arg;
    /** -1 = not bound; otherwise kthread_create_on_cpu / kthread_bind to this CPU. */
    public final int cpu;
    public final String target;
    public final String fail;

    public Action(long at, String by, String op, String name, int count, String fn, long arg, int cpu,
            String target, String fail) {
        this.at = at;
        this.by = by;
        this.op = op;
        this.name = name;
        this.count = count;
        this.fn = fn;
        this.arg = arg;
        this.cpu = cpu;
        this.target = target;
        this.fail = fail;
    }

    public boolean isWorkqueueOp() {
        Op o = Op.ofLong(op);
        return o != null && o.workqueue;
    }

    public boolean creates() {
        return op.equals("kthread_run") || op.equals("kthread_create");
    }
}
