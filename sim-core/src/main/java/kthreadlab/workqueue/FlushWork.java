package kthreadlab.workqueue;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.engine.Machine;
import kthreadlab.sched.completion.WaitForCompletion;
import kthreadlab.state.Work;
import kthreadlab.state.Worker;

/**
 * flush_work(work) and __flush_work(): queue a barrier behind the item (start_flush_work,
 * insert_wq_barrier) and wait for it; 1 if there was something to wait for.
 */
public final class FlushWork extends Frame {
    static final Code OUTER = new Code("kernel/workqueue.c", "flush_work",
        "return __flush_work(work, false);");
    static final Code CODE = new Code("kernel/workqueue.c", "__flush_work",
        "if (start_flush_work(work, &barr, from_cancel)) {",
        "wait_for_completion(&barr.done);",
        "return true;",
        "#3 return false;");
    static final Code START = new Code("kernel/workqueue.c", "start_flush_work",
        "insert_wq_barrier(pwq, barr, work, worker);",
        "return true;",
        "#2 return false;");
    static final Code BARRIER = new Code("kernel/workqueue.c", "insert_wq_barrier",
        "insert_work(pwq, &barr->work, head, work_flags);");
    static final int FLUSH_WORK = 0, FLUSH = 1, START_FLUSH = 2, INSERT_BARRIER = 3;

    private final int kind;
    private final int work;
    private int barrier = -1;
    private long result;

    public FlushWork(int work) {
        this(FLUSH_WORK, work, -1);
    }

    FlushWork(int kind, int work, int barrier) {
        this.kind = kind;
        this.work = work;
        this.barrier = barrier;
    }

    @Override
    public Code code() {
        return kind == FLUSH_WORK ? OUTER : kind == FLUSH ? CODE : kind == START_FLUSH ? START : BARRIER;
    }

    @Override
    public void onReturn(long value) {
        result = value;
    }

    @Override
    public void step(Exec x) {
        switch (kind) {
            case FLUSH_WORK:
                x.callAndReturn(new FlushWork(FLUSH, work, -1));
                return;
            case FLUSH:
                flush(x);
                return;
            case START_FLUSH:
                start(x);
                return;
            default:
                insertBarrier(x);
        }
    }

    private void flush(Exec x) {
        switch (pc) {
            case 0:
                barrier = newBarrier(x.m);
                pc = 1;
                x.call(new FlushWork(START_FLUSH, work, barrier));
                return;
            case 1:
                if (result == 0) {
                    pc = 3;
                    return;
                }
                pc = 2;
                x.call(new WaitForCompletion(x.m.wq.work(barrier).barrierDone, false));
                return;
            case 2:
                x.ret(1);
                return;
            default:
                x.ret(0);
        }
    }

    /** start_flush_work(): is the item queued or running? Then a barrier goes behind it. */
    private void start(Exec x) {
        switch (pc) {
            case 0:
                if (whereQueued(x.m) < 0 && executingWorker(x.m) < 0) {
                    pc = 2;
                    return;
                }
                pc = 1;
                x.call(new FlushWork(INSERT_BARRIER, work, barrier));
                return;
            case 1:
                x.ret(1);
                return;
            default:
                x.ret(0);
        }
    }

    /** insert_wq_barrier(): after the queued item, or first on the scheduled list of the worker running it. */
    private void insertBarrier(Exec x) {
        Machine m = x.m;
        Work w = m.wq.work(work);
        int at = whereQueued(m);
        if (at >= 0) {
            x.callAndReturn(new InsertWork(w.pool, barrier, w.wq, at + 1, -1));
            return;
        }
        Worker k = m.wq.worker(executingWorker(m));
        x.callAndReturn(new InsertWork(k.pool, barrier, k.currentWq, -1, k.id));
    }

    /** The item's index in its pool's worklist, or -1. */
    private int whereQueued(Machine m) {
        Work w = m.wq.work(work);
        if (!w.pending || w.pool < 0) {
            return -1;
        }
        return m.wq.pool(w.pool).worklist.indexOf(work);
    }

    /** The worker running the item (find_worker_executing_work), or -1. */
    private int executingWorker(Machine m) {
        for (Worker k : m.wq.workers) {
            if (k.currentWork == work && !k.dead) {
                return k.id;
            }
        }
        return -1;
    }

    private int newBarrier(Machine m) {
        Work b = new Work(m.wq.works.size(), "barr", "wq_barrier_func");
        m.wq.works.add(b);
        b.barrierDone = m.newCompletion("barr.done (on " + "flush_work's stack)").id;
        b.pending = true;
        b.queued = 1;
        return b.id;
    }
}
