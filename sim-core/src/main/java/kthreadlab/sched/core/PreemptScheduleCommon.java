package kthreadlab.sched.core;

import kthreadlab.engine.Code;

/** preempt_schedule_common(): preemption at preempt_enable() or cond_resched(). */
public final class PreemptScheduleCommon extends PreemptionLoop {
    static final Code CODE = new Code("kernel/sched/core.c", "preempt_schedule_common",
        "preempt_disable_notrace();",
        "__schedule(SM_PREEMPT);",
        "preempt_enable_no_resched_notrace();",
        "} while (need_resched());");

    public PreemptScheduleCommon() {
        super(CODE);
    }
}
