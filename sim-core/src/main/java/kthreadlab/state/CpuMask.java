package kthreadlab.state;

/**
 * A cpumask for up to 256 CPUs. Immutable: operations return new masks. Held in 32-bit words and
 * with its weight counted once, when it is made: the page runs this code as JavaScript, where a
 * Java long is a slow BigInt and masks are tested at every wakeup.
 */
public final class CpuMask {
    public static final int MAX_CPUS = 256;
    private static final int WORDS = MAX_CPUS / 32;
    private final int[] bits;
    private final int weight;

    private CpuMask(int[] bits) {
        this.bits = bits;
        int n = 0;
        for (int w : bits) {
            n += Integer.bitCount(w);
        }
        this.weight = n;
    }

    public static CpuMask none() {
        return new CpuMask(new int[WORDS]);
    }

    public static CpuMask first(int n) {
        int[] b = new int[WORDS];
        for (int i = 0; i < n; i++) {
            b[i >> 5] |= 1 << (i & 31);
        }
        return new CpuMask(b);
    }

    public static CpuMask of(int cpu) {
        return none().with(cpu);
    }

    public boolean test(int cpu) {
        return (bits[cpu >> 5] & (1 << (cpu & 31))) != 0;
    }

    public CpuMask with(int cpu) {
        int[] b = bits.clone();
        b[cpu >> 5] |= 1 << (cpu & 31);
        return new CpuMask(b);
    }

    public CpuMask without(int cpu) {
        int[] b = bits.clone();
        b[cpu >> 5] &= ~(1 << (cpu & 31));
        return new CpuMask(b);
    }

    public int weight() {
        return weight;
    }

    public int firstSet() {
        for (int w = 0; w < WORDS; w++) {
            if (bits[w] != 0) {
                return w * 32 + Integer.numberOfTrailingZeros(bits[w]);
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
