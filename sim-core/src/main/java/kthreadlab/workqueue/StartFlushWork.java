package kthreadlab.workqueue;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.engine.Machine;
import kthreadlab.state.Work;
import kthreadlab.state.Worker;

/** start_flush_work(work, barr): is the item queued or running? Then a barrier goes behind it (1), else 0. */
public final class StartFlushWork extends Frame {
    static final Code CODE = new Code("kernel/workqueue.c", "start_flush_work",
        "insert_wq_barrier(pwq, barr, work, worker);",
        "return true;",
        "#2 return false;");
    static final int INSERT_BARRIER = 0, RETURN_TRUE = 1, RETURN_FALSE = 2;

    private final int work;
    private final int barrier;

    StartFlushWork(int work, int barrier) {
        super(CODE);
        this.work = work;
        this.barrier = barrier;
    }

    @Override
    public void step(Exec x) {
        switch (pc) {
            case INSERT_BARRIER:
                if (whereQueued(x.m, work) < 0 && executingWorker(x.m, work) < 0) {
                    pc = RETURN_FALSE;
                    return;
                }
                pc = RETURN_TRUE;
                x.call(new InsertWqBarrier(work, barrier));
                return;
            default:
                x.ret(pc == RETURN_TRUE ? 1 : 0);
        }
    }

    /** The item's index in its pool's worklist, or -1. */
    static int whereQueued(Machine m, int work) {
        Work w = m.wq.work(work);
        if (!w.pending || w.pool < 0) {
            return -1;
        }
        return m.wq.pool(w.pool).worklist.indexOf(work);
    }

    /** The worker running the item (find_worker_executing_work), or -1. */
    static int executingWorker(Machine m, int work) {
        for (Worker k : m.wq.workers) {
            if (k.currentWork == work && !k.dead) {
                return k.id;
            }
        }
        return -1;
    }
}
