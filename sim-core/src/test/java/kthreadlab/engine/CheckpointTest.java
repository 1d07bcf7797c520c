package kthreadlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import kthreadlab.cli.Reports;
import kthreadlab.init.main.Boot;
import kthreadlab.scenario.Presets;
import kthreadlab.scenario.Scenario;
import kthreadlab.trace.Ftrace;
import kthreadlab.trace.TraceEvent;
import kthreadlab.trace.TraceLog;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** A copy of the machine at any step continues exactly as the original does: time travel relies on it. */
class CheckpointTest {
    static String rest(Machine m, Scenario s) {
        TraceLog log = new TraceLog();
        m.sink = log;
        StringBuilder sb = new StringBuilder();
        while (m.step(s.until)) {
            sb.append(Reports.stepLine(m)).append('\n');
        }
        List<TraceEvent> ev = log.events;
        return sb + Ftrace.format(ev, s.cpus) + Reports.ps(m);
    }

    @TestFactory
    List<DynamicTest> aCopyContinuesLikeTheOriginal() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Presets.Preset p : Presets.all()) {
            if (p.name.equals("many-threads")) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(p.name, () -> {
                Scenario s = p.scenario;
                for (int at : new int[] {1, 37, 250, 600}) {
                    Machine m = Boot.machine(s);
                    for (int i = 0; i < at && m.step(s.until); i++) {
                        // advance to the checkpoint
                    }
                    Machine copy = m.copy();
                    String original = rest(m, s);
                    String replay = rest(copy, s);
                    assertEquals(original, replay, p.name + " from step " + at);
                }
            }));
        }
        return tests;
    }
}
