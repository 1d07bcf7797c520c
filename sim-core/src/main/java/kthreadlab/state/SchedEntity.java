package kthreadlab.state;

/** struct sched_entity: CFS bookkeeping of one task. */
public final class SchedEntity {
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

    /** Every field copied (CheckpointTest checks it): field by field, as Object.clone is slow in TeaVM's JavaScript. */
    public SchedEntity copy() {
        SchedEntity c = new SchedEntity();
        c.weight = weight;
        c.vruntime = vruntime;
        c.execStart = execStart;
        c.sumExecRuntime = sumExecRuntime;
        c.prevSumExecRuntime = prevSumExecRuntime;
        c.onRq = onRq;
        c.inTrees = inTrees;
        return c;
    }
}
