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
    private final int task;

    public SchedSubmitWork(int task) {
        this.task = task;
    }

    @Override
    public Code code() {
        return CODE;
    }

    @Override
    public void step(Exec x) {
        switch (pc) {
            case 0:
                pc = 1;
                return;
            case 1:
                x.preemptDisable();
                pc = 2;
                return;
            case 2:
                pc = 3;
                x.call(x.m.hooks.wqWorkerSleeping(task));
                return;
            default:
                x.rq.preemptCount--;
                x.ret(0);
        }
    }
}
