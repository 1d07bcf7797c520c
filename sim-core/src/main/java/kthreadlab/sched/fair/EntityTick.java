package kthreadlab.sched.fair;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;

/** entity_tick(): charge the running entity; with more than one runnable, check its slice. */
public final class EntityTick extends Frame {
    static final Code CODE = new Code("kernel/sched/fair.c", "entity_tick",
        "update_curr(cfs_rq);",
        "if (cfs_rq->nr_running > 1)",
        "check_preempt_tick(cfs_rq, curr);");
    static final int UPDATE_CURR = 0, NR_RUNNING = 1, CHECK_PREEMPT = 2;

    public EntityTick() {
        super(CODE);
    }

    @Override
    public void step(Exec x) {
        switch (pc) {
            case UPDATE_CURR:
                pc = NR_RUNNING;
                x.call(new UpdateCurr(x.rq.cpu));
                return;
            case NR_RUNNING:
                if (x.rq.cfs.nrRunning > 1) {
                    pc = CHECK_PREEMPT;
                } else {
                    x.ret(0);
                }
                return;
            default:
                x.callAndReturn(new CheckPreemptTick());
        }
    }
}
