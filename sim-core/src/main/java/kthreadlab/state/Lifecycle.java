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
        return line(times.get(i), whats.get(i));
    }

    @Override
    public int size() {
        return whats.size();
    }

    /**
     * The lines so far, fixed: a copy of the times and texts, formatted only when a line is read
     * (a snapshot takes one of every create info at every step; few of them are ever drawn).
     */
    public Lines lines() {
        return new Lines(new ArrayList<>(times), new ArrayList<>(whats));
    }

    private static String line(long ns, String what) {
        return Time.format(ns) + " " + what;
    }

    /** A lifecycle's lines at one moment, immutable; each line formatted once, when first read. */
    public static final class Lines extends AbstractList<String> {
        private final List<Long> times;
        private final List<String> whats;
        private final String[] text;

        private Lines(List<Long> times, List<String> whats) {
            this.times = times;
            this.whats = whats;
            this.text = new String[whats.size()];
        }

        @Override
        public String get(int i) {
            String t = text[i];
            if (t == null) {
                t = line(times.get(i), whats.get(i));
                text[i] = t;
            }
            return t;
        }

        @Override
        public int size() {
            return text.length;
        }

        /**
         * How many lines, from the first, read the same in both. The stored time and text are
         * compared first, so that equal lines are not formatted; only where those differ are the
         * formatted lines compared (two times can print alike).
         */
        public int sameLines(Lines b) {
            int n = Math.min(text.length, b.text.length);
            for (int i = 0; i < n; i++) {
                boolean raw = times.get(i).longValue() == b.times.get(i).longValue() && whats.get(i).equals(b.whats.get(i));
                if (!raw && !get(i).equals(b.get(i))) {
                    return i;
                }
            }
            return n;
        }

        /** Equal as lists of strings (between two Lines, without formatting the lines that are stored alike). */
        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Lines)) {
                return super.equals(o);
            }
            Lines b = (Lines) o;
            return b.size() == size() && sameLines(b) == size();
        }

        @Override
        public int hashCode() {
            return super.hashCode();
        }
    }
}
