package kthreadlab.sched.completion;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.engine.TaskStruct;
import kthreadlab.sched.core.Schedule;
import kthreadlab.state.Completion;
import kthreadlab.state.TaskState;

/**
 * __wait_for_common + do_wait_for_common (kernel/sched/completion.c) with an infinite timeout:
 * while done is 0, check for a signal this state allows, queue at the tail of x->wait, set the
 * sleep state, drop the lock and schedule(); then consume one done.
 */
public final class DoWaitForCommon extends Frame {
    static final Code CODE = new Code("kernel/sched/completion.c", "do_wait_for_common",
        "if (!x->done) {",
        "if (signal_pending_state(state, current)) {",
        "timeout = -ERESTARTSYS;",
        "__prepare_to_swait(&x->wait, &wait);",
        "__set_current_state(state);",
        "raw_spin_unlock_irq(&x->wait.lock);",
        "timeout = action(timeout);",
        "raw_spin_lock_irq(&x->wait.lock);",
        "} while (!x->done && timeout);",
        "__finish_swait(&x->wait, &wait);",
        "if (!x->done)",
        "return timeout;",
        "if (x->done != UINT_MAX)",
        "x->done--;",
        "return timeout ?: 1;");
    static final int TEST = 0, SIGNAL = 1, RESTART = 2, PREPARE = 3, SET_STATE = 4, UNLOCK = 5, ACTION = 6,
        RELOCK = 7, WHILE = 8, FINISH = 9, STILL_NOT_DONE = 10, RETURN_TIMEOUT = 11, SATURATED = 12, DEC = 13,
        RETURN = 14;

    private final int completion;
    private final int state;
    private long timeout = Long.MAX_VALUE;

    public DoWaitForCommon(int completion, int state) {
        super(CODE);
        this.completion = completion;
        this.state = state;
    }

    @Override
    public String detail() {
        return TaskState.name(state);
    }

    @Override
    public void step(Exec x) {
        Completion c = x.m.completion(completion);
        TaskStruct cur = x.cur;
        switch (pc) {
            case TEST:
                x.rq.irqsOff++;
                x.preemptDisable();
                pc = c.done == 0 ? SIGNAL : SATURATED;
                return;
            case SIGNAL:
                pc = kthreadlab.sched.core.__Schedule.signalPending(cur, state) ? RESTART : PREPARE;
                return;
            case RESTART:
                timeout = -WaitForCompletionKillable.ERESTARTSYS;
                pc = FINISH;
                return;
            case PREPARE:
                if (!c.waiters.contains(cur.id)) {
                    c.waiters.add(cur.id);
                }
                pc = SET_STATE;
                return;
            case SET_STATE:
                cur.state = state;
                pc = UNLOCK;
                return;
            case UNLOCK:
                x.rq.irqsOff--;
                x.rq.preemptCount--;
                pc = ACTION;
                return;
            case ACTION:
                pc = RELOCK;
                x.call(new Schedule());
                return;
            case RELOCK:
                x.rq.irqsOff++;
                x.preemptDisable();
                pc = WHILE;
                return;
            case WHILE:
                pc = c.done == 0 ? SIGNAL : FINISH;
                return;
            case FINISH:
                c.waiters.remove(Integer.valueOf(cur.id));
                pc = STILL_NOT_DONE;
                return;
            case STILL_NOT_DONE:
                pc = c.done == 0 ? RETURN_TIMEOUT : SATURATED;
                return;
            case RETURN_TIMEOUT:
                unlock(x);
                x.ret(timeout);
                return;
            case SATURATED:
                pc = c.done != Completion.UINT_MAX ? DEC : RETURN;
                return;
            case DEC:
                c.done--;
                if (c.done < 0) {
                    x.m.bug("completion " + c.label + " went negative");
                }
                pc = RETURN;
                return;
            default:
                unlock(x);
                x.ret(timeout == 0 ? 1 : timeout);
        }
    }

    /** The raw_spin_unlock_irq of __wait_for_common, done as the function returns. */
    private static void unlock(Exec x) {
        x.rq.irqsOff--;
        x.rq.preemptCount--;
    }
}
