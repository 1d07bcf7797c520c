package kthreadlab.sched.fair;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.engine.Machine;
import kthreadlab.engine.TaskStruct;
import kthreadlab.state.Rq;

/**
 * check_preempt_tick(): resched if the running entity has used its ideal slice, or, after at
 * least min_granularity, if it is more than a slice to the right of the leftmost entity.
 */
public final class CheckPreemptTick extends Frame {
    static final Code CODE = new Code("kernel/sched/fair.c", "check_preempt_tick",
        "ideal_runtime = sched_slice(cfs_rq, curr);",
        "delta_exec = curr->sum_exec_runtime - curr->prev_sum_exec_runtime;",
        "if (delta_exec > ideal_runtime) {",
        "#1 resched_curr(rq_of(cfs_rq));",
        "if (delta_exec < sysctl_sched_min_granularity)",
        "se = __pick_first_entity(cfs_rq);",
        "delta = curr->vruntime - se->vruntime;",
        "if (delta < 0)",
        "if (delta > ideal_runtime)",
        "#2 resched_curr(rq_of(cfs_rq));");
    static final int IDEAL = 0, DELTA_EXEC = 1, OVER_IDEAL = 2, RESCHED_1 = 3, MIN_GRAN = 4, FIRST = 5,
        DELTA = 6, DELTA_NEGATIVE = 7, DELTA_OVER = 8, RESCHED_2 = 9;

    private long ideal;
    private long deltaExec;
    private long delta;

    public CheckPreemptTick() {
        super(CODE);
    }

    @Override
    public void step(Exec x) {
        Rq rq = x.rq;
        Machine m = x.m;
        TaskStruct curr = m.task(rq.cfs.curr);
        switch (pc) {
            case IDEAL:
                ideal = Fair.slice(m, rq.cfs, curr.se);
                pc = DELTA_EXEC;
                return;
            case DELTA_EXEC:
                deltaExec = curr.se.sumExecRuntime - curr.se.prevSumExecRuntime;
                pc = OVER_IDEAL;
                return;
            case OVER_IDEAL:
                pc = deltaExec > ideal ? RESCHED_1 : MIN_GRAN;
                return;
            case RESCHED_1:
            case RESCHED_2:
                rq.needResched = true;
                x.ret(0);
                return;
            case MIN_GRAN:
                if (deltaExec < Fair.minGranularity(m)) {
                    x.ret(0);
                    return;
                }
                pc = FIRST;
                return;
            case FIRST:
                pc = rq.cfs.first() != null ? DELTA : DELTA_OVER;
                return;
            case DELTA:
                delta = curr.se.vruntime - rq.cfs.first().vruntime;
                pc = DELTA_NEGATIVE;
                return;
            case DELTA_NEGATIVE:
                if (delta < 0) {
                    x.ret(0);
                    return;
                }
                pc = DELTA_OVER;
                return;
            default:
                if (delta > ideal) {
                    pc = RESCHED_2;
                } else {
                    x.ret(0);
                }
        }
    }
}
