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

    private final long cloneFlags;
    private final int exitSignal;
    private final String fn;
    private final long arg;
    /** copy_process result: a task id, or -errno. */
    private long p;

    public KernelClone(long cloneFlags, int exitSignal, String fn, long arg) {
        this.cloneFlags = cloneFlags;
        this.exitSignal = exitSignal;
        this.fn = fn;
        this.arg = arg;
    }

    @Override
    public Code code() {
        return CODE;
    }

    @Override
    public void onReturn(long value) {
        if (pc == 1) {
            p = value;
        }
    }

    @Override
    public void step(Exec x) {
        switch (pc) {
            case 0:
                pc = 1;
                x.call(new CopyProcess(cloneFlags, exitSignal, fn, arg));
                return;
            case 1:
                pc = p < 0 ? 2 : 3;
                return;
            case 2:
                x.ret(p);
                return;
            case 3: {
                TaskStruct child = x.m.task((int) p);
                x.m.tracepoint(x.rq, "sched_process_fork", () -> "comm=" + x.cur.comm + " pid=" + x.cur.pid
                    + " child_comm=" + child.comm + " child_pid=" + child.pid);
                pc = 4;
                return;
            }
            case 4:
            case 5:
                pc++;
                return;
            case 6:
                pc = 7;
                x.call(new WakeUpNewTask((int) p));
                return;
            case 7:
                pc = 8;
                return;
            default:
                x.ret(x.m.task((int) p).pid);
        }
    }
}
