package kthreadlab.workqueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kthreadlab.engine.Machine;
import kthreadlab.engine.SimRun;
import kthreadlab.engine.TaskStruct;
import kthreadlab.state.TaskState;
import kthreadlab.state.Worker;
import kthreadlab.state.Workqueue;
import kthreadlab.trace.TraceEvent;
import org.junit.jupiter.api.Test;

/** The v5.15 boot's workqueue threads are real rescuers and kworkers, made by the kernel's own path. */
class BootWorkqueueThreadsTest {
    static final SimRun BOOT = SimRun.preset("boot-v5.15");

    @Test
    void everyMemReclaimWorkqueueHasItsRescuerNamedAfterIt() {
        Machine m = BOOT.machine;
        assertNull(m.bug);
        String[] rescued = {"rcu_gp", "rcu_par_gp", "slub_flushwq", "netns", "mm_percpu_wq", "inet_frag_wq",
            "writeback"};
        for (String name : rescued) {
            Workqueue q = m.wq.byName(name);
            assertNotNull(q, name);
            assertTrue((q.flags & Workqueue.WQ_MEM_RECLAIM) != 0, name);
            Worker w = m.wq.worker(q.rescuer);
            TaskStruct t = m.task(w.task);
            assertEquals(name, t.comm);
            assertTrue(runs(t, "rescuer_thread"), WorkqueueLifecycleTest.stack(t));
            assertEquals(100, t.prio, name + ": RESCUER_NICE_LEVEL, ps shows '<'");
            assertEquals("I", TaskState.letter(t.state), WorkqueueLifecycleTest.stack(t));
        }
        assertEquals(-1, m.wq.byName("events").rescuer, "system_wq has no WQ_MEM_RECLAIM");
    }

    @Test
    void kworkersBelongToThePoolTheirNameSays() {
        Machine m = BOOT.machine;
        String[] names = {"kworker/0:0", "kworker/0:0H", "kworker/u4:0", "kworker/0:1", "kworker/1:0", "kworker/1:0H"};
        int[] pools = {0, 1, 4, 0, 2, 3};
        for (int i = 0; i < names.length; i++) {
            TaskStruct t = m.findByComm(names[i]);
            assertNotNull(t, names[i]);
            Worker w = m.wq.workerOfTask(t.id);
            assertNotNull(w, names[i] + " is a worker");
            assertEquals(pools[i], w.pool, names[i]);
            assertTrue(runs(t, "worker_thread"), WorkqueueLifecycleTest.stack(t));
            assertTrue(w.idle(), names[i] + " idles after boot");
        }
        assertEquals(2, m.wq.pool(0).nrWorkers, "CPU 0's normal pool grew to two workers");
    }

    @Test
    void theFirstQueuedItemMakesKworker00CreateKworker01() {
        TaskStruct k00 = BOOT.machine.findByComm("kworker/0:0");
        int rename = -1;
        for (TraceEvent e : BOOT.tracepoints()) {
            if (e.name.equals("task_rename") && e.args.contains("newcomm=kworker/0:1")) {
                assertEquals(k00.pid, e.pid, "kworker/0:1 is named by its creator, kworker/0:0");
                assertEquals(17, Integer.parseInt(e.args.substring(4, e.args.indexOf(' '))));
                rename++;
            }
        }
        assertEquals(0, rename, "one kworker/0:1");
    }

    static boolean runs(TaskStruct t, String function) {
        for (kthreadlab.engine.Frame f : t.stack) {
            if (f.code().function.equals(function)) {
                return true;
            }
        }
        return false;
    }
}
