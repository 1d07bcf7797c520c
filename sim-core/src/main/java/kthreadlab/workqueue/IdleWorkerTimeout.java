package kthreadlab.workqueue;

import kthreadlab.engine.Machine;
import kthreadlab.engine.TaskStruct;
import kthreadlab.sched.core.Core;
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
            destroyWorker(m, p, w);
        }
    }

    /**
     * destroy_worker(): out of the pool's counts and idle list, WORKER_DIE, woken to exit. The
     * worker has been asleep for IDLE_WORKER_TIMEOUT, so it is never still switching out here.
     */
    static void destroyWorker(Machine m, WorkerPool p, Worker w) {
        p.nrWorkers--;
        p.nrIdle--;
        p.idleList.remove(Integer.valueOf(w.id));
        w.flags |= Worker.WORKER_DIE;
        TaskStruct t = m.task(w.task);
        Core.wakeUpAtomic(m, m.rqs[t.cpu], t, TaskState.TASK_NORMAL);
    }
}
