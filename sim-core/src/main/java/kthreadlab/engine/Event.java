package kthreadlab.engine;

/** A pending timed event, ordered by (time, seq) so that equal times keep their posting order. */
public final class Event implements Comparable<Event> {
    /** The periodic scheduler tick of one CPU. */
    public static final int TICK = 0;
    /** A schedule_timeout() timer expiring: wakes the task. */
    public static final int TIMER = 1;
    /** A scenario action falls due. */
    public static final int ACTION = 2;
    /** A worker pool's idle_timer expiring: idle_worker_timeout() (target: pool id). */
    public static final int WQ_IDLE_TIMER = 3;
    /** A worker pool's mayday_timer expiring: pool_mayday_timeout() (target: pool id). */
    public static final int WQ_MAYDAY_TIMER = 4;

    public final long time;
    public final long seq;
    public final int kind;
    /** CPU for TICK, task id for TIMER, action index for ACTION, pool id for WQ_IDLE_TIMER and WQ_MAYDAY_TIMER. */
    public final int target;
    /** For TIMER and the WQ timers: the timer generation it belongs to (a stale timer is ignored). */
    public final long generation;

    public Event(long time, long seq, int kind, int target, long generation) {
        this.time = time;
        this.seq = seq;
        this.kind = kind;
        this.target = target;
        this.generation = generation;
    }

    @Override
    public int compareTo(Event o) {
        if (time != o.time) {
            return time < o.time ? -1 : 1;
        }
        return Long.compare(seq, o.seq);
    }
}
