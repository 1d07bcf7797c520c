package kthreadlab.sched;

import kthreadlab.engine.Exec;
import kthreadlab.engine.Machine;
import kthreadlab.kernel.Code;
import kthreadlab.kernel.Frame;
import kthreadlab.kernel.TaskStruct;

/**
 * check_preempt_curr(rq, p, flags) (kernel/sched/core.c) for p just queued on rq: the idle class
 * always loses (resched_curr, which kicks an idle CPU with an IPI); a running CFS task is asked
 * through check_preempt_wakeup (kernel/sched/fair.c), inner class Wakeup.
 */
public final class CheckPreemptCurr extends Frame {
    static final Code CODE = new Code("kernel/sched/core.c", "check_preempt_curr",
        "if (p->sched_class == rq->curr->sched_class)",
        "rq->curr->sched_class->check_preempt_curr(rq, p, flags);",
        "resched_curr(rq);");

    private final int task;
    private final boolean fork;

    public CheckPreemptCurr(int task, boolean fork) {
        this.task = task;
        this.fork = fork;
    }

    @Override
    public Code code() {
        return CODE;
    }

    @Override
    public String detail() {
        return fork ? "WF_FORK" : "";
    }

    @Override
    public void step(Exec x) {
        Machine m = x.m;
        TaskStruct p = m.task(task);
        Rq rq = Core.rqOf(m, p);
        switch (pc) {
            case 0:
                pc = m.task(rq.curr).isIdle ? 2 : 1;
                return;
            case 1:
                x.callAndReturn(new Wakeup(task));
                return;
            default:
                Core.reschedCurr(m, rq, x.rq.cpu);
                x.ret(0);
        }
    }

    /**
     * check_preempt_wakeup(): a woken (or forked) CFS task preempts the running one only if its
     * vruntime is more than the wakeup granularity to the left (wakeup_preempt_entity == 1). With
     * START_DEBIT a forked child never is, so the parent keeps running.
     */
    public static final class Wakeup extends Frame {
        static final Code CODE = new Code("kernel/sched/fair.c", "check_preempt_wakeup",
            "if (test_tsk_need_resched(curr))",
            "#3 return;",
            "update_curr(cfs_rq_of(se));",
            "if (wakeup_preempt_entity(se, pse) == 1) {",
            "resched_curr(rq);",
            "#6 return;");

        private final int task;

        Wakeup(int task) {
            this.task = task;
        }

        @Override
        public Code code() {
            return CODE;
        }

        @Override
        public void step(Exec x) {
            Machine m = x.m;
            TaskStruct p = m.task(task);
            Rq rq = Core.rqOf(m, p);
            TaskStruct curr = m.task(rq.curr);
            switch (pc) {
                case 0:
                    pc = rq.needResched ? 1 : 2;
                    return;
                case 2:
                    Core.updateRqClock(m, rq);
                    Fair.updateCurr(m, rq);
                    pc = 3;
                    return;
                case 3:
                    pc = Fair.wakeupPreemptEntity(m, curr.se, p.se) == 1 ? 4 : 5;
                    return;
                case 4:
                    Core.reschedCurr(m, rq, x.rq.cpu);
                    x.ret(0);
                    return;
                default:
                    x.ret(0);
            }
        }
    }
}
