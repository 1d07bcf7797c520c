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
public final class KthreadParkme extends Frame {
    static final Code CODE = new Code("kernel/kthread.c", "__kthread_parkme",
        "set_special_state(TASK_PARKED);",
        "if (!test_bit(KTHREAD_SHOULD_PARK, &self->flags))",
        "preempt_disable();",
        "complete(&self->parked);",
        "schedule_preempt_disabled();",
        "preempt_enable();",
        "__set_current_state(TASK_RUNNING);");
    static final Code OUTER = new Code("kernel/kthread.c", "kthread_parkme",
        "__kthread_parkme(to_kthread(current));");

    private final boolean outer;

    public KthreadParkme() {
        this(false);
    }

    public KthreadParkme(boolean outer) {
        this.outer = outer;
    }

    @Override
    public Code code() {
        return outer ? OUTER : CODE;
    }

    @Override
    public void step(Exec x) {
        if (outer) {
            x.callAndReturn(new KthreadParkme(false));
            return;
        }
        Kthread self = x.cur.kthread;
        switch (pc) {
            case 0:
                x.cur.state = TaskState.TASK_PARKED;
                pc = 1;
                return;
            case 1:
                pc = self.testBit(Kthread.KTHREAD_SHOULD_PARK) ? 2 : 6;
                return;
            case 2:
                x.preemptDisable();
                pc = 3;
                return;
            case 3:
                pc = 4;
                x.call(new Complete(self.parked));
                return;
            case 4:
                pc = 5;
                x.call(new SchedulePreemptDisabled());
                return;
            case 5:
                pc = 0;
                x.preemptEnable();
                return;
            default:
                x.cur.state = TaskState.TASK_RUNNING;
                x.ret(0);
        }
    }
}
