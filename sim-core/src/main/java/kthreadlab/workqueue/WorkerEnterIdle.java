package kthreadlab.workqueue;

import kthreadlab.engine.Code;
import kthreadlab.engine.Event;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.engine.Machine;
import kthreadlab.state.Worker;
import kthreadlab.state.WorkerPool;

/** worker_enter_idle(worker): onto the pool's idle list; arms the idle timer when the pool has too many. */
public final class WorkerEnterIdle extends Frame {
    static final Code CODE = new Code("kernel/workqueue.c", "worker_enter_idle",
        "worker->flags |= WORKER_IDLE;",
        "pool->nr_idle++;",
        "worker->last_active = jiffies;",
        "list_add(&worker->entry, &pool->idle_list);",
        "if (too_many_workers(pool) && !timer_pending(&pool->idle_timer))",
        "mod_timer(&pool->idle_timer, jiffies + IDLE_WORKER_TIMEOUT);");
    private final int worker;

    public WorkerEnterIdle(int worker) {
        this.worker = worker;
    }

    @Override
    public Code code() {
        return CODE;
    }

    @Override
    public void step(Exec x) {
        Machine m = x.m;
        Worker w = m.wq.worker(worker);
        WorkerPool p = m.wq.pool(w.pool);
        switch (pc) {
            case 0:
                w.flags |= Worker.WORKER_IDLE;
                pc = 1;
                return;
            case 1:
                p.nrIdle++;
                pc = 2;
                return;
            case 2:
                w.lastActive = m.now;
                pc = 3;
                return;
            case 3:
                p.idleList.add(0, worker);
                pc = 4;
                return;
            case 4:
                if (Policy.tooManyWorkers(p) && !p.idleTimerArmed) {
                    pc = 5;
                } else {
                    x.ret(0);
                }
                return;
            default:
                armIdleTimer(m, p, m.now + Policy.IDLE_WORKER_TIMEOUT_NS);
                x.ret(0);
        }
    }

    /** mod_timer(&pool->idle_timer, expires). */
    static void armIdleTimer(Machine m, WorkerPool p, long expires) {
        p.idleTimerArmed = true;
        p.idleTimerExpires = expires;
        p.idleTimerGeneration++;
        m.post(expires, Event.WQ_IDLE_TIMER, p.id, p.idleTimerGeneration);
    }
}
