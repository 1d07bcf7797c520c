package kthreadlab.workqueue;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.engine.Machine;
import kthreadlab.state.WorkerPool;

/**
 * workqueue_init(), from kernel_init_freeable(): rescuers for the early WQ_MEM_RECLAIM
 * workqueues, then the first worker of both pools of every online CPU (kworker/N:0,
 * kworker/N:0H) and of every unbound pool (kworker/uP:0), then wq_online.
 */
public final class WorkqueueInit extends Frame {
    static final Code CODE = new Code("kernel/workqueue.c", "workqueue_init",
        "WARN(init_rescuer(wq),",
        "pool->flags &= ~POOL_DISASSOCIATED;",
        "#1 BUG_ON(!create_worker(pool));",
        "#2 BUG_ON(!create_worker(pool));",
        "wq_online = true;");
    static final int RESCUER = 0, ASSOCIATE = 1, CPU_WORKER = 2, UNBOUND_WORKER = 3, ONLINE = 4;

    private int item;

    public WorkqueueInit() {
        super(CODE);
    }

    @Override
    public void step(Exec x) {
        Machine m = x.m;
        switch (pc) {
            case RESCUER:
                if (item < m.wq.wqs.size()) {
                    x.call(new InitRescuer(item++));
                    return;
                }
                item = 0;
                pc = nextCpuPool(m) >= 0 ? ASSOCIATE : UNBOUND_WORKER;
                return;
            case ASSOCIATE:
                m.wq.pool(nextCpuPool(m)).disassociated = false;
                pc = CPU_WORKER;
                return;
            case CPU_WORKER: {
                int p = nextCpuPool(m);
                item = p + 1;
                pc = nextCpuPool(m) >= 0 ? ASSOCIATE : UNBOUND_WORKER;
                if (pc == UNBOUND_WORKER) {
                    item = 0;
                }
                x.call(new CreateWorker(p));
                return;
            }
            case UNBOUND_WORKER: {
                int p = nextUnboundPool(m);
                if (p < 0) {
                    pc = ONLINE;
                    return;
                }
                item = p + 1;
                x.call(new CreateWorker(p));
                return;
            }
            default:
                m.wq.online = true;
                x.ret(0);
        }
    }

    /** The next per-CPU pool of an online CPU at or after `item`, or -1. */
    private int nextCpuPool(Machine m) {
        for (int i = item; i < m.wq.pools.size(); i++) {
            WorkerPool p = m.wq.pool(i);
            if (p.cpu >= 0 && m.rqs[p.cpu].online) {
                return i;
            }
        }
        return -1;
    }

    private int nextUnboundPool(Machine m) {
        for (int i = item; i < m.wq.pools.size(); i++) {
            if (m.wq.pool(i).cpu < 0) {
                return i;
            }
        }
        return -1;
    }
}
