package kthreadlab.state;

/** A cpumask for up to 256 CPUs. Immutable: operations return new masks. */
public final class CpuMask {
    public static final int MAX_CPUS = 256;
    private final long[] bits;

    private CpuMask(long[] bits) {
        this.bits = bits;
    }

    public static CpuMask none() {
        return new CpuMask(new long[MAX_CPUS / 64]);
    }

    public static CpuMask first(int n) {
        long[] b = new long[MAX_CPUS / 64];
        for (int i = 0; i < n; i++) {
            b[i >> 6] |= 1L << (i & 63);
        }
        return new CpuMask(b);
    }

    public static CpuMask of(int cpu) {
        return none().with(cpu);
    }

    public boolean test(int cpu) {
        return (bits[cpu >> 6] & (1L << (cpu & 63))) != 0;
    }

    public CpuMask with(int cpu) {
        long[] b = bits.clone();
        b[cpu >> 6] |= 1L << (cpu & 63);
        return new CpuMask(b);
    }

    public CpuMask without(int cpu) {
        long[] b = bits.clone();
        b[cpu >> 6] &= ~(1L << (cpu & 63));
        return new CpuMask(b);
    }

    public int weight() {
        int n = 0;
        for (long w : bits) {
            n += Long.bitCount(w);
        }
        return n;
    }

    public int firstSet() {
        for (int i = 0; i < MAX_CPUS; i++) {
            if (test(i)) {
                return i;
            }
        }
        return -1;
    }

    /** The list form /proc prints in Cpus_allowed_list, e.g. "0-1,3". */
    public String toList() {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < MAX_CPUS) {
            if (!test(i)) {
                i++;
                continue;
            }
            int j = i;
            while (j + 1 < MAX_CPUS && test(j + 1)) {
                j++;
            }
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(i);
            if (j > i) {
                sb.append('-').append(j);
            }
            i = j + 1;
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CpuMask && java.util.Arrays.equals(bits, ((CpuMask) o).bits);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(bits);
    }
}
