package kthreadlab.sched.fair;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.engine.Machine;
import kthreadlab.engine.TaskStruct;
import kthreadlab.sched.Rqs;
import kthreadlab.state.Rq;

/**
 * check_preempt_wakeup(): a woken (or forked) CFS task preempts the running one only if its
 * vruntime is more than the wakeup granularity to the left (wakeup_preempt_entity == 1). With
 * START_DEBIT a forked child never is, so the parent keeps running.
 */
public final class CheckPreemptWakeup extends Frame {
    static final Code CODE = new Code("kernel/sched/fair.c", "check_preempt_wakeup",
        "if (test_tsk_need_resched(curr))",
        "#3 return;",
        "update_curr(cfs_rq_of(se));",
        "if (wakeup_preempt_entity(se, pse) == 1) {",
        "resched_curr(rq);",
        "#6 return;");

    private final int task;

    public CheckPreemptWakeup(int task) {
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
        Rq rq = Rqs.rqOf(m, p);
        TaskStruct curr = m.task(rq.curr);
        switch (pc) {
            case 0:
                pc = rq.needResched ? 1 : 2;
                return;
            case 2:
                Rqs.updateRqClock(m, rq);
                UpdateCurr.atOnce(m, rq);
                pc = 3;
                return;
            case 3:
                pc = Fair.wakeupPreemptEntity(m, curr.se, p.se) == 1 ? 4 : 5;
                return;
            case 4:
                Rqs.reschedCurr(m, rq, x.rq.cpu);
                x.ret(0);
                return;
            default:
                x.ret(0);
        }
    }
}
