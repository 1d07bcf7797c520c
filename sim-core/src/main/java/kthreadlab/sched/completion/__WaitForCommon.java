package kthreadlab.sched.completion;

import kthreadlab.engine.Code;
import kthreadlab.engine.Config;
import kthreadlab.engine.Exec;
import kthreadlab.sched.core.__CondResched;

/**
 * __wait_for_common (kernel/sched/completion.c): might_sleep(), then do_wait_for_common under the
 * wait lock. With CONFIG_PREEMPT_VOLUNTARY might_sleep() is a preemption point: might_resched()
 * is __cond_resched() (include/linux/kernel.h), so a waiter that has just woken a task that
 * should run first yields here, switched out as R+. With none it does nothing; with full the
 * preemption already happened at the waker's preempt_enable().
 */
public final class __WaitForCommon extends CompletionFrame {
    static final Code CODE = new Code("kernel/sched/completion.c", "__wait_for_common",
        "might_sleep();",
        "timeout = do_wait_for_common(x, action, timeout, state);");
    static final int MIGHT_SLEEP = 0, DO_WAIT = 1;

    private final int state;

    public __WaitForCommon(int completion, int state) {
        super(CODE, completion);
        this.state = state;
    }

    @Override
    public void step(Exec x) {
        if (pc == MIGHT_SLEEP) {
            pc = DO_WAIT;
            if (x.m.config.preempt == Config.Preempt.VOLUNTARY) {
                x.call(new __CondResched());
            }
            return;
        }
        x.callAndReturn(new DoWaitForCommon(completion, state));
    }
}
