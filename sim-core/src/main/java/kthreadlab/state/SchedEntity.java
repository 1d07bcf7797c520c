package kthreadlab.state;

/** struct sched_entity: CFS bookkeeping of one task. */
public final class SchedEntity implements Cloneable {
    public long weight = Weights.NICE_0_LOAD;
    public long vruntime;
    public long execStart;
    public long sumExecRuntime;
    public long prevSumExecRuntime;
    public boolean onRq;
    /**
     * Nodes of this entity in CFS trees, over all run queues (1 while queued and not running, else
     * 0, when the machine is sound). Kept by sched/fair next to every tree change, so that the
     * invariants read it instead of walking every tree.
     */
    public int inTrees;

    public SchedEntity copy() {
        try {
            return (SchedEntity) clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }
}
