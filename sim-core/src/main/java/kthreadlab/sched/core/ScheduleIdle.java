package kthreadlab.sched.core;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;

/**
 * The idle task's loop, shown as schedule_idle(): when need_resched is set it calls __schedule;
 * otherwise the CPU halts (cpuidle) and takes no steps until a wakeup kicks it.
 * The idle task runs with preempt_count 1, as do_idle() does.
 */
public final class ScheduleIdle extends Frame {
    static final Code CODE = new Code("kernel/sched/core.c", "schedule_idle",
        "__schedule(SM_NONE);",
        "} while (need_resched());");
    static final int SCHEDULE = 0, WHILE_NEED_RESCHED = 1;

    public ScheduleIdle() {
        super(CODE);
    }

    @Override
    public void step(Exec x) {
        if (pc == SCHEDULE) {
            pc = WHILE_NEED_RESCHED;
            x.call(new __Schedule(false));
            return;
        }
        pc = SCHEDULE;
        if (!x.rq.needResched && x.rq.curr == x.rq.idle) {
            x.m.setHalted(x.rq, true);
        }
    }
}
