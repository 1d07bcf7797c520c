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

    private final int cpu;
    private long delta;

    /** update_curr(&rq->cfs) of CPU `cpu`'s run queue (not necessarily the CPU running it). */
    public UpdateCurr(int cpu) {
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
    public Code code() {
        return CODE;
    }

    @Override
    public void step(Exec x) {
        Machine m = x.m;
        Rq rq = m.rqs[cpu];
        TaskStruct curr = rq.cfs.curr >= 0 ? m.task(rq.cfs.curr) : null;
        switch (pc) {
            case 0:
                if (curr == null) {
                    x.ret(0);
                    return;
                }
                pc = 1;
                return;
            case 1:
                delta = rq.clock - curr.se.execStart;
                pc = 2;
                return;
            case 2:
                pc = delta <= 0 ? 3 : 4;
                return;
            case 3:
                x.ret(0);
                return;
            case 4:
                curr.se.execStart = rq.clock;
                pc = 5;
                return;
            case 5:
                curr.se.sumExecRuntime += delta;
                pc = 6;
                return;
            case 6:
                curr.se.vruntime += Weights.calcDeltaFair(delta, curr.se.weight);
                pc = 7;
                return;
            default:
                Fair.updateMinVruntime(m, rq.cfs);
                x.ret(0);
        }
    }
}
