package kthreadlab.sched.core;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;

/**
 * Involuntary preemption: preempt_schedule_common() (from preempt_enable or cond_resched) or
 * preempt_schedule_irq() (on return from an interrupt). Both call __schedule(SM_PREEMPT), so prev
 * stays on the runqueue and its sched_switch shows R+.
 */
public final class PreemptSchedule extends Frame {
    public static final int PREEMPT = 0;
    public static final int IRQ = 1;
    static final Code COMMON = new Code("kernel/sched/core.c", "preempt_schedule_common",
        "preempt_disable_notrace();",
        "__schedule(SM_PREEMPT);",
        "preempt_enable_no_resched_notrace();",
        "} while (need_resched());");
    static final Code FROM_IRQ = new Code("kernel/sched/core.c", "preempt_schedule_irq",
        "preempt_disable();",
        "__schedule(SM_PREEMPT);",
        "sched_preempt_enable_no_resched();",
        "} while (need_resched());");

    private final int kind;

    public PreemptSchedule(int kind) {
        this.kind = kind;
    }

    @Override
    public boolean isPreemption() {
        return true;
    }

    @Override
    public Code code() {
        return kind == IRQ ? FROM_IRQ : COMMON;
    }

    @Override
    public void step(Exec x) {
        switch (pc) {
            case 0:
                x.rq.preemptCount++;
                pc = 1;
                return;
            case 1:
                pc = 2;
                x.call(new __Schedule(true));
                return;
            case 2:
                x.rq.preemptCount--;
                pc = 3;
                return;
            default:
                if (x.rq.needResched) {
                    pc = 0;
                } else {
                    x.ret(1);
                }
        }
    }
}
