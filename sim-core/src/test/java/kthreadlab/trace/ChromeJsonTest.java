package kthreadlab.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import kthreadlab.engine.Machine;
import kthreadlab.init.main.Boot;
import kthreadlab.scenario.Presets;
import kthreadlab.scenario.Scenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ChromeJsonTest {
    /** Perfetto's systrace line regex (shared/reference/trace-formats.md). */
    static final Pattern PERFETTO_LINE = Pattern.compile(
        "-(\\d+)\\s+\\(?\\s*(\\d+|-+)?\\)?\\s?\\[(\\d+)\\]\\s*([a-zA-Z.]{3}[0-9a-f.]{1,2}\\s*)?(\\d+\\.\\d+):\\s+(\\S+):");

    static final Map<String, List<TraceEvent>> TRACES = new HashMap<>();
    static final Map<String, String> EXPORTS = new HashMap<>();
    static final Map<String, JsonObject> PARSED = new HashMap<>();

    @BeforeAll
    static void runEveryPreset() {
        for (Presets.Preset p : Presets.all()) {
            List<TraceEvent> events = run(p.scenario);
            TRACES.put(p.name, events);
            EXPORTS.put(p.name, ChromeJson.write(events, p.scenario));
            PARSED.put(p.name, JsonParser.parseString(EXPORTS.get(p.name)).getAsJsonObject());
        }
    }

    static List<TraceEvent> run(Scenario s) {
        Machine m = Boot.machine(s);
        TraceLog log = new TraceLog();
        m.sink = log;
        while (m.step(s.until)) {
            // run to the end
        }
        return log.events;
    }

    @Test
    void theExportParsesAndHasTheThreeParts() {
        for (Presets.Preset p : Presets.all()) {
            JsonObject root = PARSED.get(p.name);
            assertEquals(3, root.size(), p.name);
            assertTrue(root.get("traceEvents").isJsonArray(), p.name);
            assertEquals("ns", root.get("displayTimeUnit").getAsString());
            String ftrace = root.get("systemTraceEvents").getAsString();
            assertTrue(ftrace.startsWith("# tracer: nop\n"), p.name);
            assertTrue(ftrace.endsWith("\n"), p.name);
            assertEquals(Ftrace.format(TRACES.get(p.name), p.scenario.cpus), ftrace, p.name);
        }
    }

    @Test
    void everyFtraceLineMatchesPerfettosRegex() {
        for (Presets.Preset p : Presets.all()) {
            String ftrace = PARSED.get(p.name).get("systemTraceEvents").getAsString();
            int lines = 0;
            for (String line : ftrace.split("\n")) {
                if (line.startsWith("#")) {
                    continue;
                }
                lines++;
                assertTrue(PERFETTO_LINE.matcher(line).find(), p.name + ": Perfetto would reject: " + line);
            }
            assertTrue(lines > 0, p.name);
        }
    }

    @Test
    void everyTaskIsNamedAndHasItsOwnTid() {
        for (Presets.Preset p : Presets.all()) {
            JsonArray events = traceEvents(p.name);
            Map<Integer, String> threadNames = new HashMap<>();
            Map<Integer, String> processNames = new HashMap<>();
            for (JsonElement el : events) {
                JsonObject e = el.getAsJsonObject();
                if (!e.get("ph").getAsString().equals("M")) {
                    continue;
                }
                int tid = e.get("tid").getAsInt();
                assertEquals(tid, e.get("pid").getAsInt(), "each task is its own process");
                String name = e.getAsJsonObject("args").get("name").getAsString();
                Map<Integer, String> names = e.get("name").getAsString().equals("thread_name") ? threadNames : processNames;
                assertTrue(names.put(tid, name) == null, p.name + ": tid " + tid + " named twice");
            }
            Map<Integer, String> lastComm = new HashMap<>();
            Map<Integer, Integer> pidOf = new HashMap<>();
            for (TraceEvent e : TRACES.get(p.name)) {
                lastComm.put(e.task, e.comm);
                pidOf.put(e.task, e.pid);
            }
            assertEquals(lastComm.size(), threadNames.size(), p.name + ": one thread_name per task");
            assertEquals(threadNames, processNames, p.name);
            assertEquals(new HashSet<>(lastComm.values()), new HashSet<>(threadNames.values()), p.name);
            for (Map.Entry<Integer, Integer> en : pidOf.entrySet()) {
                if (en.getValue() > 0) {
                    assertEquals(lastComm.get(en.getKey()), threadNames.get(en.getValue()), p.name + " pid " + en.getValue());
                }
            }
            assertEquals("swapper/0", threadNames.get(0), p.name);
            for (int cpu = 1; cpu < p.scenario.cpus; cpu++) {
                String idle = threadNames.get(ChromeJson.IDLE_TID_BASE + cpu);
                assertTrue(idle == null || idle.equals("swapper/" + cpu), p.name + ": " + idle);
            }
        }
    }

    @Test
    void slicesNestOnEveryThreadAndAllClose() {
        for (Presets.Preset p : Presets.all()) {
            Map<Integer, Deque<String>> open = new HashMap<>();
            Map<Integer, Double> lastTs = new HashMap<>();
            int slices = 0;
            int instants = 0;
            for (JsonElement el : traceEvents(p.name)) {
                JsonObject e = el.getAsJsonObject();
                String ph = e.get("ph").getAsString();
                if (ph.equals("M")) {
                    continue;
                }
                int tid = e.get("tid").getAsInt();
                double ts = e.get("ts").getAsDouble();
                Double before = lastTs.put(tid, ts);
                assertTrue(before == null || before <= ts, p.name + ": time goes back on tid " + tid);
                Deque<String> stack = open.computeIfAbsent(tid, k -> new ArrayDeque<>());
                String name = e.has("name") ? e.get("name").getAsString() : "";
                switch (ph) {
                    case "B":
                        assertEquals("func", e.get("cat").getAsString());
                        assertNotNull(e.getAsJsonObject("args").get("cpu"));
                        stack.push(name);
                        slices++;
                        break;
                    case "E":
                        assertFalse(stack.isEmpty(), p.name + ": E without B on tid " + tid);
                        stack.pop();
                        break;
                    case "i":
                        assertEquals("t", e.get("s").getAsString());
                        assertEquals("api", e.get("cat").getAsString());
                        assertNotNull(e.getAsJsonObject("args").get("result"));
                        instants++;
                        break;
                    default:
                        throw new AssertionError(p.name + ": unexpected phase " + ph);
                }
            }
            for (Map.Entry<Integer, Deque<String>> en : open.entrySet()) {
                assertTrue(en.getValue().isEmpty(), p.name + ": open slices on tid " + en.getKey() + ": " + en.getValue());
            }
            assertTrue(slices > 10, p.name + ": " + slices + " slices");
            long apiRecords = TRACES.get(p.name).stream().filter(e -> e.kind == TraceEvent.API).count();
            assertEquals(apiRecords, instants, p.name);
        }
    }

    @Test
    void theCreatorsApiCallsAreInstantsWithTheirResult() {
        JsonArray events = traceEvents("run-stop");
        List<String> calls = new ArrayList<>();
        for (JsonElement el : events) {
            JsonObject e = el.getAsJsonObject();
            if (e.get("ph").getAsString().equals("i")) {
                JsonObject args = e.getAsJsonObject("args");
                calls.add(e.get("name").getAsString() + " " + args.get("target").getAsString() + " -> "
                    + args.get("result").getAsString());
            }
        }
        assertEquals(2, calls.size(), calls.toString());
        assertTrue(calls.get(0).startsWith("kthread_run demo/0 -> pid "), calls.get(0));
        assertEquals("kthread_stop demo/0 -> 0", calls.get(1));
    }

    @Test
    void theExportIsDeterministic() {
        Scenario s = Presets.get("park-unpark").scenario;
        assertEquals(EXPORTS.get("park-unpark"), ChromeJson.write(run(s), s.cpus));
    }

    @Test
    void everyExitClosesTheSliceOfItsFunction() {
        for (Presets.Preset p : Presets.all()) {
            // replay the records the way the export pairs them and check each E closes a B of the same name
            Map<Integer, Deque<String>> stacks = new HashMap<>();
            int matched = 0;
            for (TraceEvent e : TRACES.get(p.name)) {
                Deque<String> st = stacks.computeIfAbsent(e.task, k -> new ArrayDeque<>());
                if (e.kind == TraceEvent.FUNC_ENTER) {
                    st.push(e.name);
                } else if (e.kind == TraceEvent.FUNC_EXIT && st.contains(e.name)) {
                    assertEquals(e.name, st.pop(), p.name + ": exit of a function that is not the innermost");
                    matched++;
                }
            }
            assertTrue(matched > 10, p.name);
        }
    }

    @Test
    void unmatchedAndUnclosedFunctionsStillNest() {
        List<TraceEvent> ev = new ArrayList<>();
        ev.add(ev(TraceEvent.FUNC_EXIT, 1000, 7, 7, "rest_init"));    // entered before the trace: dropped
        ev.add(ev(TraceEvent.FUNC_ENTER, 2000, 7, 7, "a"));
        ev.add(ev(TraceEvent.FUNC_ENTER, 2500, 7, 7, "b"));
        ev.add(ev(TraceEvent.FUNC_EXIT, 3000, 7, 7, "a"));            // closes b, then a
        ev.add(ev(TraceEvent.FUNC_ENTER, 3001, 8, 8, "do_exit"));
        ev.add(ev(TraceEvent.EVENT, 3500, 8, 8, "sched_process_exit"));
        ev.add(ev(TraceEvent.FUNC_ENTER, 4000, 0, 0, "schedule_idle"));
        ev.add(ev(TraceEvent.FUNC_ENTER, 9000, 0, 1, "schedule_idle"));
        String json = ChromeJson.write(ev, 2);
        JsonArray events = JsonParser.parseString(json).getAsJsonObject().getAsJsonArray("traceEvents");
        StringBuilder sb = new StringBuilder();
        for (JsonElement el : events) {
            JsonObject e = el.getAsJsonObject();
            if (!e.get("ph").getAsString().equals("M")) {
                sb.append(e.get("ph").getAsString()).append(' ').append(e.has("name") ? e.get("name").getAsString() : "-")
                    .append(' ')
                    .append(e.get("tid").getAsInt()).append(' ').append(e.get("ts").getAsString()).append('\n');
            }
        }
        // open slices close at the end, task by task: an exited task's when its trace ends
        assertEquals("B a 7 2\nB b 7 2.5\nE - 7 3\nE - 7 3\nB do_exit 8 3.001\nB schedule_idle 0 4\n"
            + "B schedule_idle 4194305 9\n"
            + "E - 0 9\nE - 4194305 9\nE - 8 3.5\n", sb.toString());
    }

    @Test
    void microsecondsAreExact() {
        assertEquals("0", ChromeJson.micros(0));
        assertEquals("12", ChromeJson.micros(12_000));
        assertEquals("12.5", ChromeJson.micros(12_500));
        assertEquals("12.345", ChromeJson.micros(12_345));
        assertEquals("1000000.001", ChromeJson.micros(1_000_000_001));
    }

    /** The same records as the machine would send: task id, pid, cpu = the idle task's own for pid 0. */
    private static TraceEvent ev(int kind, long ns, int task, int cpuOrTask, String name) {
        int pid = task == 0 ? 0 : task;
        int cpu = task == 0 ? cpuOrTask : 0;
        int taskId = task == 0 ? cpuOrTask : task;
        String comm = pid == 0 ? "swapper/" + cpu : "t" + task;
        return new TraceEvent(kind, 0, ns, cpu, taskId, pid, comm, "d..2.", name, "");
    }

    private static JsonArray traceEvents(String preset) {
        return PARSED.get(preset).getAsJsonArray("traceEvents");
    }

    static Set<String> names(JsonArray events) {
        Set<String> out = new HashSet<>();
        for (JsonElement el : events) {
            out.add(el.getAsJsonObject().get("name").getAsString());
        }
        return out;
    }
}
