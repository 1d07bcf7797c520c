package kthreadlab.workqueue;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.state.Worker;
import kthreadlab.state.WorkerPool;

/** manage_workers(worker): become the pool's only manager and create workers until one is idle. */
public final class ManageWorkers extends Frame {
    static final Code CODE = new Code("kernel/workqueue.c", "manage_workers",
        "if (pool->flags & POOL_MANAGER_ACTIVE)",
        "return false;",
        "pool->flags |= POOL_MANAGER_ACTIVE;",
        "maybe_create_worker(pool);",
        "pool->flags &= ~POOL_MANAGER_ACTIVE;",
        "return true;");
    private final int worker;

    public ManageWorkers(int worker) {
        this.worker = worker;
    }

    @Override
    public Code code() {
        return CODE;
    }

    @Override
    public void step(Exec x) {
        Worker w = x.m.wq.worker(worker);
        WorkerPool p = x.m.wq.pool(w.pool);
        switch (pc) {
            case 0:
                pc = p.managerActive ? 1 : 2;
                return;
            case 1:
                x.ret(0);
                return;
            case 2:
                p.managerActive = true;
                p.manager = worker;
                pc = 3;
                return;
            case 3:
                pc = 4;
                x.call(new MaybeCreateWorker(p.id));
                return;
            case 4:
                p.managerActive = false;
                p.manager = -1;
                pc = 5;
                return;
            default:
                x.ret(1);
        }
    }
}
