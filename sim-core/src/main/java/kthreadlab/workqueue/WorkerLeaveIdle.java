package kthreadlab.workqueue;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.state.Worker;
import kthreadlab.state.WorkerPool;

/** worker_leave_idle(worker): off the idle list (IDLE is not a NOT_RUNNING flag: nr_running is unchanged). */
public final class WorkerLeaveIdle extends Frame {
    static final Code CODE = new Code("kernel/workqueue.c", "worker_leave_idle",
        "worker_clr_flags(worker, WORKER_IDLE);",
        "pool->nr_idle--;",
        "list_del_init(&worker->entry);");
    static final int CLR_IDLE = 0, NR_IDLE = 1, DEL = 2;
    private final int worker;

    public WorkerLeaveIdle(int worker) {
        super(CODE);
        this.worker = worker;
    }

    @Override
    public void step(Exec x) {
        Worker w = x.m.wq.worker(worker);
        WorkerPool p = x.m.wq.pool(w.pool);
        switch (pc) {
            case CLR_IDLE:
                Policy.clrFlags(x.m, w, Worker.WORKER_IDLE);
                pc = NR_IDLE;
                return;
            case NR_IDLE:
                p.nrIdle--;
                pc = DEL;
                return;
            default:
                p.idleList.remove(Integer.valueOf(worker));
                x.ret(0);
        }
    }
}
