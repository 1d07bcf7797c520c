package kthreadlab.state;

import java.util.ArrayList;
import java.util.List;

/** struct completion (swait based since v5.7): a done count and a FIFO of waiting task ids. */
public final class Completion {
    public static final long UINT_MAX = 0xFFFFFFFFL;
    public final int id;
    /** What this completion is, e.g. "create->done of insmod" or "demo/0 ->exited". */
    public final String label;
    public long done;
    public final List<Integer> waiters;

    public Completion(int id, String label) {
        this.id = id;
        this.label = label;
        this.waiters = new ArrayList<>();
    }

    private Completion(Completion o) {
        this.id = o.id;
        this.label = o.label;
        this.done = o.done;
        this.waiters = new ArrayList<>(o.waiters);
    }

    public Completion copy() {
        return new Completion(this);
    }

    /** Whether o holds what this one holds (a copy of one of them would equal the other). */
    public boolean sameAs(Completion o) {
        return id == o.id && done == o.done && label.equals(o.label) && waiters.equals(o.waiters);
    }
}
