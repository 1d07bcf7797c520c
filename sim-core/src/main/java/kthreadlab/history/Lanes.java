package kthreadlab.history;

/**
 * What ran when on each CPU: per CPU, the segments of consecutive steps of one task, in time
 * order. A segment ends where its last statement ends; a gap between segments is time the CPU
 * was halted (idle, taking no steps).
 */
public final class Lanes {
    private final IntColumn[] task;
    private final LongColumn[] start;
    private final LongColumn[] end;

    Lanes(int cpus) {
        task = new IntColumn[cpus];
        start = new LongColumn[cpus];
        end = new LongColumn[cpus];
        for (int c = 0; c < cpus; c++) {
            task[c] = new IntColumn();
            start[c] = new LongColumn();
            end[c] = new LongColumn();
        }
    }

    /** A step ran task `t` on `cpu` from `from` to `to` (ns). */
    void add(int cpu, int t, long from, long to) {
        int n = task[cpu].size();
        if (n > 0 && task[cpu].get(n - 1) == t && end[cpu].get(n - 1) == from) {
            end[cpu].setLast(to);
            return;
        }
        task[cpu].add(t);
        start[cpu].add(from);
        end[cpu].add(to);
    }

    public int cpus() {
        return task.length;
    }

    /** Number of segments on this CPU. */
    public int count(int cpu) {
        return task[cpu].size();
    }

    /** The task id that ran in segment i. */
    public int task(int cpu, int i) {
        return task[cpu].get(i);
    }

    public long start(int cpu, int i) {
        return start[cpu].get(i);
    }

    public long end(int cpu, int i) {
        return end[cpu].get(i);
    }

    /** Index of the first segment on this CPU that ends after time t (count(cpu) if none). */
    public int firstEndingAfter(int cpu, long t) {
        int lo = 0;
        int hi = count(cpu);
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (end[cpu].get(mid) > t) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
