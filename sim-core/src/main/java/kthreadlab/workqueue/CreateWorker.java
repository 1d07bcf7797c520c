package kthreadlab.workqueue;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.engine.Machine;
import kthreadlab.engine.TaskStruct;
import kthreadlab.kthread.__KthreadBindMask;
import kthreadlab.kthread.KthreadCreateOnNode;
import kthreadlab.sched.core.WakeUpProcess;
import kthreadlab.state.CpuMask;
import kthreadlab.state.Kthread;
import kthreadlab.state.Weights;
import kthreadlab.state.Worker;
import kthreadlab.state.WorkerPool;

/**
 * create_worker(pool): one kworker for a pool, created by the ordinary kthread API with
 * kthread_create_on_node(worker_thread, worker, ..., "kworker/%s", id_buf). Returns the worker id,
 * or -1 if the thread could not be created.
 */
public final class CreateWorker extends Frame {
    static final Code CODE = new Code("kernel/workqueue.c", "create_worker",
        "id = ida_alloc(&pool->worker_ida, GFP_KERNEL);",
        "worker = alloc_worker(pool->node);",
        "worker->id = id;",
        "if (pool->cpu >= 0)",
        "snprintf(id_buf, sizeof(id_buf), \"%d:%d%s\", pool->cpu, id,",
        "snprintf(id_buf, sizeof(id_buf), \"u%d:%d\", pool->id, id);",
        "worker->task = kthread_create_on_node(worker_thread, worker, pool->node,",
        "if (IS_ERR(worker->task))",
        "set_user_nice(worker->task, pool->attrs->nice);",
        "kthread_bind_mask(worker->task, pool->attrs->cpumask);",
        "worker_attach_to_pool(worker, pool);",
        "raw_spin_lock_irq(&pool->lock);",
        "worker->pool->nr_workers++;",
        "worker_enter_idle(worker);",
        "wake_up_process(worker->task);",
        "raw_spin_unlock_irq(&pool->lock);",
        "return worker;",
        "ida_free(&pool->worker_ida, id);");
    static final int IDA = 0, ALLOC = 1, ID = 2, IF_CPU = 3, NAME_CPU = 4, NAME_UNBOUND = 5, CREATE = 6,
        IS_ERR = 7, NICE = 8, BIND = 9, ATTACH = 10, LOCK = 11, NR = 12, IDLE = 13, WAKE = 14, UNLOCK = 15,
        RETURN = 16, FAIL = 17;

    private final int pool;
    private int wid = -1;
    private int worker = -1;
    private String idBuf = "";
    private long result;
    private int task = -1;

    public CreateWorker(int pool) {
        super(CODE);
        this.pool = pool;
    }

    @Override
    public String detail() {
        return idBuf.isEmpty() ? "pool " + pool : "kworker/" + idBuf;
    }

    @Override
    public void onReturn(long value) {
        result = value;
    }

    @Override
    public void step(Exec x) {
        Machine m = x.m;
        WorkerPool p = m.wq.pool(pool);
        switch (pc) {
            case IDA:
                wid = p.allocId();
                pc = ALLOC;
                return;
            case ALLOC: {
                Worker w = new Worker(m.wq.workers.size());
                m.wq.workers.add(w);
                worker = w.id;
                pc = ID;
                return;
            }
            case ID:
                m.wq.worker(worker).wid = wid;
                pc = IF_CPU;
                return;
            case IF_CPU:
                pc = p.cpu >= 0 ? NAME_CPU : NAME_UNBOUND;
                return;
            case NAME_CPU:
            case NAME_UNBOUND:
                idBuf = p.idBuf(wid);
                pc = CREATE;
                return;
            case CREATE:
                pc = IS_ERR;
                x.call(new KthreadCreateOnNode(new KthreadCreateOnNode.Request("worker_thread", worker,
                    "kworker/" + idBuf, 0, memoryShort(m) ? "kmalloc" : "")));
                return;
            case IS_ERR:
                if (result < 0) {
                    pc = FAIL;
                    return;
                }
                task = (int) result;
                m.wq.worker(worker).task = task;
                pc = NICE;
                return;
            case NICE: {
                TaskStruct t = m.task(task);
                t.prio = 120 + p.nice;
                t.se.weight = Weights.ofNice(p.nice);
                pc = BIND;
                return;
            }
            case BIND:
                pc = ATTACH;
                x.call(new __KthreadBindMask(task, p.cpu >= 0 ? CpuMask.of(p.cpu) : CpuMask.first(m.config.cpus)));
                return;
            case ATTACH:
                attach(m, m.wq.worker(worker), p);
                pc = LOCK;
                return;
            case LOCK:
                Policy.lockIrq(x);
                pc = NR;
                return;
            case NR:
                p.nrWorkers++;
                pc = IDLE;
                return;
            case IDLE:
                pc = WAKE;
                x.call(new WorkerEnterIdle(worker));
                return;
            case WAKE:
                pc = UNLOCK;
                x.call(new WakeUpProcess(task));
                return;
            case UNLOCK:
                pc = RETURN;
                Policy.unlockIrq(x);
                return;
            case RETURN:
                x.ret(worker);
                return;
            default:
                p.freeId(wid);
                m.wq.worker(worker).dead = true;
                x.ret(-1);
        }
    }

    /** What-if kworker_enomem: once workqueues are online, the kthread request's kmalloc fails. */
    private static boolean memoryShort(Machine m) {
        return m.wq.online && m.scenario.whatIf("kworker_enomem");
    }

    /** worker_attach_to_pool(): joins the pool; a bound pool's worker becomes its CPU's per-CPU kthread. */
    static void attach(Machine m, Worker w, WorkerPool p) {
        TaskStruct t = m.task(w.task);
        if (p.disassociated) {
            w.flags |= Worker.WORKER_UNBOUND;
        } else if (t.kthread != null) {
            t.kthread.setBit(Kthread.KTHREAD_IS_PER_CPU);
            t.kthread.cpu = p.cpu;
        }
        p.workers.add(w.id);
        w.pool = p.id;
    }
}
