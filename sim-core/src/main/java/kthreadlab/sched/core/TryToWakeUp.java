package kthreadlab.sched.core;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Machine;
import kthreadlab.engine.StepCost;
import kthreadlab.engine.TaskStruct;
import kthreadlab.sched.Rqs;
import kthreadlab.state.Rq;
import kthreadlab.state.TaskState;

/**
 * try_to_wake_up(p, state, 0): wakes p if its state matches. A task still on its runqueue only has
 * its state set back (ttwu_runnable: the lost-wakeup case that set-state-then-test relies on);
 * otherwise it becomes TASK_WAKING, the waker waits for p->on_cpu to clear, picks a CPU and
 * enqueues it there. Returns 1 if p was woken.
 *
 * Preempt depth, as the trace's flags show it: try_to_wake_up's preempt_disable() and the
 * pi_lock (raw_spin_lock_irqsave) make two, so sched_waking prints `d..2.` from a task context;
 * the target rq's lock makes three for sched_wakeup (`d..3.`).
 */
public final class TryToWakeUp extends WakeFrame {
    static final Code CODE = new Code("kernel/sched/core.c", "try_to_wake_up",
        "raw_spin_lock_irqsave(&p->pi_lock, flags);",
        "#2 if (!ttwu_state_match(p, state, &success))",
        "#2 trace_sched_waking(p);",
        "if (READ_ONCE(p->on_rq) && ttwu_runnable(p, wake_flags))",
        "WRITE_ONCE(p->__state, TASK_WAKING);",
        "smp_cond_load_acquire(&p->on_cpu, !VAL);",
        "cpu = select_task_rq(p, p->wake_cpu, wake_flags | WF_TTWU);",
        "set_task_cpu(p, cpu);",
        "ttwu_queue(p, cpu, wake_flags);",
        "ttwu_queue(p, cpu, wake_flags);",
        "raw_spin_unlock_irqrestore(&p->pi_lock, flags);");
    static final int LOCK = 0, MATCH = 1, WAKING_TP = 2, ON_RQ = 3, WAKING = 4, ON_CPU = 5, SELECT = 6,
        SET_CPU = 7, QUEUE = 8, WOKEN = 9, UNLOCK = 10;

    private int success;
    private int cpu = -1;
    private boolean migrated;

    public TryToWakeUp(int task, int state) {
        super(CODE, task, state);
    }

    /**
     * From an atomic context (a timer, a signal, an action) the wake starts only when none of its
     * waits would spin: pi_lock, then (if the state matches) p's rq lock for ttwu_runnable, or
     * p->on_cpu and the chosen CPU's rq lock. An interrupt cannot wait for an rq lock even if its
     * own CPU holds it (that CPU took it with irqs off, so the interrupt would not be here yet).
     */
    @Override
    public boolean mustWait(Machine m, Rq cpu) {
        TaskStruct p = m.task(task);
        if (p.piLock >= 0) {
            return true;
        }
        if ((p.state & state) == 0) {
            return false;
        }
        if (p.se.onRq) {
            return Rqs.rqOf(m, p).lockedBy >= 0;
        }
        return p.onCpu || m.rqs[Core.selectTaskRqWake(m, p, p.cpu)].lockedBy >= 0;
    }

    @Override
    public void step(Exec x) {
        Machine m = x.m;
        TaskStruct p = m.task(task);
        switch (pc) {
            case LOCK:
                if (p.piLock >= 0) {
                    x.spin();
                    return;
                }
                p.piLock = x.rq.cpu;
                x.preemptDisable();
                x.rq.preemptCount++;
                x.rq.irqsOff++;
                x.cost(StepCost.LOCK);
                pc = MATCH;
                return;
            case MATCH:
                pc = (p.state & state) == 0 ? UNLOCK : WAKING_TP;
                return;
            case WAKING_TP:
                success = 1;
                m.tracepoint(x.rq, "sched_waking", () -> Core.wakeArgs(p));
                pc = ON_RQ;
                return;
            case ON_RQ:
                if (p.se.onRq && Rqs.lockedByOther(Rqs.rqOf(m, p), x.rq.cpu)) {
                    x.spin();
                    return;
                }
                if (p.se.onRq) {
                    Core.ttwuRunnable(m, x.rq, p);
                    pc = UNLOCK;
                } else {
                    pc = WAKING;
                }
                return;
            case WAKING:
                p.state = TaskState.TASK_WAKING;
                pc = ON_CPU;
                return;
            case ON_CPU:
                if (p.onCpu) {
                    x.spin();
                    return;
                }
                pc = SELECT;
                return;
            case SELECT:
                cpu = Core.selectTaskRqWake(m, p, p.cpu);
                pc = cpu != p.cpu ? SET_CPU : QUEUE;
                return;
            case SET_CPU:
                migrated = Core.setTaskCpu(m, x.rq, p, cpu);
                pc = QUEUE;
                return;
            case QUEUE: {
                Rq target = Rqs.rqOf(m, p);
                if (Rqs.lockedByOther(target, x.rq.cpu)) {
                    x.spin();
                    return;
                }
                target.lockedBy = x.rq.cpu;
                x.rq.preemptCount++;
                Core.activateTask(m, p, true, migrated);
                pc = WOKEN;
                x.call(new CheckPreemptCurr(task, false));
                return;
            }
            case WOKEN:
                Core.ttwuDoWakeup(m, x.rq, p);
                Rqs.rqOf(m, p).lockedBy = -1;
                x.rq.preemptCount--;
                pc = UNLOCK;
                return;
            default:
                p.piLock = -1;
                x.rq.preemptCount--;
                x.rq.irqsOff--;
                x.cost(StepCost.LOCK);
                x.ret(success);
                x.preemptEnable();
                return;
        }
    }
}
