package kthreadlab.state;

/** struct kthread (kernel/kthread.c): what kthread() keeps about itself once it runs. */
public final class Kthread implements Cloneable {
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

    public String describeFlags() {
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

    public Kthread copy() {
        try {
            return (Kthread) clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
