package kthreadlab.kthread;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.state.Kthread;

/**
 * kthread_should_park(): __kthread_should_park(current), the KTHREAD_SHOULD_PARK bit of its
 * struct kthread (the inline helper is not stepped into: its one line is this one's answer).
 */
public final class KthreadShouldPark extends Frame {
    static final Code CODE = new Code("kernel/kthread.c", "kthread_should_park",
        "return __kthread_should_park(current);");

    public KthreadShouldPark() {
        super(CODE);
    }

    @Override
    public void step(Exec x) {
        Kthread k = x.cur.kthread;
        x.ret(k != null && k.testBit(Kthread.KTHREAD_SHOULD_PARK) ? 1 : 0);
    }
}
