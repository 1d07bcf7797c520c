package kthreadlab.engine;

/**
 * What each kind of step costs in simulated nanoseconds: the one place these figures live.
 * Chosen so that a kthread_run round trip (request, fork, first run of kthread(), completion,
 * rename, wake-up) takes a few tens of microseconds, as on a real machine.
 */
public final class StepCost {
    /** An ordinary statement. */
    public static final long STATEMENT = 100;
    /** Taking or releasing a lock, an atomic exchange. */
    public static final long LOCK = 60;
    /** One spin of a CPU waiting for a spinlock (or for on_cpu to clear). */
    public static final long SPIN = 40;
    /** Allocating and copying a task_struct and its stack (dup_task_struct and friends). */
    public static final long DUP_TASK_STRUCT = 4000;
    /** kmalloc/kzalloc of a small object. */
    public static final long KMALLOC = 200;
    /** switch_to: registers, stack pointer, lazy TLB. */
    public static final long CONTEXT_SWITCH = 1500;
    /** A reschedule IPI reaching an idle CPU and getting it out of its idle state. */
    public static final long IPI_WAKE = 2000;
    /** One pass of a thread function's own work (a "do_some_work()" in the samples). */
    public static final long WORK = 50_000;

    private StepCost() {
    }
}
