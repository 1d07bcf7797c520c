package kthreadlab.kernel;

import kthreadlab.engine.Machine;
import kthreadlab.sched.Rq;

/** exit_notify's reaping decision and the final release after the last context switch. */
public final class Exit {
    private Exit() {
    }

    /**
     * exit_notify: a child whose parent ignores SIGCHLD (every child of kthreadd) is autoreaped:
     * EXIT_DEAD and released at once, so it never shows as a zombie.
     */
    public static void exitNotify(Machine m, TaskStruct tsk) {
        boolean autoreap = tsk.parent >= 0 && m.task(tsk.parent).ignoresSigchld;
        tsk.exitState = autoreap ? TaskState.EXIT_DEAD : TaskState.EXIT_ZOMBIE;
    }

    /** finish_task_switch for a TASK_DEAD prev: the last reference goes; the task is freed. */
    public static void release(Machine m, Rq rq, TaskStruct prev) {
        prev.reaped = prev.exitState == TaskState.EXIT_DEAD;
        m.tracepoint(rq, "sched_process_free", "comm=" + prev.comm + " pid=" + prev.pid + " prio=" + prev.prio);
    }
}
