package kthreadlab.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kthreadlab.cli.GeneratedScenariosTest;
import kthreadlab.engine.Rng;
import kthreadlab.engine.SimRun;
import kthreadlab.scenario.Presets;
import kthreadlab.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * One implementation per kernel function: a function that has a step machine (a Frame with a Code
 * table) is computed only by it. Atomic contexts run that step machine with Exec.runToReturn; no
 * helper redoes it in one call. The source check fails if such a twin comes back; the runs check
 * that every preset and generated scenarios keep every invariant with the atomic runs in place.
 */
class OneImplementationTest {
    private static final Path MAIN = Paths.get("src/main/java");
    /** `new Code("kernel/sched/core.c", "try_to_wake_up", ...` or `new Code(FILE, "init_main", ...`. */
    private static final Pattern CODE = Pattern.compile("new Code\\(\\s*(?:\"[^\"]*\"|\\w+)\\s*,\\s*\"(\\w+)\"");
    private static final Pattern STATIC_METHOD = Pattern.compile("\\bstatic\\s+[\\w<>\\[\\],.]+\\s+(\\w+)\\s*\\(");
    /** The one-call twins that existed before and must stay deleted. */
    private static final String[] DELETED = {"wakeUpAtomic", "ttwuQueue", "checkPreemptCurr", "updateCurr",
        "taskForkFair", "wakeUpNewTask", "tryToWakeUp"};

    private static Map<Path, String> sources() throws IOException {
        Map<Path, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(MAIN)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                out.put(p, Files.readString(p).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", ""));
            }
        }
        return out;
    }

    /** update_curr -> updateCurr, __schedule -> schedule: how a Java helper would be named. */
    static String camel(String c) {
        String[] parts = c.replaceFirst("^_+", "").split("_");
        StringBuilder sb = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            if (!parts[i].isEmpty()) {
                sb.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
            }
        }
        return sb.toString();
    }

    @Test
    void noKernelFunctionWithAStepMachineHasAOneCallTwin() throws IOException {
        Map<Path, String> src = sources();
        TreeSet<String> stepped = new TreeSet<>();
        for (String s : src.values()) {
            Matcher m = CODE.matcher(s);
            while (m.find()) {
                stepped.add(m.group(1));
            }
        }
        assertTrue(stepped.contains("try_to_wake_up") && stepped.contains("update_curr")
            && stepped.contains("check_preempt_curr"), "the Code tables were not found: " + stepped);
        TreeSet<String> forbidden = new TreeSet<>(List.of(DELETED));
        for (String f : stepped) {
            forbidden.add(camel(f));
        }
        List<String> twins = new ArrayList<>();
        for (Map.Entry<Path, String> e : src.entrySet()) {
            Matcher m = STATIC_METHOD.matcher(e.getValue());
            while (m.find()) {
                if (forbidden.contains(m.group(1))) {
                    twins.add(e.getKey() + ": static " + m.group(1) + "(...)");
                }
            }
        }
        assertEquals(List.of(), twins, "a kernel function with a step machine is also computed by a helper;"
            + " run its step machine with Exec.runToReturn instead");
    }

    @Test
    void theSourceCheckWouldSeeATwin() {
        Matcher m = STATIC_METHOD.matcher("public static int wakeUpAtomic(Machine m, Rq from) {");
        assertTrue(m.find());
        assertEquals("wakeUpAtomic", m.group(1));
        assertEquals("checkPreemptCurr", camel("check_preempt_curr"));
        assertEquals("schedule", camel("__schedule"));
    }

    @Test
    void everyPresetKeepsEveryInvariant() {
        for (Presets.Preset p : Presets.all()) {
            SimRun r = SimRun.preset(p.name);
            assertNull(r.machine.bug, p.name);
            assertTrue(r.machine.steps > 0, p.name);
        }
    }

    @Test
    void twoHundredGeneratedScenariosKeepEveryInvariant() throws Exception {
        Rng r = new Rng(0x6f6e652d696d706cL);
        int wakes = 0;
        for (int i = 0; i < 200; i++) {
            Scenario s = GeneratedScenariosTest.scenario(r, i);
            SimRun run = SimRun.run(s);
            assertNull(run.machine.bug, "generated scenario " + i + ": " + kthreadlab.scenario.ScenarioJson.write(s));
            for (kthreadlab.trace.TraceEvent e : run.tracepoints()) {
                if (e.name.equals("sched_wakeup")) {
                    wakes++;
                }
            }
        }
        assertTrue(wakes > 1000, "the generated runs woke tasks: " + wakes);
    }
}
