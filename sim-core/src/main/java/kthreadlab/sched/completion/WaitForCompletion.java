package kthreadlab.sched.completion;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.state.TaskState;

/**
 * wait_for_completion(x) (TASK_UNINTERRUPTIBLE) and wait_for_completion_killable(x)
 * (TASK_KILLABLE: a SIGKILL ends the wait with -ERESTARTSYS), through __wait_for_common.
 */
public final class WaitForCompletion extends Frame {
    public static final long ERESTARTSYS = 512;
    static final Code PLAIN = new Code("kernel/sched/completion.c", "wait_for_completion",
        "wait_for_common(x, MAX_SCHEDULE_TIMEOUT, TASK_UNINTERRUPTIBLE);");
    static final Code KILLABLE = new Code("kernel/sched/completion.c", "wait_for_completion_killable",
        "long t = wait_for_common(x, MAX_SCHEDULE_TIMEOUT, TASK_KILLABLE);",
        "if (t == -ERESTARTSYS)",
        "return t;",
        "return 0;");

    private final int completion;
    private final boolean killable;
    private long t;

    public WaitForCompletion(int completion, boolean killable) {
        this.completion = completion;
        this.killable = killable;
    }

    @Override
    public Code code() {
        return killable ? KILLABLE : PLAIN;
    }

    @Override
    public String detail() {
        return "x=" + completion;
    }

    @Override
    public void onReturn(long value) {
        t = value;
    }

    @Override
    public void step(Exec x) {
        if (!killable) {
            x.callAndReturn(new __WaitForCommon(completion, TaskState.TASK_UNINTERRUPTIBLE));
            return;
        }
        switch (pc) {
            case 0:
                pc = 1;
                x.call(new __WaitForCommon(completion, TaskState.TASK_KILLABLE));
                return;
            case 1:
                pc = t == -ERESTARTSYS ? 2 : 3;
                return;
            case 2:
                x.ret(t);
                return;
            default:
                x.ret(0);
        }
    }
}
