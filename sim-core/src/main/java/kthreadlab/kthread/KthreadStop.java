package kthreadlab.kthread;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.engine.Machine;
import kthreadlab.engine.TaskStruct;
import kthreadlab.sched.completion.WaitForCompletion;
import kthreadlab.sched.core.WakeUpProcess;
import kthreadlab.state.Kthread;

/** kthread_stop(k): set SHOULD_STOP, unpark, wake, wait for k's exit; returns k's exit code. */
public final class KthreadStop extends Frame {
    static final Code CODE = new Code("kernel/kthread.c", "kthread_stop",
        "trace_sched_kthread_stop(k);",
        "get_task_struct(k);",
        "kthread = to_kthread(k);",
        "set_bit(KTHREAD_SHOULD_STOP, &kthread->flags);",
        "kthread_unpark(k);",
        "wake_up_process(k);",
        "wait_for_completion(&kthread->exited);",
        "ret = k->exit_code;",
        "put_task_struct(k);",
        "trace_sched_kthread_stop_ret(ret);",
        "return ret;");
    static final int TRACE = 0, GET_TASK = 1, TO_KTHREAD = 2, SHOULD_STOP = 3, UNPARK = 4, WAKE = 5, WAIT = 6,
        EXIT_CODE = 7, PUT_TASK = 8, TRACE_RET = 9, RETURN = 10;
    private final int task;
    private long ret;

    public KthreadStop(int task) {
        super(CODE);
        this.task = task;
    }

    @Override
    public void step(Exec x) {
        Machine m = x.m;
        TaskStruct k = m.task(task);
        switch (pc) {
            case TRACE:
                m.tracepoint(x.rq, "sched_kthread_stop", () -> "comm=" + k.comm + " pid=" + k.pid);
                pc = GET_TASK;
                return;
            case GET_TASK:
            case TO_KTHREAD:
                pc++;
                return;
            case SHOULD_STOP:
                k.kthread.setBit(Kthread.KTHREAD_SHOULD_STOP);
                pc = UNPARK;
                return;
            case UNPARK:
                pc = WAKE;
                x.call(new KthreadUnpark(task));
                return;
            case WAKE:
                pc = WAIT;
                x.call(new WakeUpProcess(task));
                return;
            case WAIT:
                pc = EXIT_CODE;
                x.call(new WaitForCompletion(k.kthread.exited));
                return;
            case EXIT_CODE:
                ret = k.exitCode;
                pc = PUT_TASK;
                return;
            case PUT_TASK:
                pc = TRACE_RET;
                return;
            case TRACE_RET:
                m.tracepoint(x.rq, "sched_kthread_stop_ret", () -> "ret=" + ret);
                pc = RETURN;
                return;
            default:
                x.ret(ret);
        }
    }
}
