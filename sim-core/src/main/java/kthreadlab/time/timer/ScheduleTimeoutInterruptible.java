package kthreadlab.time.timer;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.state.TaskState;

/** schedule_timeout_interruptible(timeout): sets TASK_INTERRUPTIBLE, then schedule_timeout(timeout). */
public final class ScheduleTimeoutInterruptible extends Frame {
    static final Code CODE = new Code("kernel/time/timer.c", "schedule_timeout_interruptible",
        "__set_current_state(TASK_INTERRUPTIBLE);",
        "return schedule_timeout(timeout);");
    static final int SET_STATE = 0, CALL = 1;

    private final long timeout;

    public ScheduleTimeoutInterruptible(long timeout) {
        super(CODE);
        this.timeout = timeout;
    }

    @Override
    public String detail() {
        return ScheduleTimeout.describe(timeout);
    }

    @Override
    public void step(Exec x) {
        if (pc == SET_STATE) {
            x.cur.state = TaskState.TASK_INTERRUPTIBLE;
            pc = CALL;
        } else {
            x.callAndReturn(new ScheduleTimeout(timeout));
        }
    }
}
