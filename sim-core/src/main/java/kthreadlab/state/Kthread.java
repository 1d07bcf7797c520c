package kthreadlab.state;

/** struct kthread (kernel/kthread.c): what kthread() keeps about itself once it runs. */
public final class Kthread {
    public static final int KTHREAD_IS_PER_CPU = 0;
    public static final int KTHREAD_SHOULD_STOP = 1;
    public static final int KTHREAD_SHOULD_PARK = 2;

    public long flags;
    public int cpu = -1;
    public String threadfn = "";
    public long data;
    /** Completion ids of self->exited and self->parked; -1 until kthread() initialises them. */
    public int exited = -1;
    public int parked = -1;

    public boolean testBit(int bit) {
        return (flags & (1L << bit)) != 0;
    }

    public void setBit(int bit) {
        flags |= 1L << bit;
    }

    public void clearBit(int bit) {
        flags &= ~(1L << bit);
    }

    /** describeFlags() of each combination of the three bits, made on first use (every snapshot asks for it). */
    private static final String[] DESCRIBED = new String[8];

    public String describeFlags() {
        if ((flags & ~7L) != 0) {
            return makeDescription();
        }
        int k = (int) flags;
        if (DESCRIBED[k] == null) {
            DESCRIBED[k] = makeDescription();
        }
        return DESCRIBED[k];
    }

    private String makeDescription() {
        StringBuilder sb = new StringBuilder();
        if (testBit(KTHREAD_IS_PER_CPU)) {
            sb.append("IS_PER_CPU ");
        }
        if (testBit(KTHREAD_SHOULD_STOP)) {
            sb.append("SHOULD_STOP ");
        }
        if (testBit(KTHREAD_SHOULD_PARK)) {
            sb.append("SHOULD_PARK ");
        }
        return sb.toString().trim();
    }

    /** Every field copied (CheckpointTest checks it): field by field, as Object.clone is slow in TeaVM's JavaScript. */
    public Kthread copy() {
        return new Kthread(this);
    }

    public Kthread() {
    }

    private Kthread(Kthread o) {
        this.flags = o.flags;
        this.cpu = o.cpu;
        this.threadfn = o.threadfn;
        this.data = o.data;
        this.exited = o.exited;
        this.parked = o.parked;
    }
}
