package kthreadlab.workqueue;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.engine.Machine;
import kthreadlab.sched.core.__CondResched;
import kthreadlab.state.Work;
import kthreadlab.state.Worker;
import kthreadlab.state.WorkerPool;
import kthreadlab.state.Workqueue;

/**
 * process_one_work(worker, work): claims the item (or hands it to the worker still running it),
 * takes it off its list, clears PENDING, drops the pool lock, runs the work function between the
 * execute_start/end tracepoints, then retakes the lock and releases the item.
 */
public final class ProcessOneWork extends Frame {
    static final Code CODE = new Code("kernel/workqueue.c", "process_one_work",
        "collision = find_worker_executing_work(pool, work);",
        "move_linked_works(work, &collision->scheduled, NULL);",
        "hash_add(pool->busy_hash, &worker->hentry, (unsigned long)work);",
        "worker->current_work = work;",
        "strscpy(worker->desc, pwq->wq->name, WORKER_DESC_LEN);",
        "list_del_init(&work->entry);",
        "#1 if (unlikely(cpu_intensive))",
        "worker_set_flags(worker, WORKER_CPU_INTENSIVE);",
        "if (need_more_worker(pool))",
        "wake_up_worker(pool);",
        "set_work_pool_and_clear_pending(work, pool->id);",
        "raw_spin_unlock_irq(&pool->lock);",
        "trace_workqueue_execute_start(work);",
        "worker->current_func(work);",
        "trace_workqueue_execute_end(work, worker->current_func);",
        "cond_resched();",
        "raw_spin_lock_irq(&pool->lock);",
        "#2 if (unlikely(cpu_intensive))",
        "worker_clr_flags(worker, WORKER_CPU_INTENSIVE);",
        "worker->last_func = worker->current_func;",
        "hash_del(&worker->hentry);",
        "worker->current_work = NULL;",
        "pwq_dec_nr_in_flight(pwq, work_data);");
    static final int COLLISION = 0, HANDOVER = 1, HASH = 2, CURRENT = 3, DESC = 4, DEL = 5, IF_INTENSIVE = 6,
        SET_INTENSIVE = 7, NEED_MORE = 8, WAKE = 9, CLEAR_PENDING = 10, UNLOCK = 11, START = 12, CALL = 13,
        END = 14, RESCHED = 15, LOCK = 16, IF_INTENSIVE_AGAIN = 17, CLR_INTENSIVE = 18, LAST_FUNC = 19,
        HASH_DEL = 20, CURRENT_NULL = 21, DEC = 22;

    private final int worker;
    private final int work;
    private int collision = -1;
    private boolean cpuIntensive;

    public ProcessOneWork(int worker, int work) {
        super(CODE);
        this.worker = worker;
        this.work = work;
    }

    @Override
    public String detail() {
        return "";
    }

    @Override
    public void step(Exec x) {
        Machine m = x.m;
        Worker w = m.wq.worker(worker);
        WorkerPool p = m.wq.pool(w.pool);
        Work k = m.wq.work(work);
        switch (pc) {
            case COLLISION:
                collision = findExecuting(m, p.id);
                cpuIntensive = k.wq >= 0 && (m.wq.wq(k.wq).flags & Workqueue.WQ_CPU_INTENSIVE) != 0;
                pc = collision >= 0 ? HANDOVER : HASH;
                return;
            case HANDOVER:
                unlink(m, p, w);
                m.wq.worker(collision).scheduled.add(work);
                x.ret(0);
                return;
            case HASH:
                pc = CURRENT;
                return;
            case CURRENT:
                w.currentWork = work;
                w.currentWq = k.wq;
                pc = DESC;
                return;
            case DESC:
                w.desc = k.wq >= 0 ? m.wq.wq(k.wq).name : "";
                pc = DEL;
                return;
            case DEL:
                unlink(m, p, w);
                pc = IF_INTENSIVE;
                return;
            case IF_INTENSIVE:
                pc = cpuIntensive ? SET_INTENSIVE : NEED_MORE;
                return;
            case SET_INTENSIVE:
                Policy.setFlags(m, w, Worker.WORKER_CPU_INTENSIVE);
                pc = NEED_MORE;
                return;
            case NEED_MORE:
                pc = Policy.needMoreWorker(p) ? WAKE : CLEAR_PENDING;
                return;
            case WAKE:
                pc = CLEAR_PENDING;
                x.call(new WakeUpWorker(p.id));
                return;
            case CLEAR_PENDING:
                k.pending = false;
                k.pool = p.id;
                k.started++;
                pc = UNLOCK;
                return;
            case UNLOCK:
                pc = START;
                Policy.unlockIrq(x);
                return;
            case START:
                m.tracepoint(x.rq, "workqueue_execute_start", () -> "work struct " + Policy.ptr(work) + ": function "
                    + k.fn);
                pc = CALL;
                return;
            case CALL:
                pc = END;
                x.call(m.hooks.workFn(k.fn, work));
                return;
            case END:
                m.tracepoint(x.rq, "workqueue_execute_end", () -> "work struct " + Policy.ptr(work) + ": function "
                    + k.fn);
                pc = RESCHED;
                return;
            case RESCHED:
                pc = LOCK;
                __CondResched.call(x);
                return;
            case LOCK:
                Policy.lockIrq(x);
                pc = IF_INTENSIVE_AGAIN;
                return;
            case IF_INTENSIVE_AGAIN:
                pc = cpuIntensive ? CLR_INTENSIVE : LAST_FUNC;
                return;
            case CLR_INTENSIVE:
                Policy.clrFlags(m, w, Worker.WORKER_CPU_INTENSIVE);
                pc = LAST_FUNC;
                return;
            case LAST_FUNC:
                pc = HASH_DEL;
                return;
            case HASH_DEL:
                pc = CURRENT_NULL;
                return;
            case CURRENT_NULL:
                w.currentWork = -1;
                w.currentWq = -1;
                pc = DEC;
                return;
            default:
                x.ret(0);
        }
    }

    /** Another worker of this pool still running this very item, or -1. */
    private int findExecuting(Machine m, int pool) {
        for (Worker k : m.wq.workers) {
            if (k.id != worker && k.pool == pool && k.currentWork == work && !k.dead) {
                return k.id;
            }
        }
        return -1;
    }

    /** list_del_init(&work->entry): off the pool's worklist or this worker's scheduled list. */
    private void unlink(Machine m, WorkerPool p, Worker w) {
        if (!p.worklist.remove(Integer.valueOf(work))) {
            w.scheduled.remove(Integer.valueOf(work));
        }
    }
}
