package kthreadlab.sched;

import kthreadlab.engine.Machine;
import kthreadlab.engine.StepCost;
import kthreadlab.engine.TaskStruct;
import kthreadlab.state.Rq;

/**
 * The run-queue helpers kernel/sched/sched.h declares for every scheduling class (rq_of/task_rq,
 * update_rq_clock, resched_curr; the last two are defined in core.c). They sit below sched.core and
 * sched.fair so that fair.c's code calls them without a cycle, as it does in the kernel.
 */
public final class Rqs {
    private Rqs() {
    }

    public static Rq rqOf(Machine m, TaskStruct p) {
        return m.rqs[p.cpu];
    }

    /** Whether another CPU holds this rq's lock (this CPU must wait for it). */
    public static boolean lockedByOther(Rq rq, int cpu) {
        return rq.lockedBy >= 0 && rq.lockedBy != cpu;
    }

    /** update_rq_clock. */
    public static void updateRqClock(Machine m, Rq rq) {
        rq.clock = Math.max(rq.clock, m.now);
    }

    /** resched_curr: set need_resched; a remote idle CPU is kicked out of idle by an IPI. */
    public static void reschedCurr(Machine m, Rq rq, int fromCpu) {
        rq.needResched = true;
        if (rq.halted) {
            m.kick(rq, rq.cpu == fromCpu ? 0 : StepCost.IPI_WAKE);
        } else if (rq.cpu != fromCpu) {
            rq.ipiPending = true;
        }
    }
}
