package kthreadlab.kthread;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;

/** kthread_parkme(): __kthread_parkme() of the calling thread's struct kthread. */
public final class KthreadParkme extends Frame {
    static final Code CODE = new Code("kernel/kthread.c", "kthread_parkme",
        "__kthread_parkme(to_kthread(current));");

    public KthreadParkme() {
        super(CODE);
    }

    @Override
    public void step(Exec x) {
        x.callAndReturn(new __KthreadParkme());
    }
}
