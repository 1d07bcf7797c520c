package kthreadlab.workqueue;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.state.WorkerPool;

/**
 * maybe_create_worker(pool), with pool->lock dropped: create_worker() until the pool has an idle
 * worker. Creation does not fail in the model, so the mayday timer never fires and no rescuer is
 * called (it is armed and deleted as the kernel does).
 */
public final class MaybeCreateWorker extends Frame {
    static final Code CODE = new Code("kernel/workqueue.c", "maybe_create_worker",
        "raw_spin_unlock_irq(&pool->lock);",
        "mod_timer(&pool->mayday_timer, jiffies + MAYDAY_INITIAL_TIMEOUT);",
        "if (create_worker(pool) || !need_to_create_worker(pool))",
        "del_timer_sync(&pool->mayday_timer);",
        "raw_spin_lock_irq(&pool->lock);",
        "if (need_to_create_worker(pool))");
    private final int pool;

    public MaybeCreateWorker(int pool) {
        this.pool = pool;
    }

    @Override
    public Code code() {
        return CODE;
    }

    @Override
    public void step(Exec x) {
        WorkerPool p = x.m.wq.pool(pool);
        switch (pc) {
            case 0:
                pc = 1;
                Policy.unlockIrq(x);
                return;
            case 1:
                pc = 2;
                return;
            case 2:
                pc = 3;
                x.call(new CreateWorker(pool));
                return;
            case 3:
                pc = 4;
                return;
            case 4:
                Policy.lockIrq(x);
                pc = 5;
                return;
            default:
                if (Policy.needToCreateWorker(p)) {
                    pc = 0;
                } else {
                    x.ret(0);
                }
        }
    }
}
