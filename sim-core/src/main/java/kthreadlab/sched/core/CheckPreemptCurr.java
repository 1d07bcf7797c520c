package kthreadlab.sched.core;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.engine.Machine;
import kthreadlab.engine.TaskStruct;
import kthreadlab.sched.Rqs;
import kthreadlab.sched.fair.CheckPreemptWakeup;
import kthreadlab.state.Rq;

/**
 * check_preempt_curr(rq, p, flags) (kernel/sched/core.c) for p just queued on rq: the idle class
 * always loses (resched_curr, which kicks an idle CPU with an IPI); a running CFS task is asked
 * through check_preempt_wakeup (kernel/sched/fair.c), sched.fair.CheckPreemptWakeup.
 */
public final class CheckPreemptCurr extends Frame {
    static final Code CODE = new Code("kernel/sched/core.c", "check_preempt_curr",
        "if (p->sched_class == rq->curr->sched_class)",
        "rq->curr->sched_class->check_preempt_curr(rq, p, flags);",
        "resched_curr(rq);");
    static final int SAME_CLASS = 0, CLASS_CHECK = 1, RESCHED = 2;

    private final int task;
    private final boolean fork;

    public CheckPreemptCurr(int task, boolean fork) {
        super(CODE);
        this.task = task;
        this.fork = fork;
    }

    @Override
    public String detail() {
        return fork ? "WF_FORK" : "";
    }

    @Override
    public void step(Exec x) {
        Machine m = x.m;
        TaskStruct p = m.task(task);
        Rq rq = Rqs.rqOf(m, p);
        switch (pc) {
            case SAME_CLASS:
                pc = m.task(rq.curr).isIdle ? RESCHED : CLASS_CHECK;
                return;
            case CLASS_CHECK:
                x.callAndReturn(new CheckPreemptWakeup(task));
                return;
            default:
                Rqs.reschedCurr(m, rq, x.rq.cpu);
                x.ret(0);
        }
    }
}
