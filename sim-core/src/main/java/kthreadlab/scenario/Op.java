package kthreadlab.scenario;

/**
 * The ops a scenario action can call: the long name (the kernel API, used in scenario files and the
 * editor) and the short one (used in links), in one place. The order is the editor's.
 */
public enum Op {
    KTHREAD_RUN("kthread_run", "run", false),
    KTHREAD_CREATE("kthread_create", "create", false),
    WAKE_UP_PROCESS("wake_up_process", "wake", false),
    KTHREAD_BIND("kthread_bind", "bind", false),
    KTHREAD_STOP("kthread_stop", "stop", false),
    KTHREAD_PARK("kthread_park", "park", false),
    KTHREAD_UNPARK("kthread_unpark", "unpark", false),
    SIGKILL("sigkill", "sigkill", false),
    ALLOC_WORKQUEUE("alloc_workqueue", "allocwq", true),
    QUEUE_WORK("queue_work", "queue", true),
    FLUSH_WORK("flush_work", "flush", true),
    DESTROY_WORKQUEUE("destroy_workqueue", "destroywq", true);

    /** The kernel API's name: "kthread_run". */
    public final String longName;
    /** The link's name: "run". */
    public final String shortName;
    /** Served by the sample module wqdemo.c; needs the "workqueues" boot profile. */
    public final boolean workqueue;

    Op(String longName, String shortName, boolean workqueue) {
        this.longName = longName;
        this.shortName = shortName;
        this.workqueue = workqueue;
    }

    /** The op with this long name, or null. */
    public static Op ofLong(String name) {
        for (Op o : values()) {
            if (o.longName.equals(name)) {
                return o;
            }
        }
        return null;
    }

    /** The op with this short name, or null. */
    public static Op ofShort(String name) {
        for (Op o : values()) {
            if (o.shortName.equals(name)) {
                return o;
            }
        }
        return null;
    }

    /** The long (or short) names of every op (or of the workqueue ops only), in order. */
    static String[] names(boolean shortNames, boolean workqueueOnly) {
        int n = 0;
        for (Op o : values()) {
            n += !workqueueOnly || o.workqueue ? 1 : 0;
        }
        String[] out = new String[n];
        int i = 0;
        for (Op o : values()) {
            if (!workqueueOnly || o.workqueue) {
                out[i++] = shortNames ? o.shortName : o.longName;
            }
        }
        return out;
    }
}
