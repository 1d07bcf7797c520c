package kthreadlab.sched.core;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.state.TaskState;

/** wake_up_process(p) = try_to_wake_up(p, TASK_NORMAL, 0). */
public final class WakeUpProcess extends WakeFrame {
    static final Code CODE = new Code("kernel/sched/core.c", "wake_up_process",
        "return try_to_wake_up(p, TASK_NORMAL, 0);");

    public WakeUpProcess(int task) {
        super(CODE, task, TaskState.TASK_NORMAL);
    }

    @Override
    public void step(Exec x) {
        x.callAndReturn(new TryToWakeUp(task, state));
    }
}
