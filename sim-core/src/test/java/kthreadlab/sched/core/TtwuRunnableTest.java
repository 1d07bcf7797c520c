package kthreadlab.sched.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import kthreadlab.engine.SimRun;
import kthreadlab.scenario.Action;
import kthreadlab.scenario.Scenario;
import kthreadlab.trace.TraceEvent;
import org.junit.jupiter.api.Test;

/** Waking a task that is still on its run queue. */
class TtwuRunnableTest {
    static final long MS = 1_000_000;

    /**
     * A second creator (on its own CPU) wakes kthreadd between kthreadd's
     * set_current_state(TASK_INTERRUPTIBLE) and its schedule(): try_to_wake_up finds p->on_rq and
     * takes ttwu_runnable (kernel/sched/core.c:3636), which calls ttwu_do_wakeup (:3646), and that
     * emits trace_sched_wakeup. So sched_waking is followed by sched_wakeup, and kthreadd, back in
     * TASK_RUNNING, does not block: it forks the second thread without switching out.
     */
    @Test
    void wakingKthreaddBeforeItSchedulesEmitsSchedWakeupAndItKeepsRunning() {
        Scenario s = new Scenario("t", 3, Collections.emptyList(), 250, "voluntary", "minimal", 3 * MS,
            Arrays.asList(new Action(1 * MS, "insmod", "kthread_run", "a/%d", 1, "sleeper", 5, -1, "", ""),
                new Action(1 * MS + 16_100, "modprobe", "kthread_run", "b/%d", 1, "sleeper", 5, -1, "", "")));
        SimRun r = SimRun.run(s);
        assertNull(r.machine.bug);
        List<TraceEvent> ev = r.tracepoints();
        int in = -1;
        int waking = -1;
        for (int i = 0; i < ev.size() && waking < 0; i++) {
            TraceEvent e = ev.get(i);
            if (e.name.equals("sched_switch") && e.args.contains("next_comm=kthreadd next_pid=2 ")) {
                in = i;
            }
            if (in >= 0 && e.name.equals("sched_waking") && e.args.startsWith("comm=kthreadd pid=2 ")
                    && e.comm.equals("modprobe")) {
                waking = i;
            }
        }
        assertTrue(waking > in && in >= 0, "modprobe wakes kthreadd after kthreadd was switched in");
        for (int i = in + 1; i < waking; i++) {
            assertTrue(!ev.get(i).args.startsWith("prev_comm=kthreadd prev_pid=2 "), "kthreadd is still on its CPU");
        }
        TraceEvent wakeup = ev.get(waking + 1);
        assertEquals("sched_wakeup", wakeup.name);
        assertTrue(wakeup.args.startsWith("comm=kthreadd pid=2 "), wakeup.args);
        int fork = -1;
        for (int i = waking; i < ev.size(); i++) {
            TraceEvent e = ev.get(i);
            assertTrue(!(e.name.equals("sched_switch") && e.args.startsWith("prev_comm=kthreadd prev_pid=2 ")),
                "kthreadd does not block before it forks b/0's thread: " + e.args);
            if (e.name.equals("sched_process_fork") && e.pid == 2) {
                fork = i;
                break;
            }
        }
        assertTrue(fork > waking);
    }
}
