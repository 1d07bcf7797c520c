package kthreadlab.fork;

import kthreadlab.engine.Machine;
import kthreadlab.engine.TaskStruct;
import kthreadlab.sched.core.ScheduleTail;
import kthreadlab.state.KthreadCreateInfo;
import kthreadlab.state.Rq;

/** Small task operations that happen inside one step. */
public final class Tasks {
    private Tasks() {
    }

    /**
     * __set_task_comm: trace_task_rename first (so the record still shows the old comm), then copy.
     * Both happen under task_lock(tsk), a spinlock: the record's preempt depth is one more than the
     * caller's (fs/exec.c __set_task_comm; a real trace shows `...1.`).
     */
    public static void setTaskComm(Machine m, Rq rq, TaskStruct tsk, String name) {
        String comm = TaskStruct.truncateComm(name);
        rq.preemptCount++;
        m.tracepoint(rq, "task_rename", () -> "pid=" + tsk.pid + " oldcomm=" + tsk.comm + " newcomm=" + comm
            + " oom_score_adj=0");
        rq.preemptCount--;
        tsk.comm = comm;
    }

    /**
     * copy_thread for a kernel thread: the child will start in ret_from_fork (arch code, not shown),
     * which runs schedule_tail() and then calls fn(arg). Its first step is schedule_tail's.
     */
    public static void copyThread(Machine m, TaskStruct child, String fn, long arg) {
        child.stack.add(m.hooks.threadFn(fn, arg));
        child.stack.add(ScheduleTail.implicitFrame());
    }

    /** Appends a line to a create info's lifecycle, stamped with the time. */
    public static void note(Machine m, KthreadCreateInfo info, String what) {
        info.history.note(m.now, what);
    }
}
