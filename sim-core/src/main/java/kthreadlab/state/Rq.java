package kthreadlab.state;

/**
 * struct rq: one CPU's run queue, plus the per-CPU execution state the simulator needs
 * (when this CPU executes its next step, whether it is halted in idle, pending tick, irq state).
 */
public final class Rq {
    public final int cpu;
    public final int idle;
    /** Task id of rq->curr. */
    public int curr;
    public CfsRq cfs = new CfsRq();
    public long clock;
    public long nrSwitches;
    /** preempt_count of this CPU (preempt_disable depth plus held spinlocks). */
    public int preemptCount;
    /** TIF_NEED_RESCHED of the current task, kept per CPU. */
    public boolean needResched;
    /** Depth of local_irq_disable / spin_lock_irq on this CPU. */
    public int irqsOff;
    /** Running the tick handler on top of the current task. */
    public boolean inIrq;
    /** Running a softirq (the timer softirq's expiry) on top of the current task. */
    public boolean inSoftirq;
    /** Simulated time of this CPU's next step. */
    public long nextStep;
    /** In idle with nothing to do: takes no steps until a wakeup or resched reaches it. */
    public boolean halted;
    public boolean tickPending;
    /** A resched IPI from another CPU arrived; its interrupt return is a preemption point. */
    public boolean ipiPending;
    /** rq->__lock: the CPU holding it, or -1. Held by __schedule from rq_lock to finish_task_switch. */
    public int lockedBy = -1;
    /** Brought up: tasks are placed only on online CPUs. */
    public boolean online = true;
    public long nextTick;

    public Rq(int cpu, int idle) {
        this.cpu = cpu;
        this.idle = idle;
        this.curr = idle;
    }

    public Rq copy() {
        Rq r = new Rq(cpu, idle);
        r.curr = curr;
        r.cfs = cfs.copy();
        r.clock = clock;
        r.nrSwitches = nrSwitches;
        r.preemptCount = preemptCount;
        r.needResched = needResched;
        r.irqsOff = irqsOff;
        r.inIrq = inIrq;
        r.inSoftirq = inSoftirq;
        r.nextStep = nextStep;
        r.halted = halted;
        r.tickPending = tickPending;
        r.ipiPending = ipiPending;
        r.online = online;
        r.lockedBy = lockedBy;
        r.nextTick = nextTick;
        return r;
    }
}
