package kthreadlab.sched.completion;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.sched.core.TryToWakeUp;
import kthreadlab.state.Completion;
import kthreadlab.state.TaskState;

/**
 * complete(x) (kernel/sched/completion.c): done++ (saturating at UINT_MAX) and wake the first
 * waiter, FIFO, under x->wait.lock. A complete() before anybody waits is remembered in done.
 */
public final class Complete extends CompletionFrame {
    static final Code CODE = new Code("kernel/sched/completion.c", "complete",
        "raw_spin_lock_irqsave(&x->wait.lock, flags);",
        "if (x->done != UINT_MAX)",
        "x->done++;",
        "swake_up_locked(&x->wait);",
        "raw_spin_unlock_irqrestore(&x->wait.lock, flags);");
    static final int LOCK = 0, NOT_MAX = 1, DONE = 2, WAKE = 3, UNLOCK = 4;

    public Complete(int completion) {
        super(CODE, completion);
    }

    @Override
    public void step(Exec x) {
        Completion c = x.m.completion(completion);
        switch (pc) {
            case LOCK:
                x.rq.irqsOff++;
                x.preemptDisable();
                pc = NOT_MAX;
                return;
            case NOT_MAX:
                pc = c.done != Completion.UINT_MAX ? DONE : WAKE;
                return;
            case DONE:
                c.done++;
                pc = WAKE;
                return;
            case WAKE:
                pc = UNLOCK;
                if (!c.waiters.isEmpty()) {
                    int waiter = c.waiters.remove(0);
                    x.call(new TryToWakeUp(waiter, TaskState.TASK_NORMAL));
                }
                return;
            default:
                x.rq.irqsOff--;
                x.ret(0);
                x.preemptEnable();
        }
    }
}
