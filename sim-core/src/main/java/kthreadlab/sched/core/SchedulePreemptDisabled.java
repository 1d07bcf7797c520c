package kthreadlab.sched.core;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;

/** schedule_preempt_disabled(): called with preemption off; schedule() with it briefly on. */
public final class SchedulePreemptDisabled extends Frame {
    static final Code CODE = new Code("kernel/sched/core.c", "schedule_preempt_disabled",
        "sched_preempt_enable_no_resched();",
        "schedule();",
        "preempt_disable();");
    static final int PREEMPT_ENABLE = 0, SCHEDULE = 1, PREEMPT_DISABLE = 2;

    public SchedulePreemptDisabled() {
        super(CODE);
    }

    @Override
    public void step(Exec x) {
        switch (pc) {
            case PREEMPT_ENABLE:
                x.rq.preemptCount--;
                pc = SCHEDULE;
                return;
            case SCHEDULE:
                pc = PREEMPT_DISABLE;
                x.call(new Schedule());
                return;
            default:
                x.preemptDisable();
                x.ret(0);
        }
    }
}
