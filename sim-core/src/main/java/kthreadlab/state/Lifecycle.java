package kthreadlab.state;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import kthreadlab.format.Time;

/**
 * A create info's lifecycle: lines "TIME what", stored as the time and the text and formatted
 * only when read (formatting a time at every note was a measurable share of a large run).
 */
public final class Lifecycle extends AbstractList<String> {
    private final List<Long> times = new ArrayList<>();
    private final List<String> whats = new ArrayList<>();

    /** Appends a line stamped with simulated time `ns`. */
    public void note(long ns, String what) {
        times.add(ns);
        whats.add(what);
    }

    void copyFrom(Lifecycle o) {
        times.addAll(o.times);
        whats.addAll(o.whats);
    }

    @Override
    public String get(int i) {
        return Time.format(times.get(i)) + " " + whats.get(i);
    }

    @Override
    public int size() {
        return whats.size();
    }
}
