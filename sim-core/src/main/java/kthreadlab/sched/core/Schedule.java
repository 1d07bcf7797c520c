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

    @Override
    public Code code() {
        return CODE;
    }

    @Override
    public void step(Exec x) {
        switch (pc) {
            case 0:
                pc = 1;
                if (x.cur.state != TaskState.TASK_RUNNING && (x.cur.flags & TaskFlags.PF_WQ_WORKER) != 0) {
                    x.call(new SchedSubmitWork(x.cur.id));
                }
                return;
            case 1:
                x.preemptDisable();
                pc = 2;
                return;
            case 2:
                pc = 3;
                x.call(new __Schedule(false));
                return;
            case 3:
                x.rq.preemptCount--;
                pc = 4;
                return;
            case 4:
                pc = x.rq.needResched ? 1 : 5;
                return;
            case 5:
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
