package kthreadlab.sched.fair;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.engine.Machine;
import kthreadlab.engine.TaskStruct;
import kthreadlab.sched.Rqs;
import kthreadlab.state.Rq;

/**
 * task_fork_fair(): the child starts at its parent's vruntime, place_entity(initial=1) pushes it
 * one vslice past min_vruntime (START_DEBIT), and, sysctl_sched_child_runs_first being 0, the
 * parent is not asked to yield. The vruntime is then stored relative to this CPU's min_vruntime
 * until wake_up_new_task enqueues the child wherever it lands.
 */
public final class TaskForkFair extends Frame {
    static final Code CODE = new Code("kernel/sched/fair.c", "task_fork_fair",
        "rq_lock(rq, &rf);",
        "update_rq_clock(rq);",
        "update_curr(cfs_rq);",
        "se->vruntime = curr->vruntime;",
        "place_entity(cfs_rq, se, 1);",
        "if (sysctl_sched_child_runs_first && curr && entity_before(curr, se)) {",
        "se->vruntime -= cfs_rq->min_vruntime;",
        "rq_unlock(rq, &rf);");
    static final int LOCK = 0, CLOCK = 1, UPDATE_CURR = 2, VRUNTIME = 3, PLACE = 4, CHILD_FIRST = 5,
        RELATIVE = 6, UNLOCK = 7;

    private final int child;

    public TaskForkFair(int child) {
        super(CODE);
        this.child = child;
    }

    @Override
    public void step(Exec x) {
        Machine m = x.m;
        Rq rq = x.rq;
        TaskStruct p = m.task(child);
        switch (pc) {
            case LOCK:
                x.preemptDisable();
                pc = CLOCK;
                return;
            case CLOCK:
                Rqs.updateRqClock(m, rq);
                pc = rq.cfs.curr >= 0 ? UPDATE_CURR : PLACE;
                return;
            case UPDATE_CURR:
                UpdateCurr.atOnce(m, rq);
                pc = VRUNTIME;
                return;
            case VRUNTIME:
                p.se.vruntime = m.task(rq.cfs.curr).se.vruntime;
                pc = PLACE;
                return;
            case PLACE:
                Fair.placeEntity(m, rq.cfs, p.se, true);
                pc = CHILD_FIRST;
                return;
            case CHILD_FIRST:
                pc = RELATIVE;
                return;
            case RELATIVE:
                p.se.vruntime -= rq.cfs.minVruntime;
                pc = UNLOCK;
                return;
            default:
                rq.preemptCount--;
                x.ret(0);
        }
    }
}
