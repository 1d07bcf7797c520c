package kthreadlab.engine;

import kthreadlab.state.CpuMask;

/** The fixed parameters of one simulated machine. */
public final class Config {
    public enum Preempt { NONE, VOLUNTARY, FULL }

    public final int cpus;
    public final int hz;
    public final Preempt preempt;
    /** CPUs named by nohz_full=: removed from housekeeping_cpumask(HK_FLAG_KTHREAD). */
    public final CpuMask nohzFull;

    public Config(int cpus, int hz, Preempt preempt, CpuMask nohzFull) {
        if (cpus < 1 || cpus > CpuMask.MAX_CPUS) {
            throw new IllegalArgumentException("cpus must be 1 to 256: " + cpus);
        }
        this.cpus = cpus;
        this.hz = hz;
        this.preempt = preempt;
        this.nohzFull = nohzFull;
    }

    public long tickNs() {
        return 1_000_000_000L / hz;
    }

    /** housekeeping_cpumask(HK_FLAG_KTHREAD): all possible CPUs but the nohz_full ones. */
    public CpuMask housekeeping() {
        CpuMask m = CpuMask.first(cpus);
        for (int c = 0; c < cpus; c++) {
            if (nohzFull.test(c)) {
                m = m.without(c);
            }
        }
        return m.weight() == 0 ? CpuMask.first(cpus) : m;
    }
}
