package kthreadlab.trace;

/**
 * One trace record. Kernel tracepoints (kind EVENT) carry the ftrace event name and its argument
 * text in v5.15 layout; FUNC_ENTER/FUNC_EXIT mark simulated function activations (for slices);
 * API records a completed API call of a creator.
 */
public final class TraceEvent {
    public static final int EVENT = 0;
    public static final int FUNC_ENTER = 1;
    public static final int FUNC_EXIT = 2;
    public static final int API = 3;

    public final int kind;
    public final long step;
    public final long timeNs;
    public final int cpu;
    public final int pid;
    /** The task id (unique even where pids repeat). */
    public final int task;
    public final String comm;
    /** The five ftrace flag characters, e.g. "d..2.". */
    public final String flags;
    public final String name;
    public final String args;

    public TraceEvent(int kind, long step, long timeNs, int cpu, int task, int pid, String comm,
            String flags, String name, String args) {
        this.kind = kind;
        this.step = step;
        this.timeNs = timeNs;
        this.cpu = cpu;
        this.task = task;
        this.pid = pid;
        this.comm = comm;
        this.flags = flags;
        this.name = name;
        this.args = args;
    }
}
