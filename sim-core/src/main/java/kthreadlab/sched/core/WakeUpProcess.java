package kthreadlab.sched.core;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.state.TaskState;

/** wake_up_process(p) = try_to_wake_up(p, TASK_NORMAL, 0). */
public final class WakeUpProcess extends Frame {
    static final Code CODE = new Code("kernel/sched/core.c", "wake_up_process",
        "return try_to_wake_up(p, TASK_NORMAL, 0);");

    private final int task;

    public WakeUpProcess(int task) {
        this.task = task;
    }

    @Override
    public Code code() {
        return CODE;
    }

    @Override
    public String detail() {
        return "p=" + task;
    }

    @Override
    public void step(Exec x) {
        x.callAndReturn(new TryToWakeUp(task, TaskState.TASK_NORMAL));
    }
}
