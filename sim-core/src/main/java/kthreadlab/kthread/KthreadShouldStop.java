package kthreadlab.kthread;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.state.Kthread;

/** kthread_should_stop(): the KTHREAD_SHOULD_STOP bit of current's struct kthread. */
public final class KthreadShouldStop extends Frame {
    static final Code CODE = new Code("kernel/kthread.c", "kthread_should_stop",
        "return test_bit(KTHREAD_SHOULD_STOP, &to_kthread(current)->flags);");

    public KthreadShouldStop() {
        super(CODE);
    }

    @Override
    public void step(Exec x) {
        Kthread k = x.cur.kthread;
        x.ret(k != null && k.testBit(Kthread.KTHREAD_SHOULD_STOP) ? 1 : 0);
    }
}
