package kthreadlab.signal;

import kthreadlab.engine.Exec;
import kthreadlab.engine.Machine;
import kthreadlab.engine.TaskStruct;
import kthreadlab.sched.core.TryToWakeUp;
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
            t = m.touch(t);
            if (!t.sigkillPending) {
                generate(m, t);
            }
            t.sigkillPending = true;
            if (Exec.runToReturn(m, m.rqs[t.cpu], new TryToWakeUp(t.id, TaskState.TASK_WAKEKILL | TaskState.TASK_INTERRUPTIBLE))
                    == Exec.WOULD_WAIT) {
                done = false;
            }
        }
        return done;
    }

    /**
     * trace_signal_generate in __send_signal (kernel/signal.c), under the target's siglock
     * (spin_lock_irqsave: irqs off, one preempt level), in the v5.15 format of
     * include/trace/events/signal.h: a kill() of SIGKILL is SI_USER (code 0), sent to the whole
     * thread group (grp=1), delivered (res=0, TRACE_SIGNAL_DELIVERED). The signal comes from
     * outside the machine, so the record is written on the target's CPU.
     */
    static void generate(Machine m, TaskStruct t) {
        kthreadlab.state.Rq rq = m.rqs[t.cpu];
        rq.irqsOff++;
        rq.preemptCount++;
        m.tracepoint(rq, "signal_generate", () -> "sig=9 errno=0 code=0 comm=" + t.comm + " pid=" + t.pid
            + " grp=1 res=0");
        rq.preemptCount--;
        rq.irqsOff--;
    }
}
