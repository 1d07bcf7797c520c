package kthreadlab.state;

/** task_struct::flags bits (include/linux/sched.h, v5.15) that the simulator uses. */
public final class TaskFlags {
    public static final int PF_IDLE = 0x00000002;
    public static final int PF_EXITING = 0x00000004;
    public static final int PF_WQ_WORKER = 0x00000020;
    public static final int PF_FORKNOEXEC = 0x00000040;
    public static final int PF_NOFREEZE = 0x00008000;
    public static final int PF_KTHREAD = 0x00200000;
    public static final int PF_NO_SETAFFINITY = 0x04000000;

    private TaskFlags() {
    }

    /** The flags describe() names, in the order it names them. */
    private static final int[] NAMED = {PF_IDLE, PF_EXITING, PF_WQ_WORKER, PF_FORKNOEXEC, PF_NOFREEZE, PF_KTHREAD,
        PF_NO_SETAFFINITY};
    private static final String[] NAMES = {"PF_IDLE", "PF_EXITING", "PF_WQ_WORKER", "PF_FORKNOEXEC", "PF_NOFREEZE",
        "PF_KTHREAD", "PF_NO_SETAFFINITY"};
    /** describe() of each subset of NAMED (bit k: NAMED[k]), made on first use: every snapshot describes every task. */
    private static final String[] DESCRIBED = new String[1 << NAMED.length];

    public static String describe(int flags) {
        int subset = 0;
        for (int k = 0; k < NAMED.length; k++) {
            if ((flags & NAMED[k]) != 0) {
                subset |= 1 << k;
            }
        }
        String d = DESCRIBED[subset];
        if (d == null) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < NAMED.length; k++) {
                append(sb, flags, NAMED[k], NAMES[k]);
            }
            d = sb.toString();
            DESCRIBED[subset] = d;
        }
        return d;
    }

    private static void append(StringBuilder sb, int flags, int bit, String name) {
        if ((flags & bit) != 0) {
            if (sb.length() > 0) {
                sb.append('|');
            }
            sb.append(name);
        }
    }
}
