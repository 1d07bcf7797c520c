package kthreadlab.state;

/** struct sched_entity: CFS bookkeeping of one task. */
public final class SchedEntity implements Cloneable {
    public long weight = Weights.NICE_0_LOAD;
    public long vruntime;
    public long execStart;
    public long sumExecRuntime;
    public long prevSumExecRuntime;
    public boolean onRq;

    public SchedEntity copy() {
        try {
            return (SchedEntity) clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
