package kthreadlab.sched.core;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.engine.Machine;
import kthreadlab.engine.TaskStruct;
import kthreadlab.sched.Rqs;
import kthreadlab.sched.fair.EntityTick;
import kthreadlab.state.Rq;

/**
 * scheduler_tick(), run in hard-irq context on top of whatever the CPU was doing:
 * task_tick_fair -> entity_tick charges the running task (update_curr) and, with more than one
 * runnable task, check_preempt_tick may set need_resched. Preemption itself waits for a
 * preemption point (irq exit under full preemption, cond_resched or schedule otherwise).
 */
public final class SchedulerTick extends Frame {
    static final Code CODE = new Code("kernel/sched/core.c", "scheduler_tick",
        "update_rq_clock(rq);",
        "curr->sched_class->task_tick(rq, curr, 0);");
    static final int CLOCK = 0, TASK_TICK = 1;

    public SchedulerTick() {
        super(CODE);
    }

    @Override
    public void step(Exec x) {
        Machine m = x.m;
        Rq rq = x.rq;
        if (pc == CLOCK) {
            Rqs.updateRqClock(m, rq);
            pc = TASK_TICK;
            return;
        }
        TaskStruct curr = m.task(rq.curr);
        if (!curr.isIdle && rq.cfs.curr == curr.id) {
            x.callAndReturn(new EntityTick());
        } else {
            x.ret(0);
        }
    }
}
