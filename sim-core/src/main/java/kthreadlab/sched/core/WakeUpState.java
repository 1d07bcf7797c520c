package kthreadlab.sched.core;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;

/** wake_up_state(p, state) = try_to_wake_up(p, state, 0): wakes p only if it sleeps in one of `state`. */
public final class WakeUpState extends WakeFrame {
    static final Code CODE = new Code("kernel/sched/core.c", "wake_up_state",
        "return try_to_wake_up(p, state, 0);");

    public WakeUpState(int task, int state) {
        super(CODE, task, state);
    }

    @Override
    public void step(Exec x) {
        x.callAndReturn(new TryToWakeUp(task, state));
    }
}
