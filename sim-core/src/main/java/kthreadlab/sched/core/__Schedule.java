package kthreadlab.sched.core;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.engine.Machine;
import kthreadlab.engine.StepCost;
import kthreadlab.engine.TaskStruct;
import kthreadlab.sched.Rqs;
import kthreadlab.sched.fair.Fair;
import kthreadlab.state.Rq;
import kthreadlab.state.TaskState;

/**
 * __schedule(): take prev off the runqueue if it is going to sleep, pick next, switch.
 * Entered with preempt_count 1 (schedule_debug checks it); prev resumes at RESUME when it is
 * picked again, and a new task's first switch-in goes to ret_from_fork instead.
 */
public final class __Schedule extends Frame {
    static final Code CODE = new Code("kernel/sched/core.c", "__schedule",
        "schedule_debug(prev, !!sched_mode);",
        "local_irq_disable();",
        "rq_lock(rq, &rf);",
        "update_rq_clock(rq);",
        "prev_state = READ_ONCE(prev->__state);",
        "if (signal_pending_state(prev_state, prev)) {",
        "WRITE_ONCE(prev->__state, TASK_RUNNING);",
        "deactivate_task(rq, prev, DEQUEUE_SLEEP | DEQUEUE_NOCLOCK);",
        "next = pick_next_task(rq, prev, &rf);",
        "clear_tsk_need_resched(prev);",
        "trace_sched_switch(sched_mode & SM_MASK_PREEMPT, prev, next);",
        "rq = context_switch(rq, prev, next, &rf);",
        "rq = context_switch(rq, prev, next, &rf);",
        "raw_spin_rq_unlock_irq(rq);");
    static final int DEBUG = 0, IRQ_OFF = 1, LOCK = 2, CLOCK = 3, STATE = 4, SIGNAL = 5, RUNNING = 6,
        DEACTIVATE = 7, PICK = 8, CLEAR = 9, TRACE = 10, SWITCH = 11, RESUME = 12, UNLOCK = 13;

    private final boolean preempt;
    private int prevState;
    private int next = -1;

    public __Schedule(boolean preempt) {
        super(CODE);
        this.preempt = preempt;
    }

    @Override
    public String detail() {
        return preempt ? "SM_PREEMPT" : "SM_NONE";
    }

    @Override
    public void step(Exec x) {
        Machine m = x.m;
        Rq rq = x.rq;
        TaskStruct prev = x.cur;
        switch (pc) {
            case DEBUG:
                if (rq.preemptCount != 1 && !prev.isIdle) {
                    m.bug("scheduling while atomic: " + prev.comm + "/" + prev.pid + "/0x"
                        + Integer.toHexString(rq.preemptCount) + " on CPU " + rq.cpu);
                }
                pc = IRQ_OFF;
                return;
            case IRQ_OFF:
                rq.irqsOff++;
                pc = LOCK;
                return;
            case LOCK:
                if (Rqs.lockedByOther(rq, rq.cpu)) {
                    x.spin();
                    return;
                }
                rq.lockedBy = rq.cpu;
                rq.preemptCount++;
                x.cost(StepCost.LOCK);
                pc = CLOCK;
                return;
            case CLOCK:
                Rqs.updateRqClock(m, rq);
                pc = STATE;
                return;
            case STATE:
                prevState = prev.state;
                pc = (!preempt && prevState != 0) ? SIGNAL : PICK;
                return;
            case SIGNAL:
                pc = signalPending(prev, prevState) ? RUNNING : DEACTIVATE;
                return;
            case RUNNING:
                prev.state = TaskState.TASK_RUNNING;
                pc = PICK;
                return;
            case DEACTIVATE:
                Core.deactivateTask(m, prev, true);
                pc = PICK;
                return;
            case PICK:
                next = pick(m, rq);
                pc = CLEAR;
                return;
            case CLEAR:
                rq.needResched = false;
                pc = next != prev.id ? TRACE : UNLOCK;
                return;
            case TRACE:
                traceSwitch(m, rq, prev, m.task(next));
                pc = SWITCH;
                return;
            case SWITCH:
                contextSwitch(x, prev, m.task(next));
                pc = RESUME;
                return;
            case RESUME:
                finishTaskSwitch(x);
                x.ret(0);
                return;
            case UNLOCK:
                rq.lockedBy = -1;
                rq.preemptCount--;
                rq.irqsOff--;
                x.ret(0);
                return;
            default:
                throw new IllegalStateException("__schedule pc " + pc);
        }
    }

    /** signal_pending_state: INTERRUPTIBLE sleeps end on any signal, KILLABLE ones on SIGKILL. */
    public static boolean signalPending(TaskStruct p, int state) {
        if (!p.sigkillPending) {
            return false;
        }
        return (state & (TaskState.TASK_INTERRUPTIBLE | TaskState.TASK_WAKEKILL)) != 0;
    }

    /** pick_next_task: the fair class, else this CPU's idle task. */
    static int pick(Machine m, Rq rq) {
        Rqs.updateRqClock(m, rq);
        int next = Fair.pickNext(m, rq);
        return next < 0 ? rq.idle : next;
    }

    private void traceSwitch(Machine m, Rq rq, TaskStruct prev, TaskStruct next) {
        String state = preempt ? "R+" : TaskState.switchLetter(prev.state, prev.exitState);
        m.tracepoint(rq, "sched_switch", () -> "prev_comm=" + prev.comm + " prev_pid=" + prev.pid + " prev_prio="
            + prev.prio + " prev_state=" + state + " ==> next_comm=" + next.comm + " next_pid=" + next.pid
            + " next_prio=" + next.prio);
    }

    /** context_switch + switch_to: from here on the CPU executes next's frames. */
    private void contextSwitch(Exec x, TaskStruct prev, TaskStruct next) {
        Rq rq = x.rq;
        rq.nrSwitches++;
        if (preempt || prev.state == TaskState.TASK_RUNNING) {
            prev.nivcsw++;
        } else {
            prev.nvcsw++;
        }
        prev.onCpu = false;
        next.onCpu = true;
        next.cpu = rq.cpu;
        rq.curr = next.id;
        x.cost(StepCost.CONTEXT_SWITCH);
        if (prev.state == TaskState.TASK_DEAD) {
            Core.release(x.m, rq, prev);
        }
    }

    /** finish_task_switch, run by the task that was switched in: drops the rq lock, enables irqs. */
    public static void finishTaskSwitch(Exec x) {
        x.rq.lockedBy = -1;
        x.rq.preemptCount--;
        x.rq.irqsOff--;
    }
}
