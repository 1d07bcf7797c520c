package kthreadlab.kthread;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.state.CpuMask;
import kthreadlab.state.TaskState;

/**
 * kthread_bind(p, cpu): __kthread_bind(p, cpu, TASK_UNINTERRUPTIBLE), whose one line is
 * __kthread_bind_mask(p, cpumask_of(cpu), state) (__KthreadBindMask).
 */
public final class KthreadBind extends Frame {
    static final Code CODE = new Code("kernel/kthread.c", "kthread_bind",
        "__kthread_bind(p, cpu, TASK_UNINTERRUPTIBLE);");
    static final int BIND = 0;

    private final int task;
    private final int cpu;

    public KthreadBind(int task, int cpu) {
        super(CODE);
        this.task = task;
        this.cpu = cpu;
    }

    @Override
    public String detail() {
        return "cpu " + cpu;
    }

    @Override
    public void step(Exec x) {
        x.callAndReturn(new __KthreadBindMask(task, CpuMask.of(cpu), TaskState.TASK_UNINTERRUPTIBLE));
    }
}
