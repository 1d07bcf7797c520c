package kthreadlab.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import kthreadlab.engine.Machine;
import kthreadlab.init.main.Boot;
import kthreadlab.scenario.Presets;
import kthreadlab.scenario.Scenario;
import kthreadlab.snapshot.Snapshot;
import kthreadlab.trace.Ftrace;
import kthreadlab.trace.TraceEvent;
import kthreadlab.trace.TraceLog;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Time travel: the view at any step equals the view of a straight run stopped there. */
class HistoryTest {
    /** A straight run of a scenario, keeping the description at chosen steps. */
    private static final class Straight {
        final TreeMap<Long, String> views = new TreeMap<>();
        final List<int[]> records = new ArrayList<>();
        final List<Long> times = new ArrayList<>();
        final TraceLog log = new TraceLog();
        long steps;

        Straight(Scenario s, java.util.function.LongPredicate keep) {
            Machine m = Boot.machine(s);
            m.sink = log;
            if (keep.test(0)) {
                views.put(0L, Describe.safe(() -> Snapshot.of(m)));
            }
            try {
                while (m.step(s.until)) {
                    steps++;
                    records.add(new int[] {m.lastCpu, m.lastTask});
                    times.add(m.now);
                    if (keep.test(steps)) {
                        views.put(steps, Describe.safe(() -> Snapshot.of(m)));
                    }
                    if (m.bug != null) {
                        break;
                    }
                }
            } catch (RuntimeException e) {
                // the history reports this as error(); the steps before it must still match
            }
        }
    }

    /** A small deterministic generator for test positions. */
    private static long lcg(long x) {
        return (x * 6364136223846793005L + 1442695040888963407L) >>> 1;
    }

