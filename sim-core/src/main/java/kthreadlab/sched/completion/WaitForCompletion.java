package kthreadlab.sched.completion;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.state.TaskState;

/** wait_for_completion(x): sleep in TASK_UNINTERRUPTIBLE until x is completed, through __wait_for_common. */
public final class WaitForCompletion extends CompletionFrame {
    static final Code CODE = new Code("kernel/sched/completion.c", "wait_for_completion",
        "wait_for_common(x, MAX_SCHEDULE_TIMEOUT, TASK_UNINTERRUPTIBLE);");

    public WaitForCompletion(int completion) {
        super(CODE, completion);
    }

    @Override
    public void step(Exec x) {
        x.callAndReturn(new __WaitForCommon(completion, TaskState.TASK_UNINTERRUPTIBLE));
    }
}
