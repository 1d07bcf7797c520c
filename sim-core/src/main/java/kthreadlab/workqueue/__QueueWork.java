package kthreadlab.workqueue;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.engine.Machine;
import kthreadlab.state.Work;
import kthreadlab.state.Worker;
import kthreadlab.state.Workqueue;

/**
 * __queue_work(cpu, wq, work): picks the pool (the requested or local CPU's for a per-CPU
 * workqueue, the unbound pool otherwise; the pool still running the item if it last ran
 * elsewhere), locks it, traces, and inserts the item at the tail of the pool's worklist.
 * max_active is never reached in the model (WQ_DFL_ACTIVE is 256), so the inactive list is unused.
 */
public final class __QueueWork extends Frame {
    static final Code CODE = new Code("kernel/workqueue.c", "__queue_work",
        "#1 if (wq->flags & WQ_UNBOUND) {",
        "pwq = unbound_pwq_by_node(wq, cpu_to_node(cpu));",
        "cpu = raw_smp_processor_id();",
        "pwq = per_cpu_ptr(wq->cpu_pwqs, cpu);",
        "last_pool = get_work_pool(work);",
        "if (last_pool && last_pool != pwq->pool) {",
        "pwq = worker->current_pwq;",
        "#1 raw_spin_lock(&pwq->pool->lock);",
        "#2 raw_spin_lock(&pwq->pool->lock);",
        "trace_workqueue_queue_work(req_cpu, pwq, work);",
        "if (likely(pwq->nr_active < pwq->max_active)) {",
        "trace_workqueue_activate_work(work);",
        "insert_work(pwq, work, worklist, work_flags);",
        "#2 raw_spin_unlock(&pwq->pool->lock);");
    static final int IF_UNBOUND = 0, UNBOUND_PWQ = 1, LOCAL_CPU = 2, CPU_PWQ = 3, LAST_POOL = 4, ELSEWHERE = 5,
        RUNNING_PWQ = 6, LOCK_HERE = 7, LOCK = 8, TRACE = 9, ACTIVE = 10, ACTIVATE = 11, INSERT = 12, UNLOCK = 13;

    private final int reqCpu;
    private final int wq;
    private final int work;
    private int cpu;
    private int pool = -1;
    private int lastPool = -1;

    public __QueueWork(int reqCpu, int wq, int work) {
        super(CODE);
        this.reqCpu = reqCpu;
        this.wq = wq;
        this.work = work;
        this.cpu = reqCpu;
    }

    @Override
    public void step(Exec x) {
        Machine m = x.m;
        Workqueue q = m.wq.wq(wq);
        Work w = m.wq.work(work);
        switch (pc) {
            case IF_UNBOUND:
                if (q.unbound()) {
                    if (reqCpu == Policy.WORK_CPU_UNBOUND) {
                        cpu = x.rq.cpu;
                    }
                    pc = UNBOUND_PWQ;
                } else {
                    pc = reqCpu == Policy.WORK_CPU_UNBOUND ? LOCAL_CPU : CPU_PWQ;
                }
                return;
            case UNBOUND_PWQ:
                pool = q.poolFor(cpu);
                pc = LAST_POOL;
                return;
            case LOCAL_CPU:
                cpu = x.rq.cpu;
                pc = CPU_PWQ;
                return;
            case CPU_PWQ:
                pool = q.poolFor(cpu);
                pc = LAST_POOL;
                return;
            case LAST_POOL:
                lastPool = w.pool;
                pc = lastPool >= 0 && lastPool != pool ? ELSEWHERE : LOCK;
                return;
            case ELSEWHERE:
                pc = runningIn(m, lastPool) ? RUNNING_PWQ : LOCK_HERE;
                return;
            case RUNNING_PWQ:
                pool = lastPool;
                x.preemptDisable();
                pc = TRACE;
                return;
            case LOCK_HERE:
            case LOCK:
                x.preemptDisable();
                pc = TRACE;
                return;
            case TRACE:
                m.tracepoint(x.rq, "workqueue_queue_work", () -> "work struct=" + Policy.ptr(work) + " function="
                    + w.fn + " workqueue=" + q.name + " req_cpu=" + reqCpu + " cpu=" + unsigned(m.wq.pool(pool).cpu));
                pc = ACTIVE;
                return;
            case ACTIVE:
                pc = ACTIVATE;
                return;
            case ACTIVATE:
                m.tracepoint(x.rq, "workqueue_activate_work", () -> "work struct " + Policy.ptr(work));
                pc = INSERT;
                return;
            case INSERT:
                pc = UNLOCK;
                x.call(new InsertWork(pool, work, wq, -1, -1));
                return;
            default:
                x.ret(0);
                x.preemptEnable();
        }
    }

    /** find_worker_executing_work(last_pool, work) for this workqueue. */
    private boolean runningIn(Machine m, int p) {
        for (Worker k : m.wq.workers) {
            if (k.pool == p && k.currentWork == work && k.currentWq == wq && !k.dead) {
                return true;
            }
        }
        return false;
    }

    /** The trace's %u of an int: an unbound pool's cpu -1 prints as 4294967295. */
    static String unsigned(int v) {
        return v >= 0 ? Integer.toString(v) : Long.toString(v & 0xffffffffL);
    }
}
