package kthreadlab.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import kthreadlab.engine.Machine;
import kthreadlab.format.Time;
import kthreadlab.init.main.Boot;
import kthreadlab.scenario.Action;
import kthreadlab.scenario.Scenario;

/**
 * The stress benchmark: 64 CPUs, one creator makes 10,000 kthreads with kthread_run, they run
 * (sleepers waking every 100 ms), then the same creator stops them all. The only code that reads
 * a wall clock; the simulation itself stays deterministic.
 */
public final class Bench {
    public static final int THREADS = 10_000;

    private Bench() {
    }

    public static Scenario scenario() {
        long ms = 1_000_000L;
        List<Action> a = new ArrayList<>();
        a.add(new Action(ms, "insmod", "kthread_run", "bench/%d", THREADS, "sleeper", 100, -1, "", ""));
        // The same creator stops them: its stop action waits until every kthread_run has returned.
        a.add(new Action(2 * ms, "insmod", "kthread_stop", "", THREADS, "", 0, -1, "bench/%d", ""));
        return new Scenario("bench: 64 CPUs, 10,000 kthreads created, run, stopped", 64, Collections.emptyList(),
            250, "voluntary", "minimal", 20_000 * ms, a);
    }

    private static int stopped(Machine m) {
        int n = 0;
        for (kthreadlab.engine.TaskStruct t : m.tasks) {
            if (t.reaped && t.comm.startsWith("bench/")) {
                n++;
            }
        }
        return n;
    }

    /** Runs the benchmark with the given clock (milliseconds) and returns the report. */
    public static String run(java.util.function.LongSupplier clockMs, String runtime) {
        Scenario s = scenario();
        Machine m = Boot.machine(s);
        long t0 = clockMs.getAsLong();
        while (m.step(s.until)) {
            // run to the end
        }
        long wall = Math.max(1, clockMs.getAsLong() - t0);
        long perSec = m.steps * 1000 / wall;
        return "bench (" + runtime + "): " + s.title + "\n"
            + "  steps        " + m.steps + "\n"
            + "  simulated    " + Time.format(m.now) + "\n"
            + "  wall         " + wall + " ms\n"
            + "  steps/s      " + perSec + "\n"
            + "  trace events " + m.traceCount + "\n"
            + "  tasks        " + m.tasks.size() + " created, " + stopped(m) + " stopped"
            + (m.bug == null ? "" : "\n  " + m.bug) + "\n";
    }
}
