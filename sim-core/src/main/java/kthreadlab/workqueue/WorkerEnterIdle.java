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
    static final int SET_IDLE = 0, NR_IDLE = 1, LAST_ACTIVE = 2, ADD = 3, IF_TOO_MANY = 4, MOD_TIMER = 5;
    private final int worker;

    public WorkerEnterIdle(int worker) {
        super(CODE);
        this.worker = worker;
    }

    @Override
    public void step(Exec x) {
        Machine m = x.m;
        Worker w = m.wq.worker(worker);
        WorkerPool p = m.wq.pool(w.pool);
        switch (pc) {
            case SET_IDLE:
                w.flags |= Worker.WORKER_IDLE;
                pc = NR_IDLE;
                return;
            case NR_IDLE:
                p.nrIdle++;
                pc = LAST_ACTIVE;
                return;
            case LAST_ACTIVE:
                w.lastActive = m.now;
                pc = ADD;
                return;
            case ADD:
                p.idleList.add(0, worker);
                pc = IF_TOO_MANY;
                return;
            case IF_TOO_MANY:
                if (Policy.tooManyWorkers(p) && !p.idleTimerArmed) {
                    pc = MOD_TIMER;
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
