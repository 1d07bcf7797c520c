package kthreadlab.sched.fair;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.engine.Machine;
import kthreadlab.engine.TaskStruct;
import kthreadlab.state.Rq;

/** The CFS half of the tick (kernel/sched/fair.c): entity_tick, update_curr, check_preempt_tick. */
public final class FairTick {
    private FairTick() {
    }

    /** entity_tick(): charge the running entity; with more than one runnable, check its slice. */
    public static final class EntityTick extends Frame {
        static final Code CODE = new Code("kernel/sched/fair.c", "entity_tick",
            "update_curr(cfs_rq);",
            "if (cfs_rq->nr_running > 1)",
            "check_preempt_tick(cfs_rq, curr);");

        @Override
        public Code code() {
            return CODE;
        }

        @Override
        public void step(Exec x) {
            switch (pc) {
                case 0:
                    pc = 1;
                    x.call(new UpdateCurr(x.rq.cpu));
                    return;
                case 1:
                    if (x.rq.cfs.nrRunning > 1) {
                        pc = 2;
                    } else {
                        x.ret(0);
                    }
                    return;
                default:
                    x.callAndReturn(new CheckPreemptTick());
            }
        }
    }

    /**
     * check_preempt_tick(): resched if the running entity has used its ideal slice, or, after at
     * least min_granularity, if it is more than a slice to the right of the leftmost entity.
     */
    static final class CheckPreemptTick extends Frame {
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

        private long ideal;
        private long deltaExec;
        private long delta;

        @Override
        public Code code() {
            return CODE;
        }

        @Override
        public void step(Exec x) {
            Rq rq = x.rq;
            Machine m = x.m;
            TaskStruct curr = m.task(rq.cfs.curr);
            switch (pc) {
                case 0:
                    ideal = Fair.slice(m, rq.cfs, curr.se);
                    pc = 1;
                    return;
                case 1:
                    deltaExec = curr.se.sumExecRuntime - curr.se.prevSumExecRuntime;
                    pc = 2;
                    return;
                case 2:
                    pc = deltaExec > ideal ? 3 : 4;
                    return;
                case 3:
                case 9:
                    rq.needResched = true;
                    x.ret(0);
                    return;
                case 4:
                    if (deltaExec < Fair.minGranularity(m)) {
                        x.ret(0);
                        return;
                    }
                    pc = 5;
                    return;
                case 5:
                    pc = rq.cfs.first() != null ? 6 : 8;
                    return;
                case 6:
                    delta = curr.se.vruntime - rq.cfs.first().vruntime;
                    pc = 7;
                    return;
                case 7:
                    if (delta < 0) {
                        x.ret(0);
                        return;
                    }
                    pc = 8;
                    return;
                default:
                    if (delta > ideal) {
                        pc = 9;
                    } else {
                        x.ret(0);
                    }
            }
        }
    }
}
