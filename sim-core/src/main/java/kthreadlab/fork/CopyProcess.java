package kthreadlab.fork;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.engine.Machine;
import kthreadlab.engine.StepCost;
import kthreadlab.engine.TaskStruct;
import kthreadlab.format.Errno;
import kthreadlab.sched.core.SchedCgroupFork;
import kthreadlab.sched.core.SchedFork;
import kthreadlab.state.TaskFlags;
import kthreadlab.state.TaskState;

/**
 * The parts of copy_process() (kernel/fork.c) that matter here: dup_task_struct copies the parent
 * (comm, PF_KTHREAD, cpus_mask, priority), sched_fork leaves the child TASK_NEW and off every
 * runqueue, copy_thread plants fn(arg) for ret_from_fork, alloc_pid hands out the next pid,
 * sched_cgroup_fork (5.15.y) places it on this CPU, and under tasklist_lock the child gets its parent. Failure points: max_threads (-EAGAIN, injected
 * by a scenario's "fail": "copy_process") and a fatal signal of the parent (-EINTR).
 */
public final class CopyProcess extends Frame {
    static final Code CODE = new Code("kernel/fork.c", "copy_process",
        "p = dup_task_struct(current, node);",
        "if (data_race(nr_threads >= max_threads))",
        "retval = sched_fork(clone_flags, p);",
        "retval = copy_thread(clone_flags, args->stack, args->stack_size, p, args->tls);",
        "pid = alloc_pid(p->nsproxy->pid_ns_for_children, args->set_tid,",
        "retval = cgroup_can_fork(p, args);",
        "sched_cgroup_fork(p, args);",
        "write_lock_irq(&tasklist_lock);",
        "p->real_parent = current;",
        "if (fatal_signal_pending(current)) {",
        "attach_pid(p, PIDTYPE_PID);",
        "write_unlock_irq(&tasklist_lock);",
        "trace_task_newtask(p, clone_flags);",
        "return p;",
        "if (data_race(nr_threads >= max_threads))");
    static final int DUP = 0, MAX_THREADS = 1, SCHED_FORK = 2, COPY_THREAD = 3, ALLOC_PID = 4, CAN_FORK = 5,
        CGROUP_FORK = 6, LOCK = 7, PARENT = 8, FATAL = 9, ATTACH = 10, UNLOCK = 11, NEWTASK = 12, RETURN = 13,
        FAIL = 14;

    private final long cloneFlags;
    private final int exitSignal;
    private final String fn;
    private final long arg;
    private int child = -1;
    private long retval;

    CopyProcess(long cloneFlags, int exitSignal, String fn, long arg) {
        super(CODE);
        this.cloneFlags = cloneFlags;
        this.exitSignal = exitSignal;
        this.fn = fn;
        this.arg = arg;
    }

    @Override
    public void step(Exec x) {
        Machine m = x.m;
        TaskStruct cur = x.cur;
        switch (pc) {
            case DUP:
                child = dupTaskStruct(m, cur).id;
                x.cost(StepCost.DUP_TASK_STRUCT);
                pc = MAX_THREADS;
                return;
            case MAX_THREADS:
                if (injectedFailure(m)) {
                    retval = -Errno.EAGAIN;
                    pc = FAIL;
                } else {
                    pc = SCHED_FORK;
                }
                return;
            case SCHED_FORK:
                pc = COPY_THREAD;
                x.call(new SchedFork(child));
                return;
            case COPY_THREAD:
                Tasks.copyThread(m, m.task(child), fn, arg);
                pc = ALLOC_PID;
                return;
            case ALLOC_PID:
                m.task(child).pid = m.nextPid++;
                pc = CAN_FORK;
                return;
            case CAN_FORK:
                pc = CGROUP_FORK;
                return;
            case CGROUP_FORK:
                pc = LOCK;
                x.call(new SchedCgroupFork(child));
                return;
            case LOCK:
                x.rq.irqsOff++;
                x.preemptDisable();
                x.cost(StepCost.LOCK);
                pc = PARENT;
                return;
            case PARENT:
                m.task(child).parent = cur.id;
                m.task(child).exitSignal = exitSignal;
                pc = FATAL;
                return;
            case FATAL:
                pc = ATTACH;
                return;
            case ATTACH:
                pc = UNLOCK;
                return;
            case UNLOCK:
                x.rq.irqsOff--;
                x.rq.preemptCount--;
                x.cost(StepCost.LOCK);
                pc = NEWTASK;
                return;
            case NEWTASK: {
                TaskStruct p = m.task(child);
                m.tracepoint(x.rq, "task_newtask", () -> "pid=" + p.pid + " comm=" + p.comm + " clone_flags="
                    + Long.toHexString(cloneFlags) + " oom_score_adj=0");
                pc = RETURN;
                return;
            }
            case RETURN:
                x.ret(child);
                return;
            default:
                m.task(child).reaped = true;
                m.task(child).stack.clear();
                x.ret(retval);
        }
    }

    private boolean injectedFailure(Machine m) {
        return fn.equals("kthread") && m.createInfo((int) arg).fail.equals("copy_process");
    }

    /** dup_task_struct: the child starts as a copy of its parent. */
    private static TaskStruct dupTaskStruct(Machine m, TaskStruct parent) {
        TaskStruct p = m.newTask(0, parent.comm);
        p.flags = (parent.flags & ~(TaskFlags.PF_IDLE | TaskFlags.PF_WQ_WORKER)) | TaskFlags.PF_FORKNOEXEC;
        p.cpusMask = parent.cpusMask;
        p.prio = parent.prio;
        p.cpu = parent.cpu;
        p.state = TaskState.TASK_NEW;
        return p;
    }
}
