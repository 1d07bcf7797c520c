package kthreadlab.sched.core;

import kthreadlab.engine.Code;

/** preempt_schedule_irq(): preemption on return from an interrupt. */
public final class PreemptScheduleIrq extends PreemptionLoop {
    static final Code CODE = new Code("kernel/sched/core.c", "preempt_schedule_irq",
        "preempt_disable();",
        "__schedule(SM_PREEMPT);",
        "sched_preempt_enable_no_resched();",
        "} while (need_resched());");

    public PreemptScheduleIrq() {
        super(CODE);
    }
}
