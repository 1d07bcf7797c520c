package kthreadlab.state;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * struct cfs_rq: the runnable CFS entities of one CPU ordered by vruntime (the rbtree), the running
 * one (curr, not in the tree), and min_vruntime, which never decreases.
 * Equal vruntimes keep insertion order, as the kernel's rbtree puts equal keys to the right.
 */
public final class CfsRq {
    /** One rbtree node: a queued task and the key it was inserted with. */
    public static final class Node implements Comparable<Node> {
        public final long vruntime;
        public final long seq;
        public final int task;

        Node(long vruntime, long seq, int task) {
            this.vruntime = vruntime;
            this.seq = seq;
            this.task = task;
        }

        @Override
        public int compareTo(Node o) {
            if (vruntime != o.vruntime) {
                return vruntime < o.vruntime ? -1 : 1;
            }
            return Long.compare(seq, o.seq);
        }
    }

    private TreeSet<Node> timeline = new TreeSet<>();
    private long seq;
    public long minVruntime;
    /** Task id of the running CFS entity, or -1. */
    public int curr = -1;
    /** nr_running: queued entities plus curr while it is on the runqueue. */
    public int nrRunning;
    public long loadWeight;

    public void enqueue(int task, long vruntime) {
        timeline.add(new Node(vruntime, seq++, task));
    }

    public boolean dequeue(int task) {
        for (Node n : timeline) {
            if (n.task == task) {
                timeline.remove(n);
                return true;
            }
        }
        return false;
    }

    /** The leftmost entity, or null when the tree is empty. */
    public Node first() {
        return timeline.isEmpty() ? null : timeline.first();
    }

    public Node second() {
        if (timeline.size() < 2) {
            return null;
        }
        return timeline.higher(timeline.first());
    }

    public boolean contains(int task) {
        for (Node n : timeline) {
            if (n.task == task) {
                return true;
            }
        }
        return false;
    }

    /** The tree in vruntime order. */
    public List<Node> nodes() {
        return new ArrayList<>(timeline);
    }

    public CfsRq copy() {
        CfsRq c = new CfsRq();
        c.timeline = new TreeSet<>(timeline);
        c.seq = seq;
        c.minVruntime = minVruntime;
        c.curr = curr;
        c.nrRunning = nrRunning;
        c.loadWeight = loadWeight;
        return c;
    }
}
