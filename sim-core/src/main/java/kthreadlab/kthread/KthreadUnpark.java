package kthreadlab.kthread;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.sched.core.WakeUpState;
import kthreadlab.state.CpuMask;
import kthreadlab.state.Kthread;
import kthreadlab.state.TaskState;

/** kthread_unpark(k): rebind a per-CPU thread, clear SHOULD_PARK, wake it from TASK_PARKED. */
public final class KthreadUnpark extends Frame {
    static final Code CODE = new Code("kernel/kthread.c", "kthread_unpark",
        "if (test_bit(KTHREAD_IS_PER_CPU, &kthread->flags))",
        "__kthread_bind(k, kthread->cpu, TASK_PARKED);",
        "clear_bit(KTHREAD_SHOULD_PARK, &kthread->flags);",
        "wake_up_state(k, TASK_PARKED);");
    static final int IF_PER_CPU = 0, BIND = 1, CLEAR_PARK = 2, WAKE = 3;
    private final int task;

    public KthreadUnpark(int task) {
        super(CODE);
        this.task = task;
    }

    @Override
    public void step(Exec x) {
        Kthread k = x.m.task(task).kthread;
        switch (pc) {
            case IF_PER_CPU:
                pc = k.testBit(Kthread.KTHREAD_IS_PER_CPU) ? BIND : CLEAR_PARK;
                return;
            case BIND:
                pc = CLEAR_PARK;
                x.call(new __KthreadBindMask(task, CpuMask.of(k.cpu), TaskState.TASK_PARKED));
                return;
            case CLEAR_PARK:
                k.clearBit(Kthread.KTHREAD_SHOULD_PARK);
                pc = WAKE;
                return;
            default:
                x.callAndReturn(new WakeUpState(task, TaskState.TASK_PARKED));
        }
    }
}
