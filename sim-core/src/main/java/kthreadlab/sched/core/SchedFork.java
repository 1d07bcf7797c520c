package kthreadlab.sched.core;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.engine.TaskStruct;
import kthreadlab.state.SchedEntity;
import kthreadlab.state.TaskState;

/**
 * sched_fork() (5.15.100): zero the child's CFS times, mark it TASK_NEW (nobody can wake it or run
 * it yet) and pick the fair class. In 5.15.y the CPU and task_fork_fair moved to
 * sched_cgroup_fork(), which copy_process calls later (SchedCgroupFork).
 */
public final class SchedFork extends Frame {
    static final Code CODE = new Code("kernel/sched/core.c", "sched_fork",
        "__sched_fork(clone_flags, p);",
        "p->__state = TASK_NEW;",
        "p->prio = current->normal_prio;",
        "p->sched_class = &fair_sched_class;",
        "return 0;");
    static final int SCHED_FORK = 0, SET_NEW = 1, PRIO = 2, CLASS = 3, RETURN = 4;

    private final int child;

    public SchedFork(int child) {
        super(CODE);
        this.child = child;
    }

    @Override
    public void step(Exec x) {
        TaskStruct p = x.m.task(child);
        switch (pc) {
            case SCHED_FORK:
                p.se = new SchedEntity();
                pc = SET_NEW;
                return;
            case SET_NEW:
                p.state = TaskState.TASK_NEW;
                pc = PRIO;
                return;
            case PRIO:
                p.prio = x.cur.isIdle ? 120 : x.cur.prio;
                pc = CLASS;
                return;
            case CLASS:
                pc = RETURN;
                return;
            default:
                x.ret(0);
        }
    }
}
