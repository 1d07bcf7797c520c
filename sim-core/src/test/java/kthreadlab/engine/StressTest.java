package kthreadlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.Collections;
import kthreadlab.scenario.Action;
import kthreadlab.scenario.Scenario;
import org.junit.jupiter.api.Test;

/** A smaller cousin of the benchmark with every invariant checked after every step. */
class StressTest {
    @Test
    void manyCreatorsManyThreadsAllCreatedRunAndStopped() {
        long ms = 1_000_000L;
        Scenario s = new Scenario("stress", 8, Collections.emptyList(), 250, "voluntary", "minimal", 3000 * ms,
            Arrays.asList(
                new Action(ms, "insmod", "kthread_run", "a/%d", 60, "sleeper", 20, -1, "", ""),
                new Action(ms, "modprobe", "kthread_run", "b/%d", 40, "spinner", 0, -1, "", ""),
                new Action(3 * ms, "udevd", "kthread_run", "c/%d", 20, "worker", 0, -1, "", ""),
                new Action(2 * ms, "insmod", "kthread_stop", "", 60, "", 0, -1, "a/%d", ""),
                new Action(2 * ms, "modprobe", "kthread_stop", "", 40, "", 0, -1, "b/%d", ""),
                new Action(4 * ms, "udevd", "kthread_stop", "", 20, "", 0, -1, "c/%d", "")));
        SimRun r = SimRun.run(s);
        assertNull(r.machine.bug);
        assertNull(Invariants.leaks(r.machine));
        int stopped = 0;
        for (TaskStruct t : r.machine.tasks) {
            if (t.reaped && t.comm.matches("[abc]/\\d+")) {
                stopped++;
            }
        }
        assertEquals(120, stopped);
        int ok = 0;
        for (kthreadlab.trace.TraceEvent e : r.api()) {
            if (e.name.equals("kthread_stop") && e.args.endsWith("\t0")) {
                ok++;
            }
        }
        assertEquals(120, ok, "every kthread_stop returned its thread's 0");
    }
}
