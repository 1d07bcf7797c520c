package kthreadlab.state;

import java.util.ArrayList;
import java.util.List;

/** A spinlock_t: one holder at most; other CPUs that want it spin, and the spinning shows. */
public final class Spinlock {
    public final String name;
    /** Holder task id and CPU, or -1 when free. */
    public int holderTask = -1;
    public int holderCpu = -1;
    /** CPUs currently spinning on this lock, in the order they started. */
    public final List<Integer> spinners;

    public Spinlock(String name) {
        this.name = name;
        this.spinners = new ArrayList<>();
    }

    private Spinlock(Spinlock o) {
        this.name = o.name;
        this.holderTask = o.holderTask;
        this.holderCpu = o.holderCpu;
        this.spinners = new ArrayList<>(o.spinners);
    }

    public boolean isLocked() {
        return holderTask >= 0;
    }

    public Spinlock copy() {
        return new Spinlock(this);
    }
}
