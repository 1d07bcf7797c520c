package kthreadlab.kernel;

import kthreadlab.engine.Machine;
import kthreadlab.sched.Rq;

/** Small task operations that happen inside one step. */
public final class Tasks {
    private Tasks() {
    }

    /** __set_task_comm: trace_task_rename first (so the record still shows the old comm), then copy. */
    public static void setTaskComm(Machine m, Rq rq, TaskStruct tsk, String name) {
        String comm = TaskStruct.truncateComm(name);
        m.tracepoint(rq, "task_rename", "pid=" + tsk.pid + " oldcomm=" + tsk.comm + " newcomm=" + comm
            + " oom_score_adj=0");
        tsk.comm = comm;
    }

    /** Appends a line to a create info's lifecycle, stamped with the time. */
    public static void note(Machine m, KthreadCreateInfo info, String what) {
        info.history.add(Time.format(m.now) + " " + what);
    }
}
