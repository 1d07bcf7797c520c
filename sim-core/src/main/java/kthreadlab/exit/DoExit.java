package kthreadlab.exit;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.engine.Machine;
import kthreadlab.engine.TaskStruct;
import kthreadlab.format.Errno;
import kthreadlab.sched.completion.Complete;
import kthreadlab.sched.core.DoTaskDead;
import kthreadlab.sched.core.TryToWakeUp;
import kthreadlab.state.TaskFlags;
import kthreadlab.state.TaskState;

/**
 * do_exit(code) for a kernel thread (kernel/exit.c). PF_EXITING first; exit_mm's mm_release
 * completes vfork_done (= &self->exited), which wakes a kthread_stop() caller while this thread is
 * still running; exit_notify autoreaps it (kthreadd ignores SIGCHLD, so no zombie); the final
 * __schedule in do_task_dead (sched.core.DoTaskDead) leaves it TASK_DEAD, and its prev_state prints X.
 */
public final class DoExit extends Frame {
    static final Code CODE = new Code("kernel/exit.c", "do_exit",
        "exit_signals(tsk);  /* sets PF_EXITING */",
        "tsk->exit_code = code;",
        "exit_mm();",
        "trace_sched_process_exit(tsk);",
        "exit_notify(tsk, group_dead);",
        "preempt_disable();",
        "do_task_dead();");
    static final int EXIT_SIGNALS = 0, EXIT_CODE = 1, EXIT_MM = 2, TRACE = 3, EXIT_NOTIFY = 4,
        PREEMPT_DISABLE = 5, TASK_DEAD = 6;

    private final long code;

    public DoExit(long code) {
        super(CODE);
        this.code = code;
    }

    @Override
    public String detail() {
        return code < 0 ? Errno.name(code) : Long.toString(code);
    }

    @Override
    public void step(Exec x) {
        Machine m = x.m;
        TaskStruct tsk = x.cur;
        switch (pc) {
            case EXIT_SIGNALS:
                tsk.flags |= TaskFlags.PF_EXITING;
                pc = EXIT_CODE;
                return;
            case EXIT_CODE:
                tsk.exitCode = (int) code;
                pc = EXIT_MM;
                return;
            case EXIT_MM:
                pc = TRACE;
                if (tsk.vforkDone >= 0) {
                    int done = tsk.vforkDone;
                    tsk.vforkDone = -1;
                    x.call(new Complete(done));
                }
                return;
            case TRACE:
                m.tracepoint(x.rq, "sched_process_exit", () -> "comm=" + tsk.comm + " pid=" + tsk.pid + " prio="
                    + tsk.prio);
                pc = EXIT_NOTIFY;
                return;
            case EXIT_NOTIFY:
                Exit.exitNotify(m, tsk);
                pc = PREEMPT_DISABLE;
                if (tsk.exitState == TaskState.EXIT_ZOMBIE && tsk.parent >= 0) {
                    x.call(new TryToWakeUp(tsk.parent, TaskState.TASK_INTERRUPTIBLE));
                }
                return;
            case PREEMPT_DISABLE:
                x.preemptDisable();
                pc = TASK_DEAD;
                return;
            default:
                x.call(new DoTaskDead());
        }
    }
}
