package kthreadlab.workqueue;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.engine.Machine;
import kthreadlab.kthread.KthreadStop;
import kthreadlab.state.Work;
import kthreadlab.state.Worker;
import kthreadlab.state.Workqueue;

/**
 * destroy_workqueue(wq): drain it (shown as a flush of each item still queued or running, which is
 * what drain_workqueue's flush_workqueue waits for), stop its rescuer, and unlink it.
 */
public final class DestroyWorkqueue extends Frame {
    static final Code CODE = new Code("kernel/workqueue.c", "destroy_workqueue",
        "drain_workqueue(wq);",
        "if (wq->rescuer) {",
        "kthread_stop(rescuer->task);",
        "list_del_rcu(&wq->list);");
    static final int DRAIN = 0, IF_RESCUER = 1, STOP_RESCUER = 2, LIST_DEL = 3;
    private final int wq;

    public DestroyWorkqueue(int wq) {
        super(CODE);
        this.wq = wq;
    }

    @Override
    public String detail() {
        return "";
    }

    @Override
    public void step(Exec x) {
        Machine m = x.m;
        Workqueue q = m.wq.wq(wq);
        switch (pc) {
            case DRAIN: {
                int busy = busyWork(m);
                if (busy >= 0) {
                    x.call(new FlushWork(busy));
                    return;
                }
                pc = IF_RESCUER;
                return;
            }
            case IF_RESCUER:
                pc = q.rescuer >= 0 ? STOP_RESCUER : LIST_DEL;
                return;
            case STOP_RESCUER: {
                int task = m.wq.worker(q.rescuer).task;
                q.rescuer = -1;
                pc = LIST_DEL;
                x.call(new KthreadStop(task));
                return;
            }
            default:
                q.destroyed = true;
                x.ret(0);
        }
    }

    /** An item of this workqueue still queued or running, or -1. */
    private int busyWork(Machine m) {
        for (Work w : m.wq.works) {
            if (w.wq != wq || w.barrierDone >= 0) {
                continue;
            }
            if (w.pending) {
                return w.id;
            }
            for (Worker k : m.wq.workers) {
                if (k.currentWork == w.id && !k.dead) {
                    return w.id;
                }
            }
        }
        return -1;
    }
}
