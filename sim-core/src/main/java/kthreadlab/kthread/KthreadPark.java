package kthreadlab.kthread;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.engine.TaskStruct;
import kthreadlab.format.Errno;
import kthreadlab.sched.completion.WaitForCompletion;
import kthreadlab.sched.core.WakeUpProcess;
import kthreadlab.state.Kthread;
import kthreadlab.state.TaskFlags;
import kthreadlab.state.TaskState;

/** kthread_park(k): set SHOULD_PARK, wake k, wait until it parked and is off its CPU. */
public final class KthreadPark extends Frame {
    static final Code CODE = new Code("kernel/kthread.c", "kthread_park",
        "if (WARN_ON(k->flags & PF_EXITING))",
        "return -ENOSYS;",
        "if (WARN_ON_ONCE(test_bit(KTHREAD_SHOULD_PARK, &kthread->flags)))",
        "return -EBUSY;",
        "set_bit(KTHREAD_SHOULD_PARK, &kthread->flags);",
        "if (k != current) {",
        "wake_up_process(k);",
        "wait_for_completion(&kthread->parked);",
        "WARN_ON_ONCE(!wait_task_inactive(k, TASK_PARKED));",
        "return 0;");
    private final int task;

    public KthreadPark(int task) {
        this.task = task;
    }

    @Override
    public Code code() {
        return CODE;
    }

    @Override
    public void step(Exec x) {
        TaskStruct k = x.m.task(task);
        switch (pc) {
            case 0:
                pc = (k.flags & TaskFlags.PF_EXITING) != 0 ? 1 : 2;
                return;
            case 1:
                x.ret(-Errno.ENOSYS);
                return;
            case 2:
                pc = k.kthread.testBit(Kthread.KTHREAD_SHOULD_PARK) ? 3 : 4;
                return;
            case 3:
                x.ret(-Errno.EBUSY);
                return;
            case 4:
                k.kthread.setBit(Kthread.KTHREAD_SHOULD_PARK);
                pc = 5;
                return;
            case 5:
                pc = k.id != x.cur.id ? 6 : 9;
                return;
            case 6:
                pc = 7;
                x.call(new WakeUpProcess(task));
                return;
            case 7:
                pc = 8;
                x.call(new WaitForCompletion(k.kthread.parked, false));
                return;
            case 8:
                pc = 9;
                x.call(new WaitTaskInactive(task, TaskState.TASK_PARKED));
                return;
            default:
                x.ret(0);
        }
    }
}
