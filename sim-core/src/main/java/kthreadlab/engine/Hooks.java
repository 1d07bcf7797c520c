package kthreadlab.engine;

/**
 * What the engine needs from the kernel, handed to the Machine at boot, so that the engine names no
 * kernel function: the frames an interrupt or a preemption pushes, the handler of timed events, and
 * the thread functions a new task can start in. Implementations hold no state (checkpoints share them).
 */
public interface Hooks {
    /** The timer interrupt's work on a CPU whose tick is due: scheduler_tick(). */
    Frame tick();

    /** Preemption on return from an interrupt (irq exit, a resched IPI): preempt_schedule_irq(). */
    Frame preemptIrq();

    /** Preemption at preempt_enable() dropping the count to 0 with a resched pending: preempt_schedule(). */
    Frame preemptEnable();

    /** A timed event other than the tick (Event.TIMER, Event.ACTION) falls due. */
    void dispatch(Machine m, Event e);

    /** The frame a new task runs after schedule_tail(): fn(arg) of kernel_thread, or a kthread's threadfn. */
    Frame threadFn(String fn, long arg);

    /** wq_worker_sleeping(task): a workqueue worker is about to block (from sched_submit_work). */
    Frame wqWorkerSleeping(int task);

    /** wq_worker_running(task): a workqueue worker runs again after schedule() (from sched_update_worker). */
    Frame wqWorkerRunning(int task);

    /** The function of a work item that process_one_work() calls (worker->current_func(work)). */
    Frame workFn(String fn, int work);
}
