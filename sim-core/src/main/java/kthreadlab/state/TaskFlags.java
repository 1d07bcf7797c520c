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

    public static String describe(int flags) {
        StringBuilder sb = new StringBuilder();
        append(sb, flags, PF_IDLE, "PF_IDLE");
        append(sb, flags, PF_EXITING, "PF_EXITING");
        append(sb, flags, PF_WQ_WORKER, "PF_WQ_WORKER");
        append(sb, flags, PF_FORKNOEXEC, "PF_FORKNOEXEC");
        append(sb, flags, PF_NOFREEZE, "PF_NOFREEZE");
        append(sb, flags, PF_KTHREAD, "PF_KTHREAD");
        append(sb, flags, PF_NO_SETAFFINITY, "PF_NO_SETAFFINITY");
        return sb.toString();
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
