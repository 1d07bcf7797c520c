package kthreadlab.workqueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kthreadlab.engine.Machine;
import kthreadlab.engine.SimRun;
import kthreadlab.engine.TaskStruct;
import kthreadlab.state.TaskState;
import kthreadlab.state.Worker;
import kthreadlab.trace.TraceEvent;
import org.junit.jupiter.api.Test;

/** wq-mayday: a pool that cannot create a worker sends a mayday, and the rescuer runs the item. */
class MaydayTest {
    static final SimRun RUN = SimRun.preset("wq-mayday");

    @Test
    void theRescuerRunsTheItemOnceAndNoKworkerIsCreated() {
        Machine m = RUN.machine;
        assertNull(m.bug);
        List<TraceEvent> tp = RUN.tracepoints();
        int starts = 0;
        for (TraceEvent e : tp) {
            if (e.name.equals("workqueue_execute_start") && e.args.contains("short_work_fn")) {
                assertEquals("reclaim_wq", e.comm, "the rescuer, not a kworker, runs the item");
                assertEquals(1, e.cpu, "on the pool's CPU");
                starts++;
            }
            assertTrue(!(e.name.equals("task_rename") && e.args.contains("newcomm=kworker/1:1")),
                "creation fails: no kworker/1:1");
        }
        assertEquals(1, starts);
        assertEquals(1, m.wq.pool(m.wq.cpuPool(1, false)).nrWorkers);
    }

    @Test
    void theMaydayComesAfterMaydayInitialTimeoutAndTheManagerRetriesAfterTheCooldown() {
        List<TraceEvent> tp = RUN.tracepoints();
        long queued = -1;
        long rescued = -1;
        long retried = -1;
        for (TraceEvent e : tp) {
            if (e.name.equals("workqueue_queue_work")) {
                queued = e.timeNs;
            } else if (e.name.equals("sched_waking") && e.args.startsWith("comm=reclaim_wq") && queued >= 0
                    && rescued < 0) {
                rescued = e.timeNs;
                assertEquals("d.s3.", e.flags, "woken from the timer softirq");
            } else if (e.name.equals("sched_waking") && e.args.startsWith("comm=kworker/1:0") && rescued >= 0) {
                retried = e.timeNs;
            }
        }
        assertEquals(8_000_000, rescued, "MAYDAY_INITIAL_TIMEOUT: 2 jiffies after the manager armed it (HZ=250)");
        assertEquals(1_000_000_000, retried, "CREATE_COOLDOWN: one second (HZ jiffies)");
    }

    @Test
    void afterwardsTheRescuerIdlesDetachedAndTheManagerIsIdleAgain() {
        Machine m = RUN.machine;
        TaskStruct r = m.findByComm("reclaim_wq");
        Worker w = m.wq.workerOfTask(r.id);
        assertEquals(-1, w.pool, "detached");
        assertTrue(w.scheduled.isEmpty());
        assertEquals("I", TaskState.letter(r.state), WorkqueueLifecycleTest.stack(r));
        assertTrue(m.wq.byName("reclaim_wq").maydays.isEmpty());
        TaskStruct k = m.findByComm("kworker/1:0");
        assertTrue(m.wq.workerOfTask(k.id).idle(), WorkqueueLifecycleTest.stack(k));
        assertTrue(!m.wq.pool(m.wq.cpuPool(1, false)).managerActive);
    }
}
