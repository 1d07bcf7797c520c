package kthreadlab.workqueue;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.state.Worker;

/** wq_worker_running(task), from schedule()'s sched_update_worker(): a blocked worker counts as running again. */
public final class WqWorkerRunning extends Frame {
    static final Code CODE = new Code("kernel/workqueue.c", "wq_worker_running",
        "if (!worker->sleeping)",
        "return;",
        "atomic_inc(&worker->pool->nr_running);",
        "worker->sleeping = 0;");
    static final int IF_SLEEPING = 0, RETURN = 1, NR_RUNNING = 2, SLEEPING = 3;
    private final int task;

    public WqWorkerRunning(int task) {
        super(CODE);
        this.task = task;
    }

    @Override
    public void step(Exec x) {
        Worker w = x.m.wq.workerOfTask(task);
        switch (pc) {
            case IF_SLEEPING:
                pc = w == null || !w.sleeping ? RETURN : NR_RUNNING;
                return;
            case RETURN:
                x.ret(0);
                return;
            case NR_RUNNING:
                if ((w.flags & Worker.WORKER_NOT_RUNNING) == 0) {
                    x.m.wq.pool(w.pool).nrRunning++;
                }
                pc = SLEEPING;
                return;
            default:
                w.sleeping = false;
                x.ret(0);
        }
    }
}
