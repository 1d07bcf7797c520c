package kthreadlab.fork;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.engine.TaskStruct;
import kthreadlab.sched.core.WakeUpNewTask;

/**
 * kernel_clone(args) (kernel/fork.c): copy_process, then trace_sched_process_fork, then
 * wake_up_new_task. The child is on a runqueue when this returns, but with START_DEBIT and
 * sysctl_sched_child_runs_first = 0 the parent normally keeps its CPU.
 */
public final class KernelClone extends Frame {
    static final Code CODE = new Code("kernel/fork.c", "kernel_clone",
        "p = copy_process(NULL, trace, NUMA_NO_NODE, args);",
        "if (IS_ERR(p))",
        "return PTR_ERR(p);",
        "trace_sched_process_fork(current, p);",
        "pid = get_task_pid(p, PIDTYPE_PID);",
        "nr = pid_vnr(pid);",
        "wake_up_new_task(p);",
        "put_pid(pid);",
        "return nr;");
    static final int COPY = 0, IS_ERR = 1, PTR_ERR = 2, TRACE_FORK = 3, GET_PID = 4, PID_VNR = 5,
        WAKE_NEW = 6, PUT_PID = 7, RETURN_NR = 8;

    private final long cloneFlags;
    private final int exitSignal;
    private final String fn;
    private final long arg;
    /** copy_process result: a task id, or -errno. */
    private long p;

    public KernelClone(long cloneFlags, int exitSignal, String fn, long arg) {
        super(CODE);
        this.cloneFlags = cloneFlags;
        this.exitSignal = exitSignal;
        this.fn = fn;
        this.arg = arg;
    }

    @Override
    public void onReturn(long value) {
        if (pc == IS_ERR) {
            p = value;
        }
    }

    @Override
    public void step(Exec x) {
        switch (pc) {
            case COPY:
                pc = IS_ERR;
                x.call(new CopyProcess(cloneFlags, exitSignal, fn, arg));
                return;
            case IS_ERR:
                pc = p < 0 ? PTR_ERR : TRACE_FORK;
                return;
            case PTR_ERR:
                x.ret(p);
                return;
            case TRACE_FORK: {
                TaskStruct child = x.m.task((int) p);
                x.m.tracepoint(x.rq, "sched_process_fork", () -> "comm=" + x.cur.comm + " pid=" + x.cur.pid
                    + " child_comm=" + child.comm + " child_pid=" + child.pid);
                pc = GET_PID;
                return;
            }
            case GET_PID:
            case PID_VNR:
                pc++;
                return;
            case WAKE_NEW:
                pc = PUT_PID;
                x.call(new WakeUpNewTask((int) p));
                return;
            case PUT_PID:
                pc = RETURN_NR;
                return;
            default:
                x.ret(x.m.task((int) p).pid);
        }
    }
}
