package kthreadlab.kthread;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.engine.TaskStruct;
import kthreadlab.state.TaskState;
import kthreadlab.time.timer.Timers;

/**
 * wait_task_inactive(p, state) (kernel/sched/core.c:3207): while p runs, spin, re-checking
 * that p is still in `state` (0 if not); once p is off its CPU, 0 if p left `state`; if p is
 * still queued (preempted before it could sleep) sleep one tick's length with an hrtimer
 * (schedule_hrtimeout, NSEC_PER_SEC / HZ from now, not the next jiffy) and look again.
 */
public final class WaitTaskInactive extends Frame {
    static final Code CODE = new Code("kernel/sched/core.c", "wait_task_inactive",
        "if (match_state && unlikely(READ_ONCE(p->__state) != match_state))",
        "while (task_running(rq, p)) {",
        "if (unlikely(queued)) {",
        "set_current_state(TASK_UNINTERRUPTIBLE);",
        "schedule_hrtimeout(&to, HRTIMER_MODE_REL);",
        "#2 continue;",
        "return ncsw;");
    static final int RECHECK = 0, RUNNING = 1, QUEUED = 2, SET_STATE = 3, HRTIMEOUT = 4, CONTINUE = 5,
        RETURN = 6;
    private final int task;
    private final int state;
    private long ncsw;

    public WaitTaskInactive(int task, int state) {
        super(CODE);
        this.task = task;
        this.state = state;
        this.pc = RUNNING;
    }

    @Override
    public void step(Exec x) {
        TaskStruct p = x.m.task(task);
        switch (pc) {
            case RECHECK:
                if (p.state != state) {
                    x.ret(0);
                    return;
                }
                x.spin();
                pc = RUNNING;
                return;
            case RUNNING:
                pc = p.onCpu ? RECHECK : QUEUED;
                return;
            case QUEUED:
                ncsw = p.state == state ? 1 : 0;
                pc = ncsw != 0 && p.se.onRq ? SET_STATE : RETURN;
                return;
            case SET_STATE:
                x.cur.state = TaskState.TASK_UNINTERRUPTIBLE;
                pc = HRTIMEOUT;
                return;
            case HRTIMEOUT:
                Timers.armHrtimer(x.m, x.cur, x.rq.cpu, x.m.now + 1_000_000_000L / x.m.config.hz);
                pc = CONTINUE;
                x.call(new kthreadlab.sched.core.Schedule());
                return;
            case CONTINUE:
                x.cur.timerArmed = false;
                pc = RUNNING;
                return;
            default:
                x.ret(ncsw);
        }
    }
}
