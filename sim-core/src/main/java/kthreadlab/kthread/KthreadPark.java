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
    static final int IF_EXITING = 0, RETURN_ENOSYS = 1, IF_PARKING = 2, RETURN_EBUSY = 3, SHOULD_PARK = 4,
        IF_NOT_CURRENT = 5, WAKE = 6, WAIT = 7, INACTIVE = 8, RETURN = 9;
    private final int task;

    public KthreadPark(int task) {
        super(CODE);
        this.task = task;
    }

    @Override
    public void step(Exec x) {
        TaskStruct k = x.m.task(task);
        switch (pc) {
            case IF_EXITING:
                pc = (k.flags & TaskFlags.PF_EXITING) != 0 ? RETURN_ENOSYS : IF_PARKING;
                return;
            case RETURN_ENOSYS:
                x.ret(-Errno.ENOSYS);
                return;
            case IF_PARKING:
                pc = k.kthread.testBit(Kthread.KTHREAD_SHOULD_PARK) ? RETURN_EBUSY : SHOULD_PARK;
                return;
            case RETURN_EBUSY:
                x.ret(-Errno.EBUSY);
                return;
            case SHOULD_PARK:
                k.kthread.setBit(Kthread.KTHREAD_SHOULD_PARK);
                pc = IF_NOT_CURRENT;
                return;
            case IF_NOT_CURRENT:
                pc = k.id != x.cur.id ? WAKE : RETURN;
                return;
            case WAKE:
                pc = WAIT;
                x.call(new WakeUpProcess(task));
                return;
            case WAIT:
                pc = INACTIVE;
                x.call(new WaitForCompletion(k.kthread.parked));
                return;
            case INACTIVE:
                pc = RETURN;
                x.call(new WaitTaskInactive(task, TaskState.TASK_PARKED));
                return;
            default:
                x.ret(0);
        }
    }
}
