package kthreadlab.workqueue;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.kthread.KthreadShouldStop;
import kthreadlab.sched.core.Schedule;
import kthreadlab.state.TaskFlags;
import kthreadlab.state.TaskState;
import kthreadlab.state.Weights;

/**
 * rescuer_thread(rescuer): sleeps in TASK_IDLE until a pool that cannot create workers sends a
 * mayday, or until kthread_stop(). Worker creation never fails in the model, so wq->maydays stays
 * empty and the rescuer only ever wakes to stop.
 */
public final class RescuerThread extends Frame {
    static final Code CODE = new Code("kernel/workqueue.c", "rescuer_thread",
        "set_user_nice(current, RESCUER_NICE_LEVEL);",
        "set_pf_worker(true);",
        "set_current_state(TASK_IDLE);",
        "should_stop = kthread_should_stop();",
        "while (!list_empty(&wq->maydays)) {",
        "if (should_stop) {",
        "#2 __set_current_state(TASK_RUNNING);",
        "set_pf_worker(false);",
        "return 0;",
        "schedule();",
        "goto repeat;");
    private final int rescuer;
    private long stop;

    public RescuerThread(int rescuer) {
        this.rescuer = rescuer;
    }

    @Override
    public Code code() {
        return CODE;
    }

    @Override
    public void onReturn(long value) {
        if (pc == 4) {
            stop = value;
        }
    }

    @Override
    public void step(Exec x) {
        switch (pc) {
            case 0:
                x.cur.prio = 100;
                x.cur.se.weight = Weights.ofNice(-20);
                pc = 1;
                return;
            case 1:
                x.cur.flags |= TaskFlags.PF_WQ_WORKER;
                pc = 2;
                return;
            case 2:
                x.cur.state = TaskState.TASK_IDLE;
                pc = 3;
                return;
            case 3:
                pc = 4;
                x.call(new KthreadShouldStop());
                return;
            case 4:
                pc = 5;
                return;
            case 5:
                pc = stop != 0 ? 6 : 9;
                return;
            case 6:
                x.cur.state = TaskState.TASK_RUNNING;
                pc = 7;
                return;
            case 7:
                x.cur.flags &= ~TaskFlags.PF_WQ_WORKER;
                pc = 8;
                return;
            case 8:
                x.m.wq.worker(rescuer).dead = true;
                x.ret(0);
                return;
            case 9:
                pc = 10;
                x.call(new Schedule());
                return;
            default:
                pc = 2;
        }
    }
}
