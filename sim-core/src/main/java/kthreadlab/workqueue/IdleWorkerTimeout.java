package kthreadlab.workqueue;

import kthreadlab.engine.Exec;
import kthreadlab.engine.Machine;
import kthreadlab.engine.TaskStruct;
import kthreadlab.sched.core.TryToWakeUp;
import kthreadlab.time.timer.Timers;
import kthreadlab.state.TaskState;
import kthreadlab.state.Worker;
import kthreadlab.state.WorkerPool;

/**
 * idle_worker_timeout(), the pool's deferrable idle timer: while the pool has too many idle
 * workers, destroy_worker() the one idle longest (once idle IDLE_WORKER_TIMEOUT), else re-arm.
 * Like process_timeout, it runs at once from the timer interrupt and takes no steps; the doomed
 * worker wakes and leaves in worker_thread(), which does take steps.
 */
public final class IdleWorkerTimeout {
    private IdleWorkerTimeout() {
    }

    public static void expired(Machine m, int pool, long generation) {
        WorkerPool p = m.wq.pool(pool);
        if (!p.idleTimerArmed || p.idleTimerGeneration != generation) {
            return;
        }
        p.idleTimerArmed = false;
        while (Policy.tooManyWorkers(p)) {
            int id = p.idleList.get(p.idleList.size() - 1);
            Worker w = m.wq.worker(id);
            long expires = w.lastActive + Policy.IDLE_WORKER_TIMEOUT_NS;
            if (m.now < expires) {
                WorkerEnterIdle.armIdleTimer(m, p, expires);
                break;
            }
            if (!destroyWorker(m, p, w)) {
                WorkerEnterIdle.armIdleTimer(m, p, m.now + Timers.RETRY_NS);
                break;
            }
        }
    }

    /**
     * destroy_worker(): out of the pool's counts and idle list, WORKER_DIE, woken to exit. The
     * worker cannot run before this timer returns, so its wake (try_to_wake_up at once) is tried
     * first: false, and nothing done, while a lock the wake takes is held (the timer is retried).
     */
    static boolean destroyWorker(Machine m, WorkerPool p, Worker w) {
        TaskStruct t = m.task(w.task);
        if (Exec.runToReturn(m, m.rqs[t.cpu], new TryToWakeUp(t.id, TaskState.TASK_NORMAL)) == Exec.WOULD_WAIT) {
            return false;
        }
        p.nrWorkers--;
        p.nrIdle--;
        p.idleList.remove(Integer.valueOf(w.id));
        w.flags |= Worker.WORKER_DIE;
        return true;
    }
}
