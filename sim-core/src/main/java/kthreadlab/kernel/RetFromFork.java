package kthreadlab.kernel;

import kthreadlab.engine.Exec;

/**
 * ret_from_fork (arch/x86/entry/entry_64.S): where a new task's first context switch lands.
 * It finishes the switch (schedule_tail), then, for a kernel thread, moves the argument that
 * copy_thread left in %r12 into %rdi and calls the function left in %rbx: fn(arg).
 */
public final class RetFromFork extends Frame {
    static final Code CODE = new Code("arch/x86/entry/entry_64.S", "ret_from_fork",
        "call	schedule_tail			/* rdi: 'prev' task parameter */",
        "movq	%r12, %rdi",
        "CALL_NOSPEC rbx");

    private final String fn;
    private final long arg;

    public RetFromFork(String fn, long arg) {
        this.fn = fn;
        this.arg = arg;
    }

    @Override
    public Code code() {
        return CODE;
    }

    @Override
    public String detail() {
        return fn;
    }

    @Override
    public void step(Exec x) {
        switch (pc) {
            case 0:
                pc = 1;
                x.call(new ScheduleTail());
                return;
            case 1:
                pc = 2;
                return;
            default:
                x.call(ThreadFns.start(fn, arg));
        }
    }

    /** schedule_tail(): the new task's half of the context switch. */
    static final class ScheduleTail extends Frame {
        static final Code CODE = new Code("kernel/sched/core.c", "schedule_tail",
            "finish_task_switch(prev);",
            "preempt_enable();");

        @Override
        public Code code() {
            return CODE;
        }

        @Override
        public void step(Exec x) {
            if (pc == 0) {
                x.rq.preemptCount--;
                x.rq.irqsOff--;
                pc = 1;
                return;
            }
            x.ret(0);
            x.preemptEnable();
        }
    }
}
