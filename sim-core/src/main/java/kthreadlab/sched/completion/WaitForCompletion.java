package kthreadlab.sched.completion;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.state.TaskState;

/** wait_for_completion(x): sleep in TASK_UNINTERRUPTIBLE until x is completed, through __wait_for_common. */
public final class WaitForCompletion extends Frame {
    static final Code CODE = new Code("kernel/sched/completion.c", "wait_for_completion",
        "wait_for_common(x, MAX_SCHEDULE_TIMEOUT, TASK_UNINTERRUPTIBLE);");

    private final int completion;

    public WaitForCompletion(int completion) {
        this.completion = completion;
    }

    @Override
    public Code code() {
        return CODE;
    }

    @Override
    public String detail() {
        return "x=" + completion;
    }

    @Override
    public void step(Exec x) {
        x.callAndReturn(new __WaitForCommon(completion, TaskState.TASK_UNINTERRUPTIBLE));
    }
}
