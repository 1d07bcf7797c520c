package kthreadlab.engine;

/**
 * The simulator's only source of chance: SplitMix64, seeded from the scenario.
 * Gives the same sequence on the JVM and in TeaVM-compiled JavaScript
 * (java.util.Random does not).
 */
public final class Rng {
    private long state;

    public Rng(long seed) {
        this.state = seed;
    }

    public long nextLong() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, bound); bound must be positive. */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        return (int) Long.remainderUnsigned(nextLong(), bound);
    }

    public Rng copy() {
        Rng r = new Rng(0);
        r.state = state;
        return r;
    }
}
