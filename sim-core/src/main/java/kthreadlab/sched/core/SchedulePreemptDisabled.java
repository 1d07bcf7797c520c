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

    @Override
    public Code code() {
        return CODE;
    }

    @Override
    public void step(Exec x) {
        switch (pc) {
            case 0:
                x.rq.preemptCount--;
                pc = 1;
                return;
            case 1:
                pc = 2;
                x.call(new Schedule());
                return;
            default:
                x.preemptDisable();
                x.ret(0);
        }
    }
}
