package kthreadlab.signal;

import kthreadlab.engine.Machine;
import kthreadlab.engine.TaskStruct;
import kthreadlab.sched.core.Core;
import kthreadlab.state.TaskState;

/** SIGKILL delivery: mark it pending and wake the target from any killable sleep. */
public final class Signals {
    private Signals() {
    }

    /** Returns false if a target could not be woken yet (its run queue was locked): deliver again later. */
    public static boolean sigkill(Machine m, String target) {
        boolean done = true;
        for (TaskStruct t : m.tasks) {
            if (t.reaped || t.isIdle || !t.comm.equals(TaskStruct.truncateComm(target))) {
                continue;
            }
            if (t.ignoresSigchld || t.isKthread()) {
                continue;
            }
            t.sigkillPending = true;
            if (Core.wakeUpAtomic(m, m.rqs[t.cpu], t, TaskState.TASK_WAKEKILL | TaskState.TASK_INTERRUPTIBLE) < 0) {
                done = false;
            }
        }
        return done;
    }
}
