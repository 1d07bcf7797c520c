package kthreadlab.sched.core;

import kthreadlab.engine.Code;
import kthreadlab.engine.Config;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;

/**
 * __cond_resched() (kernel/sched/core.c): a voluntary preemption point. With preempt=none or
 * voluntary it yields if need_resched is set; with full preemption cond_resched() is a no-op
 * (the kernel can preempt anywhere preemption is enabled).
 */
public final class __CondResched extends Frame {
    static final Code CODE = new Code("kernel/sched/core.c", "__cond_resched",
        "if (should_resched(0)) {",
        "preempt_schedule_common();",
        "return 1;",
        "return 0;");
    static final int SHOULD_RESCHED = 0, PREEMPT = 1, RETURN_1 = 2, RETURN_0 = 3;

    /** cond_resched() from a caller whose pc already points past the call. */
    public static void call(Exec x) {
        if (x.m.config.preempt != Config.Preempt.FULL) {
            x.call(new __CondResched());
        }
    }

    public __CondResched() {
        super(CODE);
    }

    @Override
    public void step(Exec x) {
        switch (pc) {
            case SHOULD_RESCHED:
                pc = x.rq.needResched && x.rq.preemptCount == 0 ? PREEMPT : RETURN_0;
                return;
            case PREEMPT:
                pc = RETURN_1;
                x.call(new PreemptScheduleCommon());
                return;
            case RETURN_1:
                x.ret(1);
                return;
            default:
                x.ret(0);
        }
    }
}
