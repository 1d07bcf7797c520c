package kthreadlab.sched.core;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;

/** wake_up_state(p, state) = try_to_wake_up(p, state, 0): wakes p only if it sleeps in one of `state`. */
public final class WakeUpState extends Frame {
    static final Code CODE = new Code("kernel/sched/core.c", "wake_up_state",
        "return try_to_wake_up(p, state, 0);");

    private final int task;
    private final int state;

    public WakeUpState(int task, int state) {
        this.task = task;
        this.state = state;
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
        x.callAndReturn(new TryToWakeUp(task, state));
    }
}
