package kthreadlab.time.timer;

import kthreadlab.engine.Code;
import kthreadlab.engine.Event;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.engine.Machine;
import kthreadlab.sched.core.Schedule;

/**
 * schedule_timeout(timeout) (kernel/time/timer.c): arm a timer that will wake_up_process() this
 * task at jiffies + timeout, schedule(), then cancel the timer and return the jiffies left.
 * The caller has already set the sleep state. MAX_SCHEDULE_TIMEOUT means no timer at all.
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
    static final int SWITCH = 0, SCHEDULE_MAX = 1, EXPIRE = 2, MOD_TIMER = 3, SCHEDULE = 4, DEL_TIMER = 5,
        TIMEOUT_LEFT = 6, RETURN = 7;

    private final long timeout;
    private long expire;

    public ScheduleTimeout(long timeout) {
        super(CODE);
        this.timeout = timeout;
    }

    @Override
    public String detail() {
        return describe(timeout);
    }

    /** The call stack's words for a timeout in jiffies. */
    static String describe(long timeout) {
        return timeout == MAX_SCHEDULE_TIMEOUT ? "MAX_SCHEDULE_TIMEOUT" : timeout + " jiffies";
    }

    @Override
    public void step(Exec x) {
        Machine m = x.m;
        long tick = m.config.tickNs();
        switch (pc) {
            case SWITCH:
                pc = timeout == MAX_SCHEDULE_TIMEOUT ? SCHEDULE_MAX : EXPIRE;
                return;
            case SCHEDULE_MAX:
                pc = RETURN;
                x.call(new Schedule());
                return;
            case EXPIRE:
                expire = m.now / tick + timeout;
                pc = MOD_TIMER;
                return;
            case MOD_TIMER:
                x.cur.timerArmed = true;
                x.cur.timerGeneration++;
                x.cur.timerCpu = Timers.nohzTimerTarget(m, x.rq.cpu);
                x.cur.timerHard = false;
                m.post(expire * tick, Event.TIMER, x.cur.id, x.cur.timerGeneration);
                pc = SCHEDULE;
                return;
            case SCHEDULE:
                pc = DEL_TIMER;
                x.call(new Schedule());
                return;
            case DEL_TIMER:
                x.cur.timerArmed = false;
                pc = TIMEOUT_LEFT;
                return;
            case TIMEOUT_LEFT:
                pc = RETURN;
                return;
            default:
                long left = timeout == MAX_SCHEDULE_TIMEOUT ? timeout : expire - m.now / tick;
                x.ret(Math.max(0, left));
        }
    }
}
