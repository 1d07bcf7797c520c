package kthreadlab.workqueue;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.sched.core.WakeUpProcess;
import kthreadlab.state.Worker;
import kthreadlab.state.WorkerPool;

/**
 * wq_worker_sleeping(task), from schedule()'s sched_submit_work(): a running worker blocks; if it
 * was the pool's last running one and items wait, the first idle worker is woken.
 */
public final class WqWorkerSleeping extends Frame {
    static final Code CODE = new Code("kernel/workqueue.c", "wq_worker_sleeping",
        "if (worker->flags & WORKER_NOT_RUNNING)",
        "#1 return;",
        "worker->sleeping = 1;",
        "raw_spin_lock_irq(&pool->lock);",
        "if (atomic_dec_and_test(&pool->nr_running) &&",
        "next = first_idle_worker(pool);",
        "wake_up_process(next->task);",
        "raw_spin_unlock_irq(&pool->lock);");
    static final int NOT_RUNNING = 0, RETURN = 1, SLEEPING = 2, LOCK = 3, NR_RUNNING = 4, FIRST_IDLE = 5,
        WAKE = 6, UNLOCK = 7;
    private final int task;
    private int next = -1;

    public WqWorkerSleeping(int task) {
        super(CODE);
        this.task = task;
    }

    @Override
    public void step(Exec x) {
        Worker w = x.m.wq.workerOfTask(task);
        switch (pc) {
            case NOT_RUNNING:
                pc = w == null || (w.flags & Worker.WORKER_NOT_RUNNING) != 0 || w.sleeping ? RETURN : SLEEPING;
                return;
            case RETURN:
                x.ret(0);
                return;
            case SLEEPING:
                w.sleeping = true;
                pc = LOCK;
                return;
            case LOCK:
                x.rq.irqsOff++;
                pc = NR_RUNNING;
                return;
            case NR_RUNNING: {
                WorkerPool p = x.m.wq.pool(w.pool);
                p.nrRunning--;
                pc = p.nrRunning == 0 && !p.worklist.isEmpty() ? FIRST_IDLE : UNLOCK;
                return;
            }
            case FIRST_IDLE:
                next = Policy.firstIdleWorker(x.m.wq.pool(w.pool));
                pc = next >= 0 ? WAKE : UNLOCK;
                return;
            case WAKE:
                pc = UNLOCK;
                x.call(new WakeUpProcess(x.m.wq.worker(next).task));
                return;
            default:
                x.rq.irqsOff--;
                x.ret(0);
        }
    }
}
