package kthreadlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kthreadlab.cli.Reports;
import kthreadlab.scenario.Presets;
import kthreadlab.trace.Ftrace;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each preset's ftrace text, API results and final ps, against the golden file in
 * src/test/resources/golden. Regenerate on purpose only: ./mvnw -pl sim-core test -Dgolden.update=true
 */
class GoldenTraceTest {
    static final Path DIR = Path.of("src/test/resources/golden");

    static String render(String preset) {
        SimRun r = SimRun.preset(preset);
        int cpus = Presets.get(preset).scenario.cpus;
        return Ftrace.format(r.events, cpus) + "# api\n" + Reports.api(r.events) + "# ps\n" + Reports.ps(r.machine);
    }

    @TestFactory
    List<DynamicTest> presetsMatchTheirGoldenTraces() {
        boolean update = Boolean.getBoolean("golden.update");
        List<DynamicTest> tests = new ArrayList<>();
        for (Presets.Preset p : Presets.all()) {
            tests.add(DynamicTest.dynamicTest(p.name, () -> check(p.name, update)));
        }
        return tests;
    }

    private static void check(String name, boolean update) throws IOException {
        Path file = DIR.resolve(name + ".trace");
        String actual = render(name);
        if (update) {
            Files.createDirectories(DIR);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        assertTrue(Files.exists(file), "no golden trace " + file + " (create it with -Dgolden.update=true)");
        String expected = Files.readString(file, StandardCharsets.UTF_8);
        if (!expected.equals(actual)) {
            String[] e = expected.split("\n", -1);
            String[] a = actual.split("\n", -1);
            for (int i = 0; i < Math.max(e.length, a.length); i++) {
                String l = i < e.length ? e[i] : "<end>";
                String r = i < a.length ? a[i] : "<end>";
                assertEquals(l, r, name + ".trace line " + (i + 1)
                    + " (if the change is intended: ./mvnw -pl sim-core test -Dgolden.update=true)");
            }
        }
    }
}
