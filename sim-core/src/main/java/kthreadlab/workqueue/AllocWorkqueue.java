package kthreadlab.workqueue;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.engine.Machine;
import kthreadlab.state.WorkerPool;
import kthreadlab.state.Workqueue;

/**
 * alloc_workqueue(fmt, flags, 0): a workqueue linked to the per-CPU pools (normal or highpri) or
 * to the unbound pool of its nice level, plus a rescuer for WQ_MEM_RECLAIM. A missing unbound pool
 * is made here with its first worker (get_unbound_pool, shown as the create_worker it calls).
 * Returns the workqueue id.
 */
public final class AllocWorkqueue extends Frame {
    static final Code CODE = new Code("kernel/workqueue.c", "alloc_workqueue",
        "vsnprintf(wq->name, sizeof(wq->name), fmt, args);",
        "if (alloc_and_link_pwqs(wq) < 0)",
        "if (wq_online && init_rescuer(wq) < 0)",
        "list_add_tail_rcu(&wq->list, &workqueues);",
        "return wq;");
    static final int NAME = 0, ALLOC_PWQS = 1, INIT_RESCUER = 2, LIST_ADD = 3, RETURN = 4;
    private final String name;
    private final int flags;
    private int wq = -1;

    public AllocWorkqueue(String name, int flags) {
        super(CODE);
        this.name = name;
        this.flags = flags;
    }

    @Override
    public String detail() {
        return name;
    }

    @Override
    public void step(Exec x) {
        Machine m = x.m;
        switch (pc) {
            case NAME:
                wq = create(m, name, flags);
                pc = ALLOC_PWQS;
                return;
            case ALLOC_PWQS: {
                pc = INIT_RESCUER;
                Workqueue q = m.wq.wq(wq);
                WorkerPool p = m.wq.pool(q.pools[0]);
                if (q.unbound() && p.nrWorkers == 0 && m.wq.online) {
                    x.call(new CreateWorker(p.id));
                }
                return;
            }
            case INIT_RESCUER:
                pc = LIST_ADD;
                if (m.wq.online) {
                    x.call(new InitRescuer(wq));
                }
                return;
            case LIST_ADD:
                pc = RETURN;
                return;
            default:
                x.ret(wq);
        }
    }

    /**
     * The workqueue and its pool links (alloc_and_link_pwqs): per-CPU pools, or the unbound pool
     * with this nice level, created if missing (get_unbound_pool; its id follows the per-CPU ones).
     */
    public static int create(Machine m, String name, int flags) {
        return create(m, name, flags, Workqueue.WQ_DFL_ACTIVE);
    }

    /** The same with a max_active (1 for an ordered workqueue). */
    public static int create(Machine m, String name, int flags, int maxActive) {
        boolean highpri = (flags & Workqueue.WQ_HIGHPRI) != 0;
        int cpus = m.config.cpus;
        int[] pools;
        if ((flags & Workqueue.WQ_UNBOUND) != 0) {
            pools = new int[] {unboundPool(m, highpri ? -20 : 0)};
        } else {
            pools = new int[cpus];
            for (int c = 0; c < cpus; c++) {
                pools[c] = m.wq.cpuPool(c, highpri);
            }
        }
        Workqueue q = new Workqueue(m.wq.wqs.size(), name, flags, maxActive, pools);
        m.wq.wqs.add(q);
        return q.id;
    }

    private static int unboundPool(Machine m, int nice) {
        for (WorkerPool p : m.wq.pools) {
            if (p.cpu < 0 && p.nice == nice) {
                return p.id;
            }
        }
        WorkerPool p = new WorkerPool(m.wq.pools.size(), -1, nice);
        m.wq.pools.add(p);
        return p.id;
    }
}
