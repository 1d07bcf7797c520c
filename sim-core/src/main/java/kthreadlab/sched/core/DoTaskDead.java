package kthreadlab.sched.core;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.state.TaskState;

/** do_task_dead(): the last thing a task does; __schedule never comes back to it. */
public final class DoTaskDead extends Frame {
    static final Code CODE = new Code("kernel/sched/core.c", "do_task_dead",
        "set_special_state(TASK_DEAD);",
        "__schedule(SM_NONE);",
        "BUG();");
    static final int SET_DEAD = 0, SCHEDULE = 1, BUG = 2;

    public DoTaskDead() {
        super(CODE);
    }

    @Override
    public void step(Exec x) {
        if (pc == SET_DEAD) {
            x.cur.state = TaskState.TASK_DEAD;
            pc = SCHEDULE;
            return;
        }
        if (pc == SCHEDULE) {
            pc = BUG;
            x.call(new __Schedule(false));
            return;
        }
        x.m.bug("a dead task " + x.cur.comm + "/" + x.cur.pid + " was scheduled again");
        x.spin();
    }
}
