package kthreadlab.sched.completion;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.state.TaskState;

/**
 * wait_for_completion_killable(x): sleep in TASK_KILLABLE until x is completed; a SIGKILL ends the
 * wait with -ERESTARTSYS, else 0.
 */
public final class WaitForCompletionKillable extends CompletionFrame {
    public static final long ERESTARTSYS = 512;
    static final Code CODE = new Code("kernel/sched/completion.c", "wait_for_completion_killable",
        "long t = wait_for_common(x, MAX_SCHEDULE_TIMEOUT, TASK_KILLABLE);",
        "if (t == -ERESTARTSYS)",
        "return t;",
        "return 0;");
    static final int WAIT = 0, IF_RESTART = 1, RETURN_T = 2, RETURN_0 = 3;

    private long t;

    public WaitForCompletionKillable(int completion) {
        super(CODE, completion);
    }

    @Override
    public void onReturn(long value) {
        t = value;
    }

    @Override
    public void step(Exec x) {
        switch (pc) {
            case WAIT:
                pc = IF_RESTART;
                x.call(new __WaitForCommon(completion, TaskState.TASK_KILLABLE));
                return;
            case IF_RESTART:
                pc = t == -ERESTARTSYS ? RETURN_T : RETURN_0;
                return;
            case RETURN_T:
                x.ret(t);
                return;
            default:
                x.ret(0);
        }
    }
}
