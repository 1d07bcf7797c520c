package kthreadlab.workqueue;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.state.Work;
import kthreadlab.state.WorkerPool;

/**
 * insert_work(pwq, work, head, flags): marks the item with its pwq, links it in (the pool's
 * worklist at `at`, or the head of a worker's scheduled list), and wakes an idle worker if no
 * worker of the pool is running.
 */
public final class InsertWork extends Frame {
    static final Code CODE = new Code("kernel/workqueue.c", "insert_work",
        "set_work_pwq(work, pwq, extra_flags);",
        "list_add_tail(&work->entry, head);",
        "if (__need_more_worker(pool))",
        "wake_up_worker(pool);");
    static final int SET_PWQ = 0, ADD_TAIL = 1, IF_MORE = 2, WAKE = 3;
    private final int pool;
    private final int work;
    private final int wq;
    /** Index in the worklist (-1: tail), or with `scheduledOf` >= 0, that worker's scheduled list. */
    private final int at;
    private final int scheduledOf;

    public InsertWork(int pool, int work, int wq, int at, int scheduledOf) {
        super(CODE);
        this.pool = pool;
        this.work = work;
        this.wq = wq;
        this.at = at;
        this.scheduledOf = scheduledOf;
    }

    @Override
    public void step(Exec x) {
        WorkerPool p = x.m.wq.pool(pool);
        Work w = x.m.wq.work(work);
        switch (pc) {
            case SET_PWQ:
                w.wq = wq;
                w.pool = pool;
                pc = ADD_TAIL;
                return;
            case ADD_TAIL:
                if (scheduledOf >= 0) {
                    x.m.wq.worker(scheduledOf).scheduled.add(0, work);
                } else if (at >= 0 && at <= p.worklist.size()) {
                    p.worklist.add(at, work);
                } else {
                    p.worklist.add(work);
                }
                pc = IF_MORE;
                return;
            case IF_MORE:
                if (Policy.needMoreWorkerRaw(p)) {
                    pc = WAKE;
                } else {
                    x.ret(0);
                }
                return;
            default:
                x.callAndReturn(new WakeUpWorker(pool));
        }
    }
}
