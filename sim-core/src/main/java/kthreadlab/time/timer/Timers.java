package kthreadlab.time.timer;

import kthreadlab.engine.Event;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Machine;
import kthreadlab.engine.TaskStruct;
import kthreadlab.sched.core.TryToWakeUp;
import kthreadlab.state.TaskState;
import kthreadlab.state.Rq;

/**
 * Timer expiry (process_timeout from the timer softirq, run_timer_softirq in kernel/time/timer.c):
 * try_to_wake_up() runs at once, in softirq context (the records' flags show `s`), or in hard irq
 * for an hrtimer (`h`); while a lock it takes is held, the expiry is retried RETRY_NS later.
 */
public final class Timers {
    /** How long a timer waits before retrying a task still switching out, in ns. */
    public static final long RETRY_NS = 1000;

    private Timers() {
    }

    /**
     * Where __mod_timer (kernel/time/timer.c:1883, via get_target_base) queues a timer that is not
     * TIMER_PINNED: get_nohz_timer_target() (kernel/sched/core.c) keeps it on this CPU if this CPU
     * is a housekeeping CPU (and busy, as it is while arming); a nohz_full CPU hands it to the first
     * busy housekeeping CPU, else to housekeeping_any_cpu() (the nearest: the lowest here).
     */
    public static int nohzTimerTarget(Machine m, int cpu) {
        kthreadlab.state.CpuMask nohz = m.config.nohzFull;
        if (!nohz.test(cpu)) {
            return cpu;
        }
        int fallback = -1;
        for (int c = 0; c < m.config.cpus; c++) {
            if (c == cpu || nohz.test(c)) {
                continue;
            }
            if (fallback < 0) {
                fallback = c;
            }
            Rq rq = m.rqs[c];
            if (rq.curr != rq.idle) {
                return c;
            }
        }
        return fallback < 0 ? cpu : fallback;
    }

    /**
     * hrtimer_start of schedule_hrtimeout's timer for `task`, due at `when`: an hrtimer is not
     * pinned either, so it goes where get_nohz_timer_target says; it fires in hard irq.
     */
    public static void armHrtimer(Machine m, TaskStruct task, int cpu, long when) {
        task.timerArmed = true;
        task.timerGeneration++;
        task.timerCpu = nohzTimerTarget(m, cpu);
        task.timerHard = true;
        m.post(when, Event.TIMER, task.id, task.timerGeneration);
    }

    public static void expired(Machine m, int task, long generation) {
        TaskStruct p = m.task(task);
        if (!p.timerArmed || p.timerGeneration != generation) {
            return;
        }
        Rq rq = m.rqs[p.timerCpu];
        boolean hard = p.timerHard;
        if (hard) {
            rq.inIrq = true;
        } else {
            rq.inSoftirq = true;
        }
        long woken = Exec.runToReturn(m, rq, new TryToWakeUp(p.id, TaskState.TASK_NORMAL));
        if (hard) {
            rq.inIrq = false;
        } else {
            rq.inSoftirq = false;
        }
        if (woken == Exec.WOULD_WAIT) {
            m.post(m.now + RETRY_NS, Event.TIMER, task, generation);
            return;
        }
        p.timerArmed = false;
    }
}