    @TestFactory
    List<DynamicTest> everyPresetReplaysLikeAStraightRun() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Presets.Preset p : Presets.all()) {
            tests.add(DynamicTest.dynamicTest(p.name, () -> {
                Straight run = new Straight(p.scenario, n -> n < 1500 || n % 997 == 0);
                History h = new History(p.scenario, p.scenario.until, 7);
                h.recordAll();
                assertTrue(h.ended());
                assertEquals(run.steps, h.recorded(), p.name + ": recorded steps (error: " + h.error() + ")");
                for (long n = 1; n <= h.recorded(); n++) {
                    int[] r = run.records.get((int) n - 1);
                    assertEquals(r[0], h.cpuOf(n), p.name + " cpu of step " + n);
                    assertEquals(r[1], h.taskOf(n), p.name + " task of step " + n);
                    assertEquals((long) run.times.get((int) n - 1), h.timeOf(n), p.name + " time of step " + n);
                }
                for (var e : run.views.entrySet()) {
                    long n = e.getKey();
                    assertEquals(e.getValue(), Describe.safe(() -> h.snapshotAt(n)), p.name + " view at step " + n);
                }
            }));
        }
        return tests;
    }

    @Test
    void randomSeeksBackAndForthGiveTheStraightRunsViews() {
        Scenario s = Presets.get("many-threads").scenario;
        List<Long> wanted = new ArrayList<>();
        long x = 42;
        for (int i = 0; i < 60; i++) {
            x = lcg(x);
            wanted.add(x % 85_000);
        }
        Straight run = new Straight(s, wanted::contains);
        History h = new History(s);
        h.recordAll();
        // twice over: a replay that changed a checkpoint (a replay copy shares its tasks) shows the second time
        for (int pass = 0; pass < 2; pass++) {
            for (long n : wanted) {
                if (n <= h.recorded()) {
                    assertEquals(run.views.get(n), Describe.safe(() -> h.snapshotAt(n)), "pass " + pass + ": view at step " + n);
                }
            }
        }
    }

    @Test
    void replaysLeaveTheCheckpointsAsTheyWere() {
        // a replay copy shares the checkpoint's tasks until it touches them: replays, forward and
        // back, far and near, must change no checkpoint (each is seen as the view at its step)
        Scenario s = Presets.get("many-threads").scenario;
        History h = new History(s, s.until, 64, 4096, false);
        h.record(30_000);
        List<String> before = new ArrayList<>();
        for (long n = 0; n <= 30_000; n += 64) {
            before.add(Describe.of(h.snapshotAt(n)));
        }
        long x = 7;
        long n = 0;
        for (int i = 0; i < 400; i++) {
            x = lcg(x);
            n = i % 4 == 3 ? Math.max(0, n - 1) : x % 30_001;
            h.snapshotAt(n);
        }
        for (int k = 0; k < before.size(); k++) {
            assertEquals(before.get(k), Describe.of(h.snapshotAt(k * 64L)), "checkpoint at step " + k * 64);
        }
    }

    @Test
    void stepBackRestoresTheViewBeforeTheStep() {
        History h = new History(Presets.get("seed").scenario, Long.MAX_VALUE, 16);
        h.record(400);
        for (long n = 0; n < 399; n++) {
            String before = Describe.of(h.snapshotAt(n));
            h.snapshotAt(n + 1);
            assertEquals(before, Describe.of(h.snapshotAt(n)), "back from step " + (n + 1));
        }
    }

    @Test
    void steppingBackAWayUsesLocalCopiesAndStaysExact() {
        Scenario s = Presets.get("many-threads").scenario;
        Straight run = new Straight(s, n -> n >= 2900 && n <= 3000);
        History h = new History(s, s.until, History.INTERVAL, 64, false);
        h.record(4000);
        h.snapshotAt(3000);
        for (long n = 3000; n >= 2900; n--) {
            assertEquals(run.views.get(n), Describe.of(h.snapshotAt(n)), "back to step " + n);
        }
    }

    @Test
    void withoutFunctionEventsTheTracepointsAreTheSame() {
        Scenario s = Presets.get("run-stop").scenario;
        History full = new History(s);
        History lean = new History(s, s.until, History.INTERVAL, 8, false);
        full.recordAll();
        lean.recordAll();
        assertEquals(Ftrace.format(full.trace(), s.cpus), Ftrace.format(lean.trace(), s.cpus));
        assertEquals(full.tracepoints().size(), lean.tracepoints().size());
        for (TraceEvent e : lean.trace()) {
            assertTrue(e.kind != TraceEvent.FUNC_ENTER && e.kind != TraceEvent.FUNC_EXIT);
        }
        assertTrue(lean.checkpointCount() <= 9, "checkpoints: " + lean.checkpointCount());
        assertEquals(Describe.of(full.snapshotAt(500)), Describe.of(lean.snapshotAt(500)));
    }

    @Test
    void checkpointsThinOutSoALongHistoryStaysSmall() {
        Scenario s = Presets.get("many-threads").scenario;
        History h = new History(s, s.until, 1);
        h.record(5000);
        assertTrue(h.checkpointCount() <= History.MAX_CHECKPOINTS + 1, "checkpoints: " + h.checkpointCount());
        assertTrue(h.interval() >= 4, "interval grew to " + h.interval());
        Straight run = new Straight(s, n -> n == 4999 || n == 1234 || n == 3);
        for (long n : new long[] {4999, 3, 1234}) {
            assertEquals(run.views.get(n), Describe.of(h.snapshotAt(n)), "view at step " + n);
        }
    }

    @Test
    void theRecordedTraceIsTheStraightRunsTrace() {
        Scenario s = Presets.get("seed").scenario;
        Straight run = new Straight(s, n -> false);
        History h = new History(s);
        h.recordAll();
        assertNull(h.error());
        assertEquals(Ftrace.format(run.log.events, s.cpus), Ftrace.format(h.trace(), s.cpus));
        assertEquals(run.log.events.size(), h.trace().size());
    }

    @Test
    void nextEventIsTheStepThatEmitsIt() {
        History h = new History(Presets.get("seed").scenario);
        h.recordAll();
        long from = 0;
        int found = 0;
        while (true) {
            long s = h.nextEvent(from, "sched_switch");
            if (s < 0) {
                break;
            }
            assertTrue(s > from);
            boolean emitted = false;
            for (TraceEvent e : h.tracepoints()) {
                assertFalse(e.name.equals("sched_switch") && e.step >= from && e.step < s - 1,
                    "an earlier sched_switch at step " + (e.step + 1) + " was skipped from " + from);
                emitted |= e.name.equals("sched_switch") && e.step == s - 1;
            }
            assertTrue(emitted, "step " + s + " emits sched_switch");
            found++;
            from = s;
        }
        assertTrue(found >= 3, "seed has several context switches, found " + found);
        assertEquals(-1, h.nextEvent(h.recorded(), "sched_switch"));
    }

    @Test
    void stepOverACallComesBackToTheSameFrame() {
        History h = new History(Presets.get("seed").scenario);
        h.recordAll();
        int checked = 0;
        for (long n = 0; n + 1 < h.recorded() && checked < 40; n++) {
            Snapshot at = h.snapshotAt(n);
            if (at.lastTask < 0) {
                continue;
            }
            int t = at.lastTask;
            int depth = at.task(t).frames.size();
            String fn = at.task(t).frames.get(0).function;
            History.StepOver over = h.stepOver(n, t, depth);
            long target = over.scan();
            if (target < 0) {
                continue;
            }
            assertEquals(t, h.taskOf(target));
            assertTrue(h.depthAfter(target) <= depth);
            Snapshot after = h.snapshotAt(target);
            List<Snapshot.FrameView> frames = after.task(t).frames;
            if (frames.size() == depth) {
                assertEquals(fn, frames.get(0).function, "step over from " + n + " stays in " + fn);
            }
            for (long s = n + 1; s < target; s++) {
                if (h.taskOf(s) == t && h.depthRun(s) <= depth) {
                    assertTrue(h.depthAfter(s) > depth, "step " + s + " went deeper: the line's call");
                }
            }
            checked++;
        }
        assertTrue(checked >= 20, "checked " + checked + " step-overs");
    }

    @Test
    void stepAtTimeIsTheLastStepNotAfterIt() {
        History h = new History(Presets.get("run-stop").scenario);
        h.record(300);
        assertEquals(0, h.stepAtTime(-1));
        for (long n = 1; n <= 300; n += 7) {
            long t = h.timeOf(n);
            long s = h.stepAtTime(t);
            assertTrue(h.timeOf(s) <= t && (s == h.recorded() || h.timeOf(s + 1) > t), "time " + t);
        }
        assertEquals(h.recorded(), h.stepAtTime(Long.MAX_VALUE));
    }

    @Test
    void lanesCoverEveryStep() {
        History h = new History(Presets.get("many-threads").scenario);
        h.record(20_000);
        Lanes lanes = h.lanes();
        for (long s = 1; s <= h.recorded(); s += 13) {
            int cpu = h.cpuOf(s);
            int i = lanes.firstEndingAfter(cpu, h.timeOf(s));
            assertTrue(i < lanes.count(cpu), "step " + s);
            assertTrue(lanes.start(cpu, i) <= h.timeOf(s), "step " + s + " starts inside its segment");
            assertEquals(h.taskOf(s), lanes.task(cpu, i), "segment task of step " + s);
        }
    }

    @Test
    void goingOutsideTheRecordedStepsIsRefused() {
        History h = new History(Presets.get("seed").scenario);
        h.record(10);
        assertThrows(IllegalArgumentException.class, () -> h.snapshotAt(11));
        assertThrows(IllegalArgumentException.class, () -> h.snapshotAt(-1));
        assertThrows(IllegalArgumentException.class, () -> h.taskOf(0));
    }

    @Test
    void aByteBudgetThinsTheCheckpointsAndEveryStepStillShowsTheSame() {
        Scenario s = Presets.get("many-threads").scenario;
        History plain = new History(s, s.until, 64);
        long machine = Boot.machine(s).approxBytes();
        long budget = 12 * machine;
        History lean = new History(s, s.until, 64, 1024, false, budget);
        plain.record(30_000);
        lean.record(30_000);
        assertEquals(plain.recorded(), lean.recorded());
        assertTrue(lean.interval() > 64, "the interval grew: " + lean.interval());
        assertTrue(lean.checkpointBytes() <= budget, lean.checkpointBytes() + " > " + budget);
        assertTrue(lean.checkpointCount() < plain.checkpointCount(), lean.checkpointCount() + " checkpoints");
        assertTrue(lean.trace().size() < plain.trace().size(), "function records are left out");
        assertEquals(plain.tracepoints().size(), lean.tracepoints().size());
        long x = 7;
        for (int i = 0; i < 40; i++) {
            x = lcg(x);
            long n = x % (lean.recorded() + 1);
            assertEquals(Describe.of(plain.snapshotAt(n)), Describe.of(lean.snapshotAt(n)), "step " + n);
        }
    }
}
