package kthreadlab.workqueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import kthreadlab.engine.Machine;
import kthreadlab.engine.SimRun;
import kthreadlab.engine.TaskStruct;
import kthreadlab.scenario.Action;
import kthreadlab.scenario.Scenario;
import kthreadlab.state.Worker;
import kthreadlab.state.WorkerPool;
import kthreadlab.trace.TraceEvent;
import org.junit.jupiter.api.Test;

/** Workqueues as a learner watches them: kworker names, wakeups, pool growth, the idle timer, rescuers. */
class WorkqueueLifecycleTest {
    static final long MS = 1_000_000;

    static Scenario scenario(long until, Action... actions) {
        return new Scenario("test", 2, Collections.emptyList(), 250, "voluntary", "workqueues", until,
            Arrays.asList(actions));
    }

    static Action alloc(long at, String name, String flags) {
        return new Action(at, "insmod", "alloc_workqueue", name, 1, flags, 0, -1, "", "");
    }

    static Action queue(long at, String work, String wq, int cpu) {
        return new Action(at, "insmod", "queue_work", wq, 1, "", 0, cpu, work, "");
    }

    static List<String> comms(Machine m) {
        List<String> out = new ArrayList<>();
        for (TaskStruct t : m.tasks) {
            if (!t.reaped && t.pid > 0) {
                out.add(t.comm);
            }
        }
        return out;
    }

    @Test
    void bootCreatesTheFirstKworkerOfEveryPoolThroughCreateWorker() {
        SimRun r = SimRun.run(scenario(5 * MS));
        assertNull(r.machine.bug);
        List<String> c = comms(r.machine);
        int k0 = c.indexOf("kworker/0:0");
        assertTrue(k0 >= 0, c.toString());
        assertEquals(Arrays.asList("kworker/0:0", "kworker/0:0H", "kworker/1:0", "kworker/1:0H", "kworker/u4:0"),
            c.subList(k0, k0 + 5));
        for (WorkerPool p : r.machine.wq.pools) {
            assertEquals(1, p.nrWorkers, "pool " + p.id);
            assertEquals(1, p.nrIdle, "pool " + p.id);
        }
        TaskStruct h = r.machine.findByComm("kworker/0:0H");
        assertEquals(100, h.prio, "highpri pool: nice -20");
        assertEquals("I", kthreadlab.state.TaskState.letter(h.state), stack(h));
    }

    @Test
    void aQueuedItemWakesTheIdleKworkerWhichRunsItAndShowsTheWorkqueueInPs() {
        SimRun r = SimRun.run(scenario(20 * MS, alloc(1 * MS, "demo_wq", "0"), queue(2 * MS, "short_work", "demo_wq", 1)));
        assertNull(r.machine.bug);
        List<TraceEvent> tp = r.tracepoints();
        int q = find(tp, "workqueue_queue_work", "workqueue=demo_wq req_cpu=1 cpu=1");
        int start = find(tp, "workqueue_execute_start", "function short_work_fn");
        int end = find(tp, "workqueue_execute_end", "function short_work_fn");
        assertTrue(q >= 0 && q < start && start < end, tp.toString());
        assertEquals("kworker/1:0", tp.get(start).comm);
        TaskStruct k = r.machine.findByComm("kworker/1:0");
        assertEquals("kworker/1:0-demo_wq", r.machine.wq.psComm(k.id, k.comm, true));
        assertTrue(comms(r.machine).contains("kworker/1:1"), "the last idle worker made a reserve worker");
    }

    @Test
    void aSleepingItemMakesThePoolWakeAnotherWorkerForTheNextItem() {
        SimRun r = SimRun.run(scenario(60 * MS, alloc(1 * MS, "demo_wq", "0"),
            queue(2 * MS, "sleep_work", "demo_wq", 0), queue(2 * MS, "short_work", "demo_wq", 0)));
        assertNull(r.machine.bug);
        List<TraceEvent> tp = r.tracepoints();
        int sleepStart = find(tp, "workqueue_execute_start", "sleep_work_fn");
        int shortStart = find(tp, "workqueue_execute_start", "short_work_fn");
        int sleepEnd = find(tp, "workqueue_execute_end", "sleep_work_fn");
        assertTrue(sleepStart < shortStart && shortStart < sleepEnd, "the short item ran while the sleeper slept");
        assertTrue(!tp.get(sleepStart).comm.equals(tp.get(shortStart).comm), "by another kworker");
        assertTrue(comms(r.machine).contains("kworker/0:2"), comms(r.machine).toString());
        for (kthreadlab.state.Work w : r.machine.wq.works) {
            assertEquals(w.queued - (w.pending ? 1 : 0), w.started, w.name);
        }
    }

    @Test
    void theIdleTimerReapsSurplusIdleWorkers() {
        SimRun r = SimRun.run(scenario(400_000 * MS, alloc(1 * MS, "demo_wq", "0"),
            queue(2 * MS, "sleep_work", "demo_wq", 0), queue(2 * MS, "short_work", "demo_wq", 0),
            queue(3 * MS, "cpu_work", "demo_wq", 0)));
        assertNull(r.machine.bug);
        WorkerPool p = r.machine.wq.pool(0);
        assertEquals(2, p.nrIdle);
        assertEquals(2, p.nrWorkers);
        int dying = 0;
        for (TraceEvent e : r.events) {
            if (e.kind == TraceEvent.EVENT && e.name.equals("sched_process_exit") && e.args.contains("kworker/dying")) {
                dying++;
            }
        }
        assertTrue(dying >= 1, "a reaped kworker exits as kworker/dying");
    }

    @Test
    void aMemReclaimWorkqueueGetsARescuerNamedAfterIt() {
        SimRun r = SimRun.run(scenario(20 * MS, alloc(1 * MS, "reclaim_wq", "mem_reclaim")));
        assertNull(r.machine.bug);
        TaskStruct t = r.machine.findByComm("reclaim_wq");
        assertTrue(t != null, comms(r.machine).toString());
        assertEquals("I", kthreadlab.state.TaskState.letter(t.state), stack(t));
        Worker w = r.machine.wq.workerOfTask(t.id);
        assertTrue(w.rescueWq >= 0);
    }

    static String stack(TaskStruct t) {
        StringBuilder sb = new StringBuilder(t.comm);
        for (kthreadlab.engine.Frame f : t.stack) {
            sb.append(" > ").append(f.code().function).append(":").append(f.lineText());
        }
        return sb.toString();
    }

    static int find(List<TraceEvent> tp, String name, String part) {
        for (int i = 0; i < tp.size(); i++) {
            if (tp.get(i).name.equals(name) && tp.get(i).args.contains(part)) {
                return i;
            }
        }
        return -1;
    }
}
