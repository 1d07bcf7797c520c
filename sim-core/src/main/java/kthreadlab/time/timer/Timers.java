package kthreadlab.time.timer;

import kthreadlab.engine.Event;
import kthreadlab.engine.Machine;
import kthreadlab.engine.TaskStruct;
import kthreadlab.sched.core.Core;
import kthreadlab.state.TaskState;
import kthreadlab.state.Rq;

/**
 * Timer expiry (process_timeout from the timer softirq, run_timer_softirq in kernel/time/timer.c):
 * wakes the sleeping task at once, in softirq context (the records' flags show `s`).
 */
public final class Timers {
    /** How long a timer waits before retrying a task still switching out, in ns. */
    public static final long RETRY_NS = 1000;

    private Timers() {
    }

    public static void expired(Machine m, int task, long generation) {
        TaskStruct p = m.task(task);
        if (!p.timerArmed || p.timerGeneration != generation) {
            return;
        }
        Rq rq = m.rqs[p.cpu];
        rq.inSoftirq = true;
        int woken = Core.wakeUpAtomic(m, rq, p, TaskState.TASK_NORMAL);
        rq.inSoftirq = false;
        if (woken < 0) {
            m.post(m.now + RETRY_NS, Event.TIMER, task, generation);
            return;
        }
        p.timerArmed = false;
    }
}
