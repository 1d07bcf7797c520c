package kthreadlab.sched.fair;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.engine.Machine;
import kthreadlab.engine.TaskStruct;
import kthreadlab.state.Rq;
import kthreadlab.state.Weights;

/** update_curr(): delta = now - exec_start; sum_exec += delta; vruntime += delta scaled by weight. */
public final class UpdateCurr extends Frame {
    static final Code CODE = new Code("kernel/sched/fair.c", "update_curr",
        "if (unlikely(!curr))",
        "delta_exec = now - curr->exec_start;",
        "if (unlikely((s64)delta_exec <= 0))",
        "#2 return;",
        "curr->exec_start = now;",
        "curr->sum_exec_runtime += delta_exec;",
        "curr->vruntime += calc_delta_fair(delta_exec, curr);",
        "update_min_vruntime(cfs_rq);");
    static final int NO_CURR = 0, DELTA = 1, DELTA_CHECK = 2, DELTA_RETURN = 3, EXEC_START = 4, SUM_EXEC = 5,
        VRUNTIME = 6, MIN_VRUNTIME = 7;

    private final int cpu;
    private long delta;

    /** update_curr(&rq->cfs) of CPU `cpu`'s run queue (not necessarily the CPU running it). */
    public UpdateCurr(int cpu) {
        super(CODE);
        this.cpu = cpu;
    }

    /**
     * A line that calls update_curr() without the learner stepping into it (enqueue_entity,
     * check_preempt_wakeup...): this step machine, run at once (it never waits).
     */
    public static void atOnce(Machine m, Rq rq) {
        Exec.runToReturn(m, rq, new UpdateCurr(rq.cpu));
    }

    @Override
    public void step(Exec x) {
        Machine m = x.m;
        Rq rq = m.rqs[cpu];
        TaskStruct curr = rq.cfs.curr >= 0 ? m.task(rq.cfs.curr) : null;
        switch (pc) {
            case NO_CURR:
                if (curr == null) {
                    x.ret(0);
                    return;
                }
                pc = DELTA;
                return;
            case DELTA:
                delta = rq.clock - curr.se.execStart;
                pc = DELTA_CHECK;
                return;
            case DELTA_CHECK:
                pc = delta <= 0 ? DELTA_RETURN : EXEC_START;
                return;
            case DELTA_RETURN:
                x.ret(0);
                return;
            case EXEC_START:
                curr.se.execStart = rq.clock;
                pc = SUM_EXEC;
                return;
            case SUM_EXEC:
                curr.se.sumExecRuntime += delta;
                pc = VRUNTIME;
                return;
            case VRUNTIME:
                curr.se.vruntime += Weights.calcDeltaFair(delta, curr.se.weight);
                pc = MIN_VRUNTIME;
                return;
            default:
                Fair.updateMinVruntime(m, rq.cfs);
                x.ret(0);
        }
    }
}
