package kthreadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import kthreadlab.history.History;
import kthreadlab.scenario.Action;
import kthreadlab.scenario.Presets;
import kthreadlab.scenario.Scenario;
import kthreadlab.scenario.ScenarioJson;
import kthreadlab.trace.ChromeJson;
import kthreadlab.trace.Ftrace;
import kthreadlab.trace.TraceEvent;
import java.util.List;
import kthreadlab.trace.TextExport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page's downloads come from a History; they must be the command line's output, byte for byte. */
class TraceExportTest {
    @TempDir
    Path dir;

    /** The preset with its run cut at `until`. */
    static Scenario cut(Scenario s, long until) {
        return new Scenario(s.title, s.cpus, s.nohzFull, s.hz, s.preempt, s.boot, until, s.actions, s.whatIf);
    }

    private void same(Scenario s, String what) throws Exception {
        Path f = dir.resolve("s.json");
        Files.writeString(f, ScenarioJson.write(s));
        History h = new History(s);
        h.recordAll();
        assertNull(h.error(), what);
        MainTest.Result ftrace = MainTest.run("run", f.toString(), "--format", "ftrace");
        assertEquals(0, ftrace.code, what + ": " + ftrace.err);
        assertEquals(ftrace.out, Ftrace.format(h.trace(), h.cpus()), what + ": ftrace");
        MainTest.Result chrome = MainTest.run("run", f.toString(), "--format", "chrome");
        assertEquals(chrome.out, ChromeJson.write(h.trace(), h.scenario()), what + ": chrome");
    }

    @Test
    void everyPresetsTraceIsTheCommandLines() throws Exception {
        for (Presets.Preset p : Presets.all()) {
            same(p.scenario, p.name);
        }
    }

    /**
     * Cuts each preset at the times its wake-ups happen: a timer that fires at `until` wakes a task
     * whose CPU cannot take a step before `until`, so the run ends busy, with records after the last step.
     */
    @Test
    void aRunCutWhileBusyKeepsTheEventsBeforeUntil() throws Exception {
        int busy = 0;
        for (Presets.Preset p : Presets.all()) {
            long last = 1_000_000;
            for (Action a : p.scenario.actions) {
                last = Math.max(last, a.at);
            }
            History full = new History(p.scenario);
            full.recordAll();
            int cuts = 0;
            for (TraceEvent e : full.tracepoints()) {
                if (cuts < 6 && e.timeNs >= last && e.name.equals("sched_waking")) {
                    cuts++;
                    Scenario s = cut(p.scenario, e.timeNs);
                    History h = new History(s);
                    h.recordAll();
                    if (h.trace().get(h.trace().size() - 1).step >= h.recorded()) {
                        busy++;
                        assertEquals(-1, h.nextEvent(h.recorded(), "sched_waking", "sched_wakeup"),
                            "no step after the last one shows the events due after it");
                    }
                    same(s, p.name + " until " + e.timeNs + "ns");
                }
            }
        }
        assertTrue(busy > 0, "some cuts end with work pending at until: " + busy);
    }

    /** Written in small pieces (as the page does between frames), the text is the one-call text. */
    @Test
    void piecesMakeTheSameText() {
        for (String name : new String[] {"seed", "run-stop", "many-threads"}) {
            History h = new History(Presets.get(name).scenario);
            h.recordAll();
            List<TextExport> writers = List.of(new Ftrace.Writer(h.trace(), h.cpus(), h.tracepoints().size(), false),
                new Ftrace.Writer(h.trace(), h.cpus(), -1, false),
                new ChromeJson.Writer(h.trace(), h.cpus(), h.tracepoints().size()));
            List<String> whole = List.of(Ftrace.format(h.trace(), h.cpus()), Ftrace.format(h.trace(), h.cpus()),
                ChromeJson.write(h.trace(), h.cpus()));
            for (int i = 0; i < writers.size(); i++) {
                TextExport w = writers.get(i);
                StringBuilder sb = new StringBuilder();
                long last = -1;
                int calls = 0;
                boolean done = false;
                while (!done) {
                    done = w.next(sb, 97);
                    assertTrue(w.done() >= last && w.done() <= w.total(), name + ": progress " + w.done());
                    last = w.done();
                    calls++;
                }
                assertEquals(whole.get(i), sb.toString(), name + " writer " + i);
                assertTrue(calls > h.trace().size() / 97, name + ": written in pieces, " + calls + " calls");
            }
        }
    }
}
