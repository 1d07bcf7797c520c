package kthreadlab.state;

/** struct workqueue_struct: a named front end that feeds work items to pools. */
public final class Workqueue {
    public static final int WQ_UNBOUND = 1 << 1;
    public static final int WQ_FREEZABLE = 1 << 2;
    public static final int WQ_MEM_RECLAIM = 1 << 3;
    public static final int WQ_HIGHPRI = 1 << 4;
    public static final int WQ_CPU_INTENSIVE = 1 << 5;
    public static final int WQ_POWER_EFFICIENT = 1 << 7;
    /** WQ_DFL_ACTIVE: max_active when 0 is asked for. */
    public static final int WQ_DFL_ACTIVE = 256;

    public final int id;
    public final String name;
    public final int flags;
    public final int maxActive;
    /** For a per-CPU workqueue the pool of CPU c is pools[c]; an unbound one uses pools[0] on every CPU. */
    public final int[] pools;
    public int rescuer = -1;
    public boolean destroyed;
    /** wq->maydays: the pools (a pwq is this workqueue on a pool) that asked the rescuer for help, in order. */
    public java.util.List<Integer> maydays = new java.util.ArrayList<>();

    public Workqueue(int id, String name, int flags, int maxActive, int[] pools) {
        this.id = id;
        this.name = name;
        this.flags = flags;
        this.maxActive = maxActive;
        this.pools = pools.clone();
    }

    public boolean unbound() {
        return (flags & WQ_UNBOUND) != 0;
    }

    /** The pool a work item queued from `cpu` goes to. */
    public int poolFor(int cpu) {
        return unbound() ? pools[0] : pools[cpu];
    }

    /** The flag names, as alloc_workqueue() is called with them. */
    public static String flagNames(int flags) {
        StringBuilder sb = new StringBuilder();
        String[] names = {"WQ_UNBOUND", "WQ_FREEZABLE", "WQ_MEM_RECLAIM", "WQ_HIGHPRI", "WQ_CPU_INTENSIVE"};
        int[] bits = {WQ_UNBOUND, WQ_FREEZABLE, WQ_MEM_RECLAIM, WQ_HIGHPRI, WQ_CPU_INTENSIVE};
        for (int i = 0; i < bits.length; i++) {
            if ((flags & bits[i]) != 0) {
                sb.append(sb.length() == 0 ? "" : " | ").append(names[i]);
            }
        }
        return sb.length() == 0 ? "0" : sb.toString();
    }

    public Workqueue copy() {
        Workqueue w = new Workqueue(id, name, flags, maxActive, pools);
        w.rescuer = rescuer;
        w.destroyed = destroyed;
        w.maydays = new java.util.ArrayList<>(maydays);
        return w;
    }
}
