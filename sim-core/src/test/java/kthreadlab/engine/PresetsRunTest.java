package kthreadlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import kthreadlab.scenario.Presets;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every preset runs to its end without breaking an invariant, and frees every request it made. */
class PresetsRunTest {
    @TestFactory
    List<DynamicTest> everyPresetRunsCleanly() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Presets.Preset p : Presets.all()) {
            tests.add(DynamicTest.dynamicTest(p.name, () -> {
                SimRun r = SimRun.preset(p.name);
                assertNull(r.machine.bug, p.name);
                assertNull(Invariants.leaks(r.machine), p.name);
                assertTrue(r.machine.steps > 50, p.name + " ran only " + r.machine.steps + " steps");
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> sameScenarioSameTrace() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Presets.Preset p : Presets.all()) {
            tests.add(DynamicTest.dynamicTest(p.name, () -> {
                String a = kthreadlab.trace.Ftrace.format(SimRun.preset(p.name).events, p.scenario.cpus);
                String b = kthreadlab.trace.Ftrace.format(SimRun.preset(p.name).events, p.scenario.cpus);
                assertEquals(a, b);
            }));
        }
        return tests;
    }
}
