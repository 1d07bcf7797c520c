package kthreadlab.workqueue;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.engine.Machine;
import kthreadlab.state.Work;
import kthreadlab.state.Worker;

/**
 * insert_wq_barrier(pwq, barr, work, worker): the barrier goes right after the queued item, or
 * first on the scheduled list of the worker running it.
 */
public final class InsertWqBarrier extends Frame {
    static final Code CODE = new Code("kernel/workqueue.c", "insert_wq_barrier",
        "insert_work(pwq, &barr->work, head, work_flags);");

    private final int work;
    private final int barrier;

    InsertWqBarrier(int work, int barrier) {
        super(CODE);
        this.work = work;
        this.barrier = barrier;
    }

    @Override
    public void step(Exec x) {
        Machine m = x.m;
        Work w = m.wq.work(work);
        int at = StartFlushWork.whereQueued(m, work);
        if (at >= 0) {
            x.callAndReturn(new InsertWork(w.pool, barrier, w.wq, at + 1, -1));
            return;
        }
        Worker k = m.wq.worker(StartFlushWork.executingWorker(m, work));
        x.callAndReturn(new InsertWork(k.pool, barrier, k.currentWq, -1, k.id));
    }
}
