package kthreadlab.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kthreadlab.engine.SimRun;
import org.junit.jupiter.api.Test;

/**
 * The five flag characters as the kernel computes them (tracing_gen_ctx: irqs-off, need-resched,
 * hard/softirq, preempt_count's low byte, migrate-disable) for the records a learner compares with
 * a real trace (reference/real-6.1/trace-6.1-run.txt shows the same values on 6.1).
 */
class FtraceFlagsTest {
    static TraceEvent first(List<TraceEvent> ev, String comm, String name, String argsPart) {
        for (TraceEvent e : ev) {
            if ((comm == null || e.comm.equals(comm) || comm.equals("<idle>") && e.comm.startsWith("swapper/"))
                    && e.name.equals(name) && e.args.contains(argsPart)) {
                return e;
            }
        }
        throw new AssertionError("no " + name + " with " + argsPart);
    }

    /** fs/exec.c __set_task_comm: task_lock(tsk) (a spinlock: preempt depth 1) around trace_task_rename. */
    @Test
    void taskRenameIsUnderTaskLock() {
        List<TraceEvent> ev = SimRun.preset("seed").tracepoints();
        assertEquals("...1.", first(ev, "insmod", "task_rename", "newcomm=demo/0").flags);
    }

    /**
     * kernel/sched/core.c:3990 try_to_wake_up: preempt_disable(), then at :4023
     * raw_spin_lock_irqsave(&p->pi_lock): sched_waking (:4028) from a task is `d..2.`; ttwu_queue
     * takes the rq lock before ttwu_do_wakeup's trace_sched_wakeup: depth 3.
     */
    @Test
    void wakeUpProcessHoldsPiLockThenTheRqLock() {
        List<TraceEvent> ev = SimRun.preset("seed").tracepoints();
        assertEquals("d..2.", first(ev, "insmod", "sched_waking", "comm=kthreadd").flags);
        assertTrue(first(ev, "insmod", "sched_wakeup", "comm=kthreadd").flags.matches("d[.N]\\.3\\."));
    }

    /**
     * A timer's process_timeout (kernel/time/timer.c:1807) runs in the timer softirq;
     * from the idle task, whose preempt count is 1, sched_waking is `d.s3.` and sched_wakeup `dNs4.`,
     * as in the real capture.
     */
    @Test
    void timerWakeupsFromIdleAreSoftirq() {
        List<TraceEvent> ev = SimRun.preset("run-stop").tracepoints();
        TraceEvent waking = first(ev, "<idle>", "sched_waking", "comm=demo/0");
        assertEquals("d.s3.", waking.flags);
        assertEquals("dNs4.", ev.get(ev.indexOf(waking) + 1).flags);
    }
}
