package kthreadlab.sched.core;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.state.TaskFlags;
import kthreadlab.state.TaskState;

/** schedule(): __schedule(SM_NONE) with preemption disabled, again while need_resched. */
public final class Schedule extends Frame {
    static final Code CODE = new Code("kernel/sched/core.c", "schedule",
        "sched_submit_work(tsk);",
        "preempt_disable();",
        "__schedule(SM_NONE);",
        "sched_preempt_enable_no_resched();",
        "} while (need_resched());",
        "sched_update_worker(tsk);");
    static final int SUBMIT_WORK = 0, PREEMPT_DISABLE = 1, SCHEDULE = 2, PREEMPT_ENABLE = 3, NEED_RESCHED = 4,
        UPDATE_WORKER = 5;

    public Schedule() {
        super(CODE);
    }

    @Override
    public void step(Exec x) {
        switch (pc) {
            case SUBMIT_WORK:
                pc = PREEMPT_DISABLE;
                if (x.cur.state != TaskState.TASK_RUNNING && (x.cur.flags & TaskFlags.PF_WQ_WORKER) != 0) {
                    x.call(new SchedSubmitWork(x.cur.id));
                }
                return;
            case PREEMPT_DISABLE:
                x.preemptDisable();
                pc = SCHEDULE;
                return;
            case SCHEDULE:
                pc = PREEMPT_ENABLE;
                x.call(new __Schedule(false));
                return;
            case PREEMPT_ENABLE:
                x.rq.preemptCount--;
                pc = NEED_RESCHED;
                return;
            case NEED_RESCHED:
                pc = x.rq.needResched ? PREEMPT_DISABLE : UPDATE_WORKER;
                return;
            case UPDATE_WORKER:
                if ((x.cur.flags & TaskFlags.PF_WQ_WORKER) != 0) {
                    x.callAndReturn(new SchedUpdateWorker(x.cur.id));
                    return;
                }
                x.ret(0);
                return;
            default:
                throw new IllegalStateException("schedule pc " + pc);
        }
    }
}
