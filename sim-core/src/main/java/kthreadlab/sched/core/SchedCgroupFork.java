package kthreadlab.sched.core;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.engine.TaskStruct;
import kthreadlab.sched.fair.TaskForkFair;

/** sched_cgroup_fork(): under p->pi_lock, put the child on this CPU and let task_fork_fair place it. */
public final class SchedCgroupFork extends Frame {
    static final Code CODE = new Code("kernel/sched/core.c", "sched_cgroup_fork",
        "raw_spin_lock_irqsave(&p->pi_lock, flags);",
        "__set_task_cpu(p, smp_processor_id());",
        "p->sched_class->task_fork(p);",
        "raw_spin_unlock_irqrestore(&p->pi_lock, flags);");
    static final int LOCK = 0, SET_CPU = 1, TASK_FORK = 2, UNLOCK = 3;

    private final int child;

    public SchedCgroupFork(int child) {
        super(CODE);
        this.child = child;
    }

    @Override
    public void step(Exec x) {
        TaskStruct p = x.m.task(child);
        switch (pc) {
            case LOCK:
                p.piLock = x.rq.cpu;
                x.rq.irqsOff++;
                x.preemptDisable();
                pc = SET_CPU;
                return;
            case SET_CPU:
                p.cpu = x.rq.cpu;
                pc = TASK_FORK;
                return;
            case TASK_FORK:
                pc = UNLOCK;
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
