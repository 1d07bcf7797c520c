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
    static final int IF_ACTIVE = 0, RETURN_FALSE = 1, SET_ACTIVE = 2, MAYBE_CREATE = 3, CLEAR_ACTIVE = 4,
        RETURN_TRUE = 5;
    private final int worker;

    public ManageWorkers(int worker) {
        super(CODE);
        this.worker = worker;
    }

    @Override
    public void step(Exec x) {
        Worker w = x.m.wq.worker(worker);
        WorkerPool p = x.m.wq.pool(w.pool);
        switch (pc) {
            case IF_ACTIVE:
                pc = p.managerActive ? RETURN_FALSE : SET_ACTIVE;
                return;
            case RETURN_FALSE:
                x.ret(0);
                return;
            case SET_ACTIVE:
                p.managerActive = true;
                p.manager = worker;
                pc = MAYBE_CREATE;
                return;
            case MAYBE_CREATE:
                pc = CLEAR_ACTIVE;
                x.call(new MaybeCreateWorker(p.id));
                return;
            case CLEAR_ACTIVE:
                p.managerActive = false;
                p.manager = -1;
                pc = RETURN_TRUE;
                return;
            default:
                x.ret(1);
        }
    }
}
