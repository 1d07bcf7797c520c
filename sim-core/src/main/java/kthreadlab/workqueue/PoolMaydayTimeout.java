package kthreadlab.workqueue;

import kthreadlab.engine.Event;
import kthreadlab.engine.Machine;
import kthreadlab.engine.Exec;
import kthreadlab.sched.core.TryToWakeUp;
import kthreadlab.time.timer.Timers;
import kthreadlab.state.Rq;
import kthreadlab.state.TaskState;
import kthreadlab.state.Work;
import kthreadlab.state.Worker;
import kthreadlab.state.WorkerPool;
import kthreadlab.state.Workqueue;

/**
 * pool_mayday_timeout() and send_mayday(): the pool's manager has not managed to create a worker
 * for MAYDAY_INITIAL_TIMEOUT, so every workqueue with an item on the worklist and a rescuer gets
 * this pool on its maydays list and its rescuer woken; the timer re-arms every MAYDAY_INTERVAL.
 * Like idle_worker_timeout(), it runs at once from the timer interrupt and takes no steps; the
 * rescuer's work, in rescuer_thread(), does.
 */
public final class PoolMaydayTimeout {
    private PoolMaydayTimeout() {
    }

    /** mod_timer(&pool->mayday_timer, jiffies + delay) on `cpu`, delay in jiffies. */
    static void arm(Machine m, WorkerPool p, int cpu, long delay) {
        long tick = m.config.tickNs();
        p.maydayTimerArmed = true;
        p.maydayTimerCpu = cpu;
        p.maydayTimerGeneration++;
        m.post((m.now / tick + delay) * tick, Event.WQ_MAYDAY_TIMER, p.id, p.maydayTimerGeneration);
    }

    /** del_timer_sync(&pool->mayday_timer). */
    static void delete(Machine m, WorkerPool p) {
        p.maydayTimerArmed = false;
        m.cancel(Event.WQ_MAYDAY_TIMER, p.id);
    }

    /** MAYDAY_INITIAL_TIMEOUT: HZ / 100 jiffies, at least 2. */
    static long initialTimeout(Machine m) {
        return Math.max(2, m.config.hz / 100);
    }

    /** MAYDAY_INTERVAL: HZ / 10 jiffies, at least 1. */
    static long interval(Machine m) {
        return Math.max(1, m.config.hz / 10);
    }

    public static void expired(Machine m, int pool, long generation) {
        WorkerPool p = m.wq.pool(pool);
        if (!p.maydayTimerArmed || p.maydayTimerGeneration != generation) {
            return;
        }
        Rq rq = m.rqs[p.maydayTimerCpu];
        rq.inSoftirq = true;
        boolean sent = true;
        if (Policy.needToCreateWorker(p)) {
            for (int i = 0; i < p.worklist.size() && sent; i++) {
                sent = sendMayday(m, rq, p, m.wq.work(p.worklist.get(i)));
            }
        }
        rq.inSoftirq = false;
        if (!sent) {
            m.post(m.now + Timers.RETRY_NS, Event.WQ_MAYDAY_TIMER, p.id, generation);
            return;
        }
        arm(m, p, p.maydayTimerCpu, interval(m));
    }

    /**
     * send_mayday(work): the item's pwq joins its workqueue's maydays once, and the rescuer is woken
     * (try_to_wake_up run to its return). The wake is tried first: false, and nothing done, while a
     * lock it takes is held (the timer is retried, as idle_worker_timeout is).
     */
    static boolean sendMayday(Machine m, Rq rq, WorkerPool p, Work work) {
        if (work.wq < 0) {
            return true;
        }
        Workqueue q = m.wq.wq(work.wq);
        if (q.rescuer < 0 || q.maydays.contains(p.id)) {
            return true;
        }
        Worker r = m.wq.worker(q.rescuer);
        if (Exec.runToReturn(m, rq, new TryToWakeUp(r.task, TaskState.TASK_NORMAL)) == Exec.WOULD_WAIT) {
            return false;
        }
        q.maydays.add(p.id);
        return true;
    }
}
