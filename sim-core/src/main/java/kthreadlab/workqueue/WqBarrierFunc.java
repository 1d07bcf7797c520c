package kthreadlab.workqueue;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.sched.completion.Complete;

/** wq_barrier_func(work): the flush barrier ran, so the item before it has finished: complete(&barr->done). */
public final class WqBarrierFunc extends Frame {
    static final Code CODE = new Code("kernel/workqueue.c", "wq_barrier_func",
        "complete(&barr->done);");
    private final int work;

    public WqBarrierFunc(int work) {
        super(CODE);
        this.work = work;
    }

    @Override
    public void step(Exec x) {
        x.callAndReturn(new Complete(x.m.wq.work(work).barrierDone));
    }
}
