package kthreadlab.workqueue;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;

/** flush_work(work): __flush_work(work, false); 1 if there was something to wait for. */
public final class FlushWork extends Frame {
    static final Code CODE = new Code("kernel/workqueue.c", "flush_work",
        "return __flush_work(work, false);");
    private final int work;

    public FlushWork(int work) {
        super(CODE);
        this.work = work;
    }

    @Override
    public void step(Exec x) {
        x.callAndReturn(new __FlushWork(work));
    }
}
