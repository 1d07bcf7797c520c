package kthreadlab.sched.core;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.state.TaskState;

/** wake_up_process(p) = try_to_wake_up(p, TASK_NORMAL, 0); wake_up_state(p, state) likewise. */
public final class WakeUpProcess extends Frame {
    static final Code PROCESS = new Code("kernel/sched/core.c", "wake_up_process",
        "return try_to_wake_up(p, TASK_NORMAL, 0);");
    static final Code STATE = new Code("kernel/sched/core.c", "wake_up_state",
        "return try_to_wake_up(p, state, 0);");

    private final int task;
    private final int state;

    public WakeUpProcess(int task) {
        this(task, TaskState.TASK_NORMAL);
    }

    public WakeUpProcess(int task, int state) {
        this.task = task;
        this.state = state;
    }

    @Override
    public Code code() {
        return state == TaskState.TASK_NORMAL ? PROCESS : STATE;
    }

    @Override
    public String detail() {
        return "p=" + task;
    }

    @Override
    public void step(Exec x) {
        x.callAndReturn(new TryToWakeUp(task, state));
    }
}
