package kthreadlab.sched.core;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.engine.Machine;
import kthreadlab.engine.StepCost;
import kthreadlab.engine.TaskStruct;
import kthreadlab.sched.Rqs;
import kthreadlab.state.Rq;
import kthreadlab.state.TaskState;

/**
 * wake_up_new_task(): the child becomes TASK_RUNNING, fork balancing picks its CPU among
 * p->cpus_mask (an idle CPU if there is one), and it is enqueued there with the target's
 * min_vruntime added back. check_preempt_curr kicks an idle target; a busy one is preempted
 * only if the child is far enough left, which START_DEBIT prevents.
 */
public final class WakeUpNewTask extends Frame {
    static final Code CODE = new Code("kernel/sched/core.c", "wake_up_new_task",
        "raw_spin_lock_irqsave(&p->pi_lock, rf.flags);",
        "WRITE_ONCE(p->__state, TASK_RUNNING);",
        "__set_task_cpu(p, select_task_rq(p, task_cpu(p), WF_FORK));",
        "rq = __task_rq_lock(p, &rf);",
        "activate_task(rq, p, ENQUEUE_NOCLOCK);",
        "trace_sched_wakeup_new(p);",
        "check_preempt_curr(rq, p, WF_FORK);",
        "task_rq_unlock(rq, p, &rf);");
    static final int LOCK = 0, RUNNING = 1, SET_CPU = 2, RQ_LOCK = 3, ACTIVATE = 4, TRACE = 5,
        CHECK_PREEMPT = 6, UNLOCK = 7;

    private final int child;

    public WakeUpNewTask(int child) {
        super(CODE);
        this.child = child;
    }

    @Override
    public void step(Exec x) {
        Machine m = x.m;
        TaskStruct p = m.task(child);
        switch (pc) {
            case LOCK:
                p.piLock = x.rq.cpu;
                x.rq.irqsOff++;
                x.preemptDisable();
                x.cost(StepCost.LOCK);
                pc = RUNNING;
                return;
            case RUNNING:
                p.state = TaskState.TASK_RUNNING;
                pc = SET_CPU;
                return;
            case SET_CPU:
                p.cpu = Core.selectTaskRqFork(m, p, p.cpu);
                pc = RQ_LOCK;
                return;
            case RQ_LOCK: {
                Rq target = Rqs.rqOf(m, p);
                if (Rqs.lockedByOther(target, x.rq.cpu)) {
                    x.spin();
                    return;
                }
                target.lockedBy = x.rq.cpu;
                x.preemptDisable();
                x.cost(StepCost.LOCK);
                pc = ACTIVATE;
                return;
            }
            case ACTIVATE:
                Core.activateTask(m, p, false, true);
                pc = TRACE;
                return;
            case TRACE:
                m.tracepoint(x.rq, "sched_wakeup_new", () -> Core.wakeArgs(p));
                pc = CHECK_PREEMPT;
                return;
            case CHECK_PREEMPT:
                pc = UNLOCK;
                x.call(new CheckPreemptCurr(child, true));
                return;
            default:
                Rqs.rqOf(m, p).lockedBy = -1;
                p.piLock = -1;
                x.rq.irqsOff--;
                x.rq.preemptCount--;
                x.cost(StepCost.LOCK);
                x.ret(0);
                x.preemptEnable();
        }
    }
}
