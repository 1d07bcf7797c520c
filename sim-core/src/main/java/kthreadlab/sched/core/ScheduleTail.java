package kthreadlab.sched.core;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;

/**
 * schedule_tail() (kernel/sched/core.c): a new task's first code after its first context switch.
 * ret_from_fork (arch/x86/entry/entry_64.S, not in the corpus) calls it and then calls fn(arg):
 * copy_thread left fn in %rbx and arg in %r12, taken from kernel_thread()'s .stack and .stack_size.
 * New tasks start with preempt_count 2 (the rq lock and schedule()'s preempt_disable of the switch).
 */
public final class ScheduleTail extends Frame {
    static final Code CODE = new Code("kernel/sched/core.c", "schedule_tail",
        "finish_task_switch(prev);",
        "preempt_enable();");
    static final int FINISH_SWITCH = 0, PREEMPT_ENABLE = 1;

    /** The frame a new task starts with, on top of its thread function; it returns no value. */
    public static ScheduleTail implicitFrame() {
        ScheduleTail f = new ScheduleTail();
        f.implicit = true;
        return f;
    }

    public ScheduleTail() {
        super(CODE);
    }

    @Override
    public String detail() {
        return "from ret_from_fork";
    }

    @Override
    public void step(Exec x) {
        if (pc == FINISH_SWITCH) {
            kthreadlab.sched.core.__Schedule.finishTaskSwitch(x);
            pc = PREEMPT_ENABLE;
            return;
        }
        x.ret(0);
        x.preemptEnable();
    }
}
