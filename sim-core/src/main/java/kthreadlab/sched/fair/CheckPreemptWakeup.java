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
    static final int NEED_RESCHED = 0, RESCHED_RETURN = 1, UPDATE_CURR = 2, PREEMPT_ENTITY = 3, RESCHED = 4,
        NO_PREEMPT = 5;

    private final int task;

    public CheckPreemptWakeup(int task) {
        super(CODE);
        this.task = task;
    }

    @Override
    public void step(Exec x) {
        Machine m = x.m;
        TaskStruct p = m.task(task);
        Rq rq = Rqs.rqOf(m, p);
        TaskStruct curr = m.task(rq.curr);
        switch (pc) {
            case NEED_RESCHED:
                pc = rq.needResched ? RESCHED_RETURN : UPDATE_CURR;
                return;
            case UPDATE_CURR:
                Rqs.updateRqClock(m, rq);
                UpdateCurr.atOnce(m, rq);
                pc = PREEMPT_ENTITY;
                return;
            case PREEMPT_ENTITY:
                pc = Fair.wakeupPreemptEntity(m, curr.se, p.se) == 1 ? RESCHED : NO_PREEMPT;
                return;
            case RESCHED:
                Rqs.reschedCurr(m, rq, x.rq.cpu);
                x.ret(0);
                return;
            default:
                x.ret(0);
        }
    }
}
