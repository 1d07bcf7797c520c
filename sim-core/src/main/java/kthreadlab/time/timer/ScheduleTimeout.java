package kthreadlab.time.timer;

import kthreadlab.engine.Code;
import kthreadlab.engine.Event;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.engine.Machine;
import kthreadlab.sched.core.Schedule;
import kthreadlab.state.TaskState;

/**
 * schedule_timeout(timeout) (kernel/time/timer.c): arm a timer that will wake_up_process() this
 * task at jiffies + timeout, schedule(), then cancel the timer and return the jiffies left.
 * The caller has already set the sleep state. MAX_SCHEDULE_TIMEOUT means no timer at all.
 * With interruptible=true it is schedule_timeout_interruptible(), which sets the state itself.
 */
public final class ScheduleTimeout extends Frame {
    public static final long MAX_SCHEDULE_TIMEOUT = Long.MAX_VALUE;
    static final Code CODE = new Code("kernel/time/timer.c", "schedule_timeout",
        "switch (timeout)",
        "#1 schedule();",
        "expire = timeout + jiffies;",
        "__mod_timer(&timer.timer, expire, MOD_TIMER_NOTPENDING);",
        "#2 schedule();",
        "del_singleshot_timer_sync(&timer.timer);",
        "timeout = expire - jiffies;",
        "return timeout < 0 ? 0 : timeout;");
    static final Code INTERRUPTIBLE = new Code("kernel/time/timer.c", "schedule_timeout_interruptible",
        "__set_current_state(TASK_INTERRUPTIBLE);",
        "return schedule_timeout(timeout);");

    private final long timeout;
    private final boolean interruptible;
    private long expire;

    public ScheduleTimeout(long timeout) {
        this(timeout, false);
    }

    public ScheduleTimeout(long timeout, boolean interruptible) {
        this.timeout = timeout;
        this.interruptible = interruptible;
    }

    @Override
    public Code code() {
        return interruptible ? INTERRUPTIBLE : CODE;
    }

    @Override
    public String detail() {
        return timeout == MAX_SCHEDULE_TIMEOUT ? "MAX_SCHEDULE_TIMEOUT" : timeout + " jiffies";
    }

    @Override
    public void step(Exec x) {
        Machine m = x.m;
        if (interruptible) {
            if (pc == 0) {
                x.cur.state = TaskState.TASK_INTERRUPTIBLE;
                pc = 1;
            } else {
                x.callAndReturn(new ScheduleTimeout(timeout, false));
            }
            return;
        }
        long tick = m.config.tickNs();
        switch (pc) {
            case 0:
                pc = timeout == MAX_SCHEDULE_TIMEOUT ? 1 : 2;
                return;
            case 1:
                pc = 7;
                x.call(new Schedule());
                return;
            case 2:
                expire = m.now / tick + timeout;
                pc = 3;
                return;
            case 3:
                x.cur.timerArmed = true;
                x.cur.timerGeneration++;
                x.cur.timerCpu = Timers.nohzTimerTarget(m, x.rq.cpu);
                x.cur.timerHard = false;
                m.post(expire * tick, Event.TIMER, x.cur.id, x.cur.timerGeneration);
                pc = 4;
                return;
            case 4:
                pc = 5;
                x.call(new Schedule());
                return;
            case 5:
                x.cur.timerArmed = false;
                pc = 6;
                return;
            case 6:
                pc = 7;
                return;
            default:
                long left = timeout == MAX_SCHEDULE_TIMEOUT ? timeout : expire - m.now / tick;
                x.ret(Math.max(0, left));
        }
    }
}
