package kthreadlab.workqueue;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.state.WorkerPool;
import kthreadlab.time.timer.ScheduleTimeoutInterruptible;

/**
 * maybe_create_worker(pool), with pool->lock dropped: create_worker() until the pool has an idle
 * worker. The mayday timer is armed first; if creation keeps failing (what-if kworker_enomem) the
 * manager sleeps CREATE_COOLDOWN between attempts and the timer calls the rescuers meanwhile.
 */
public final class MaybeCreateWorker extends Frame {
    static final Code CODE = new Code("kernel/workqueue.c", "maybe_create_worker",
        "raw_spin_unlock_irq(&pool->lock);",
        "mod_timer(&pool->mayday_timer, jiffies + MAYDAY_INITIAL_TIMEOUT);",
        "if (create_worker(pool) || !need_to_create_worker(pool))",
        "schedule_timeout_interruptible(CREATE_COOLDOWN);",
        "if (!need_to_create_worker(pool))",
        "del_timer_sync(&pool->mayday_timer);",
        "raw_spin_lock_irq(&pool->lock);",
        "if (need_to_create_worker(pool))");
    static final int UNLOCK = 0, ARM = 1, CREATE = 2, COOLDOWN = 3, RECHECK = 4, DEL = 5, LOCK = 6, RESTART = 7;

    private final int pool;
    /** create_worker() returned NULL; the test's second half is evaluated at the next step. */
    private boolean failed;

    public MaybeCreateWorker(int pool) {
        super(CODE);
        this.pool = pool;
    }

    /** create_worker() returned: a worker means the loop is done; NULL leaves need_to_create_worker() to test. */
    @Override
    public void onReturn(long value) {
        if (pc == CREATE) {
            if (value >= 0) {
                pc = DEL;
            } else {
                failed = true;
            }
        }
    }

    @Override
    public void step(Exec x) {
        WorkerPool p = x.m.wq.pool(pool);
        switch (pc) {
            case UNLOCK:
                pc = ARM;
                Policy.unlockIrq(x);
                return;
            case ARM:
                PoolMaydayTimeout.arm(x.m, p, x.rq.cpu, PoolMaydayTimeout.initialTimeout(x.m));
                pc = CREATE;
                return;
            case CREATE:
                if (failed) {
                    failed = false;
                    pc = Policy.needToCreateWorker(p) ? COOLDOWN : DEL;
                    return;
                }
                x.call(new CreateWorker(pool));
                return;
            case COOLDOWN:
                pc = RECHECK;
                x.call(new ScheduleTimeoutInterruptible(x.m.config.hz));
                return;
            case RECHECK:
                pc = Policy.needToCreateWorker(p) ? CREATE : DEL;
                return;
            case DEL:
                PoolMaydayTimeout.delete(x.m, p);
                pc = LOCK;
                return;
            case LOCK:
                Policy.lockIrq(x);
                pc = RESTART;
                return;
            default:
                if (Policy.needToCreateWorker(p)) {
                    pc = UNLOCK;
                } else {
                    x.ret(0);
                }
        }
    }
}
