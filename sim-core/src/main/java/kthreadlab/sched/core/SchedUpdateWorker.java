package kthreadlab.sched.core;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;

/** sched_update_worker(tsk) for a PF_WQ_WORKER task back from __schedule(): wq_worker_running(). */
public final class SchedUpdateWorker extends Frame {
    static final Code CODE = new Code("kernel/sched/core.c", "sched_update_worker",
        "if (tsk->flags & (PF_WQ_WORKER | PF_IO_WORKER)) {",
        "wq_worker_running(tsk);");
    static final int IF_WORKER = 0, RUNNING = 1;
    private final int task;

    public SchedUpdateWorker(int task) {
        super(CODE);
        this.task = task;
    }

    @Override
    public void step(Exec x) {
        if (pc == IF_WORKER) {
            pc = RUNNING;
            return;
        }
        x.callAndReturn(x.m.hooks.wqWorkerRunning(task));
    }
}
