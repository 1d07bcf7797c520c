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
    private final int task;

    public WqWorkerRunning(int task) {
        this.task = task;
    }

    @Override
    public Code code() {
        return CODE;
    }

    @Override
    public void step(Exec x) {
        Worker w = x.m.wq.workerOfTask(task);
        switch (pc) {
            case 0:
                pc = w == null || !w.sleeping ? 1 : 2;
                return;
            case 1:
                x.ret(0);
                return;
            case 2:
                if ((w.flags & Worker.WORKER_NOT_RUNNING) == 0) {
                    x.m.wq.pool(w.pool).nrRunning++;
                }
                pc = 3;
                return;
            default:
                w.sleeping = false;
                x.ret(0);
        }
    }
}
