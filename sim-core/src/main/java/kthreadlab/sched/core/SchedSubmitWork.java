package kthreadlab.sched.core;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;

/**
 * sched_submit_work(tsk) for a PF_WQ_WORKER task that is about to block: tells the workqueue code
 * (wq_worker_sleeping) with preemption disabled. schedule() calls it only for such tasks; for the
 * others it would do nothing the model shows.
 */
public final class SchedSubmitWork extends Frame {
    static final Code CODE = new Code("kernel/sched/core.c", "sched_submit_work",
        "if (task_flags & (PF_WQ_WORKER | PF_IO_WORKER)) {",
        "preempt_disable();",
        "wq_worker_sleeping(tsk);",
        "preempt_enable_no_resched();");
    static final int IF_WORKER = 0, PREEMPT_DISABLE = 1, SLEEPING = 2, PREEMPT_ENABLE = 3;
    private final int task;

    public SchedSubmitWork(int task) {
        super(CODE);
        this.task = task;
    }

    @Override
    public void step(Exec x) {
        switch (pc) {
            case IF_WORKER:
                pc = PREEMPT_DISABLE;
                return;
            case PREEMPT_DISABLE:
                x.preemptDisable();
                pc = SLEEPING;
                return;
            case SLEEPING:
                pc = PREEMPT_ENABLE;
                x.call(x.m.hooks.wqWorkerSleeping(task));
                return;
            default:
                x.rq.preemptCount--;
                x.ret(0);
        }
    }
}
