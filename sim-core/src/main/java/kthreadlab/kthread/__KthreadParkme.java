package kthreadlab.kthread;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.sched.completion.Complete;
import kthreadlab.sched.core.SchedulePreemptDisabled;
import kthreadlab.state.Kthread;
import kthreadlab.state.TaskState;

/**
 * __kthread_parkme(self) (kernel/kthread.c): while SHOULD_PARK is set, sit in TASK_PARKED,
 * tell kthread_park() through self->parked, and sleep; kthread_unpark's wake_up_state(PARKED)
 * ends it. set_special_state orders the PARKED store against concurrent wakeups.
 */
public final class __KthreadParkme extends Frame {
    static final Code CODE = new Code("kernel/kthread.c", "__kthread_parkme",
        "set_special_state(TASK_PARKED);",
        "if (!test_bit(KTHREAD_SHOULD_PARK, &self->flags))",
        "preempt_disable();",
        "complete(&self->parked);",
        "schedule_preempt_disabled();",
        "preempt_enable();",
        "__set_current_state(TASK_RUNNING);");
    static final int SET_PARKED = 0, SHOULD_PARK = 1, PREEMPT_DISABLE = 2, COMPLETE = 3, SCHEDULE = 4,
        PREEMPT_ENABLE = 5, RUNNING = 6;

    public __KthreadParkme() {
        super(CODE);
    }

    @Override
    public void step(Exec x) {
        Kthread self = x.cur.kthread;
        switch (pc) {
            case SET_PARKED:
                x.cur.state = TaskState.TASK_PARKED;
                pc = SHOULD_PARK;
                return;
            case SHOULD_PARK:
                pc = self.testBit(Kthread.KTHREAD_SHOULD_PARK) ? PREEMPT_DISABLE : RUNNING;
                return;
            case PREEMPT_DISABLE:
                x.preemptDisable();
                pc = COMPLETE;
                return;
            case COMPLETE:
                pc = SCHEDULE;
                x.call(new Complete(self.parked));
                return;
            case SCHEDULE:
                pc = PREEMPT_ENABLE;
                x.call(new SchedulePreemptDisabled());
                return;
            case PREEMPT_ENABLE:
                pc = SET_PARKED;
                x.preemptEnable();
                return;
            default:
                x.cur.state = TaskState.TASK_RUNNING;
                x.ret(0);
        }
    }
}
