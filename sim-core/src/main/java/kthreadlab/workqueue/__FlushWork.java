package kthreadlab.workqueue;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.engine.Machine;
import kthreadlab.sched.completion.WaitForCompletion;
import kthreadlab.state.Work;

/**
 * __flush_work(work, false): queue a barrier behind the item (start_flush_work) and wait for its
 * completion; 1 if there was something to wait for. The barrier is a new Work whose barr.done
 * completion lives on this frame's stack in the kernel.
 */
public final class __FlushWork extends Frame {
    static final Code CODE = new Code("kernel/workqueue.c", "__flush_work",
        "if (start_flush_work(work, &barr, from_cancel)) {",
        "wait_for_completion(&barr.done);",
        "return true;",
        "#3 return false;");
    static final int START = 0, WAIT = 1, RETURN_TRUE = 2, RETURN_FALSE = 3;

    private final int work;
    private int barrier = -1;
    private long started;

    __FlushWork(int work) {
        super(CODE);
        this.work = work;
    }

    @Override
    public void onReturn(long value) {
        started = value;
    }

    @Override
    public void step(Exec x) {
        switch (pc) {
            case START:
                barrier = newBarrier(x.m);
                pc = WAIT;
                x.call(new StartFlushWork(work, barrier));
                return;
            case WAIT:
                if (started == 0) {
                    pc = RETURN_FALSE;
                    return;
                }
                pc = RETURN_TRUE;
                x.call(new WaitForCompletion(x.m.wq.work(barrier).barrierDone));
                return;
            case RETURN_TRUE:
                x.ret(1);
                return;
            default:
                x.ret(0);
        }
    }

    private static int newBarrier(Machine m) {
        Work b = new Work(m.wq.works.size(), "barr", "wq_barrier_func");
        m.wq.works.add(b);
        b.barrierDone = m.newCompletion("barr.done (on " + "flush_work's stack)").id;
        b.pending = true;
        b.queued = 1;
        return b.id;
    }
}
