package kthreadlab.sched.core;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;

/**
 * The loop both involuntary preemption entry points run, line for line: preempt_schedule_common()
 * (from preempt_enable or cond_resched) and preempt_schedule_irq() (on return from an interrupt).
 * Each is a subclass with its own Code table; both call __schedule(SM_PREEMPT), so prev stays on
 * the runqueue and its sched_switch shows R+.
 */
public abstract class PreemptionLoop extends Frame {
    static final int PREEMPT_DISABLE = 0, SCHEDULE = 1, PREEMPT_ENABLE = 2, WHILE_NEED_RESCHED = 3;

    PreemptionLoop(Code code) {
        super(code);
    }

    @Override
    public final boolean isPreemption() {
        return true;
    }

    @Override
    public final void step(Exec x) {
        switch (pc) {
            case PREEMPT_DISABLE:
                x.rq.preemptCount++;
                pc = SCHEDULE;
                return;
            case SCHEDULE:
                pc = PREEMPT_ENABLE;
                x.call(new __Schedule(true));
                return;
            case PREEMPT_ENABLE:
                x.rq.preemptCount--;
                pc = WHILE_NEED_RESCHED;
                return;
            default:
                if (x.rq.needResched) {
                    pc = PREEMPT_DISABLE;
                } else {
                    x.ret(1);
                }
        }
    }
}
