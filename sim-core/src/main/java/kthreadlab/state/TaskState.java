package kthreadlab.state;

/** Values of task_struct::__state (include/linux/sched.h, v5.15) and the letter ps prints for them. */
public final class TaskState {
    public static final int TASK_RUNNING = 0x0000;
    public static final int TASK_INTERRUPTIBLE = 0x0001;
    public static final int TASK_UNINTERRUPTIBLE = 0x0002;
    public static final int __TASK_STOPPED = 0x0004;
    public static final int __TASK_TRACED = 0x0008;
    public static final int EXIT_DEAD = 0x0010;
    public static final int EXIT_ZOMBIE = 0x0020;
    public static final int TASK_PARKED = 0x0040;
    public static final int TASK_DEAD = 0x0080;
    public static final int TASK_WAKEKILL = 0x0100;
    public static final int TASK_WAKING = 0x0200;
    public static final int TASK_NOLOAD = 0x0400;
    public static final int TASK_NEW = 0x0800;
    public static final int TASK_KILLABLE = TASK_WAKEKILL | TASK_UNINTERRUPTIBLE;
    public static final int TASK_IDLE = TASK_UNINTERRUPTIBLE | TASK_NOLOAD;
    public static final int TASK_NORMAL = TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE;

    private TaskState() {
    }

    /**
     * The state letter as ps and sched_switch's prev_state print it (task_state_index order:
     * R S D T t X Z P I). TASK_IDLE prints I; a task that is only WAKING/NEW prints R.
     */
    public static String letter(int state) {
        if (state == TASK_IDLE) {
            return "I";
        }
        if ((state & TASK_INTERRUPTIBLE) != 0) {
            return "S";
        }
        if ((state & TASK_UNINTERRUPTIBLE) != 0) {
            return "D";
        }
        if ((state & __TASK_STOPPED) != 0) {
            return "T";
        }
        if ((state & __TASK_TRACED) != 0) {
            return "t";
        }
        if ((state & (EXIT_DEAD | TASK_DEAD)) != 0) {
            return "X";
        }
        if ((state & EXIT_ZOMBIE) != 0) {
            return "Z";
        }
        if ((state & TASK_PARKED) != 0) {
            return "P";
        }
        return "R";
    }

    /**
     * sched_switch's prev_state (__trace_sched_switch_state, include/trace/events/sched.h): it
     * reports __task_state_index(__state, exit_state), which masks with TASK_REPORT. TASK_DEAD is
     * not in TASK_REPORT, so a dying task's exit_state decides: Z for a zombie, X for EXIT_DEAD.
     */
    public static String switchLetter(int state, int exitState) {
        if ((state & TASK_DEAD) != 0) {
            return (exitState & EXIT_ZOMBIE) != 0 ? "Z" : "X";
        }
        return letter(state);
    }

    /** The kernel's spelling of a state value, e.g. "TASK_KILLABLE" or "TASK_WAKING". */
    public static String name(int state) {
        switch (state) {
            case TASK_RUNNING: return "TASK_RUNNING";
            case TASK_INTERRUPTIBLE: return "TASK_INTERRUPTIBLE";
            case TASK_UNINTERRUPTIBLE: return "TASK_UNINTERRUPTIBLE";
            case TASK_KILLABLE: return "TASK_KILLABLE";
            case TASK_IDLE: return "TASK_IDLE";
            case TASK_PARKED: return "TASK_PARKED";
            case TASK_DEAD: return "TASK_DEAD";
            case TASK_WAKING: return "TASK_WAKING";
            case TASK_NEW: return "TASK_NEW";
            case EXIT_DEAD: return "EXIT_DEAD";
            default: return "0x" + Integer.toHexString(state);
        }
    }
}
