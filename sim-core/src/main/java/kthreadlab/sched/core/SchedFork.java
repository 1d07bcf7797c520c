package kthreadlab.sched.core;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.engine.TaskStruct;
import kthreadlab.sched.fair.TaskForkFair;
import kthreadlab.state.SchedEntity;
import kthreadlab.state.TaskState;

/**
 * sched_fork() (5.15.100): zero the child's CFS times, mark it TASK_NEW (nobody can wake it or run
 * it yet) and pick the fair class. In 5.15.y the CPU and task_fork_fair moved to
 * sched_cgroup_fork(), which copy_process calls later (inner class CgroupFork).
 */
public final class SchedFork extends Frame {
    static final Code CODE = new Code("kernel/sched/core.c", "sched_fork",
        "__sched_fork(clone_flags, p);",
        "p->__state = TASK_NEW;",
        "p->prio = current->normal_prio;",
        "p->sched_class = &fair_sched_class;",
        "return 0;");

    private final int child;

    public SchedFork(int child) {
        this.child = child;
    }

    @Override
    public Code code() {
        return CODE;
    }

    @Override
    public void step(Exec x) {
        TaskStruct p = x.m.task(child);
        switch (pc) {
            case 0:
                p.se = new SchedEntity();
                pc = 1;
                return;
            case 1:
                p.state = TaskState.TASK_NEW;
                pc = 2;
                return;
            case 2:
                p.prio = x.cur.isIdle ? 120 : x.cur.prio;
                pc = 3;
                return;
            case 3:
                pc = 4;
                return;
            default:
                x.ret(0);
        }
    }

    /** sched_cgroup_fork(): under p->pi_lock, put the child on this CPU and let task_fork_fair place it. */
    public static final class CgroupFork extends Frame {
        static final Code CODE = new Code("kernel/sched/core.c", "sched_cgroup_fork",
            "raw_spin_lock_irqsave(&p->pi_lock, flags);",
            "__set_task_cpu(p, smp_processor_id());",
            "p->sched_class->task_fork(p);",
            "raw_spin_unlock_irqrestore(&p->pi_lock, flags);");

        private final int child;

        public CgroupFork(int child) {
            this.child = child;
        }

        @Override
        public Code code() {
            return CODE;
        }

        @Override
        public void step(Exec x) {
            TaskStruct p = x.m.task(child);
            switch (pc) {
                case 0:
                    p.piLock = x.rq.cpu;
                    x.rq.irqsOff++;
                    x.preemptDisable();
                    pc = 1;
                    return;
                case 1:
                    p.cpu = x.rq.cpu;
                    pc = 2;
                    return;
                case 2:
                    pc = 3;
                    x.call(new TaskForkFair(child));
                    return;
                default:
                    p.piLock = -1;
                    x.rq.irqsOff--;
                    x.rq.preemptCount--;
                    x.ret(0);
            }
        }
    }
}
