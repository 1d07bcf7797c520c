package kthreadlab.history;

import kthreadlab.snapshot.Snapshot;

/** Every field of a snapshot as text, so two views can be compared exactly. */
final class Describe {
    private Describe() {
    }

    static String of(Snapshot s) {
        StringBuilder sb = new StringBuilder();
        sb.append("step ").append(s.step).append(" t=").append(s.timeNs).append(" bug=").append(s.bug)
            .append(" last=").append(s.lastCpu).append('/').append(s.lastTask).append(' ').append(s.lastFile)
            .append(':').append(s.lastFunction).append(':').append(s.lastText).append('#').append(s.lastOccurrence)
            .append('\n');
        for (Snapshot.CpuView c : s.cpus) {
            sb.append("cpu ").append(c.cpu).append(" curr=").append(c.curr).append(" pc=").append(c.preemptCount)
                .append(" nr=").append(c.needResched).append(" halted=").append(c.halted).append(" online=")
                .append(c.online).append(" irqsOff=").append(c.irqsOff).append(" minv=").append(c.minVruntime)
                .append(" nrRunning=").append(c.nrRunning).append(" q=");
            for (Snapshot.QueuedView q : c.queue) {
                sb.append(q.task).append('@').append(q.vruntime).append(',');
            }
            sb.append('\n');
        }
        for (Snapshot.TaskView t : s.tasks) {
            sb.append("task ").append(t.id).append(' ').append(t.pid).append(' ').append(t.ppid).append(' ')
                .append(t.comm).append(' ').append(t.state).append(' ').append(t.stateName).append(' ').append(t.cpu)
                .append(' ').append(t.running).append(' ').append(t.onRq).append(' ').append(t.vruntime).append(' ')
                .append(t.flags).append(' ').append(t.kthreadFlags).append(' ').append(t.dead).append(" [");
            for (Snapshot.FrameView f : t.frames) {
                sb.append(f.file).append(':').append(f.function).append(':').append(f.text).append('#')
                    .append(f.occurrence).append(':').append(f.detail).append(" | ");
            }
            sb.append("]\n");
        }
        sb.append("list ").append(s.createList).append(" lock ").append(s.lockHolder).append('/')
            .append(s.lockHolderCpu).append(' ').append(s.lockSpinners).append('\n');
        for (Snapshot.CompletionView c : s.completions) {
            sb.append("completion ").append(c.id).append(' ').append(c.label).append(' ').append(c.done).append(' ')
                .append(c.waiters).append('\n');
        }
        for (Snapshot.CreateView k : s.creates) {
            sb.append("create ").append(k.id).append(' ').append(k.threadfn).append(' ').append(k.name).append(' ')
                .append(k.stage).append(' ').append(k.done).append(' ').append(k.result).append(' ').append(k.creator)
                .append(' ').append(k.history).append('\n');
        }
        return sb.toString();
    }

    /** The description, or the exception the snapshot threw (the simulator may be mid-change). */
    static String safe(java.util.function.Supplier<Snapshot> s) {
        try {
            return of(s.get());
        } catch (RuntimeException e) {
            return "snapshot failed: " + e;
        }
    }
}
