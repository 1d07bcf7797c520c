package kthreadlab.kthread;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.engine.TaskStruct;
import kthreadlab.state.CpuMask;
import kthreadlab.state.TaskFlags;
import kthreadlab.state.TaskState;

/**
 * __kthread_bind_mask(p, mask, state): only once p is off its CPU in `state` (wait_task_inactive),
 * set cpus_mask to `mask` and PF_NO_SETAFFINITY. Reached from kthread_bind and kthread_unpark
 * (through __kthread_bind, whose one line calls it) and from kthread_bind_mask.
 */
public final class __KthreadBindMask extends Frame {
    static final Code CODE = new Code("kernel/kthread.c", "__kthread_bind_mask",
        "if (!wait_task_inactive(p, state)) {",
        "if (!wait_task_inactive(p, state)) {",
        "WARN_ON(1);",
        "raw_spin_lock_irqsave(&p->pi_lock, flags);",
        "do_set_cpus_allowed(p, mask);",
        "p->flags |= PF_NO_SETAFFINITY;",
        "raw_spin_unlock_irqrestore(&p->pi_lock, flags);");
    static final int WAIT = 0, INACTIVE = 1, WARN = 2, LOCK = 3, SET_ALLOWED = 4, NO_SETAFFINITY = 5, UNLOCK = 6;

    private final int task;
    private final CpuMask mask;
    private final int state;
    private long inactive;

    public __KthreadBindMask(int task, CpuMask mask, int state) {
        super(CODE);
        this.task = task;
        this.mask = mask;
        this.state = state;
    }

    /** kthread_bind_mask(p, mask): __kthread_bind_mask(p, mask, TASK_UNINTERRUPTIBLE). */
    public __KthreadBindMask(int task, CpuMask mask) {
        this(task, mask, TaskState.TASK_UNINTERRUPTIBLE);
    }

    @Override
    public String detail() {
        return mask.weight() > 1 ? "cpus 0-" + (mask.weight() - 1) : "cpu " + mask.firstSet();
    }

    @Override
    public void onReturn(long value) {
        inactive = value;
    }

    @Override
    public void step(Exec x) {
        TaskStruct p = x.m.task(task);
        switch (pc) {
            case WAIT:
                pc = INACTIVE;
                x.call(new WaitTaskInactive(task, state));
                return;
            case INACTIVE:
                pc = inactive == 0 ? WARN : LOCK;
                return;
            case WARN:
                x.ret(0);
                return;
            case LOCK:
                x.rq.irqsOff++;
                x.preemptDisable();
                pc = SET_ALLOWED;
                return;
            case SET_ALLOWED:
                p.cpusMask = mask;
                pc = NO_SETAFFINITY;
                return;
            case NO_SETAFFINITY:
                p.flags |= TaskFlags.PF_NO_SETAFFINITY;
                pc = UNLOCK;
                return;
            default:
                x.rq.irqsOff--;
                x.ret(0);
                x.preemptEnable();
        }
    }
}
