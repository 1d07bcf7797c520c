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
    private final int task;
    private long ret;

    public KthreadStop(int task) {
        this.task = task;
    }

    @Override
    public Code code() {
        return CODE;
    }

    @Override
    public void step(Exec x) {
        Machine m = x.m;
        TaskStruct k = m.task(task);
        switch (pc) {
            case 0:
                m.tracepoint(x.rq, "sched_kthread_stop", () -> "comm=" + k.comm + " pid=" + k.pid);
                pc = 1;
                return;
            case 1:
            case 2:
                pc++;
                return;
            case 3:
                k.kthread.setBit(Kthread.KTHREAD_SHOULD_STOP);
                pc = 4;
                return;
            case 4:
                pc = 5;
                x.call(new KthreadUnpark(task));
                return;
            case 5:
                pc = 6;
                x.call(new WakeUpProcess(task));
                return;
            case 6:
                pc = 7;
                x.call(new WaitForCompletion(k.kthread.exited, false));
                return;
            case 7:
                ret = k.exitCode;
                pc = 8;
                return;
            case 8:
                pc = 9;
                return;
            case 9:
                m.tracepoint(x.rq, "sched_kthread_stop_ret", () -> "ret=" + ret);
                pc = 10;
                return;
            default:
                x.ret(ret);
        }
    }
}
