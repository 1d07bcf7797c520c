package kthreadlab.time.timer;

import kthreadlab.engine.Event;
import kthreadlab.engine.Machine;
import kthreadlab.engine.TaskStruct;
import kthreadlab.sched.core.Core;
import kthreadlab.state.TaskState;

/** Timer expiry (process_timeout from the timer softirq): wakes the sleeping task at once. */
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
        int woken = Core.wakeUpAtomic(m, m.rqs[p.cpu], p, TaskState.TASK_NORMAL);
        if (woken < 0) {
            m.post(m.now + RETRY_NS, Event.TIMER, task, generation);
            return;
        }
        p.timerArmed = false;
    }
}
