package kthreadlab.exit;

import kthreadlab.engine.Machine;
import kthreadlab.engine.TaskStruct;
import kthreadlab.state.TaskState;

/** exit_notify's reaping decision (the release after the last context switch is sched.core.Core.release). */
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

    /**
     * wait4 in the parent reaps a zombie child: release_task, and the task struct is freed
     * (the kernel emits sched_process_free later, from an RCU callback; here at once).
     */
    public static void reap(Machine m, kthreadlab.state.Rq rq, TaskStruct z) {
        z.exitState = TaskState.EXIT_DEAD;
        z.reaped = true;
        m.tracepoint(rq, "sched_process_free", () -> "comm=" + z.comm + " pid=" + z.pid + " prio=" + z.prio);
    }
}
