package kthreadlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioJsonTest {
    /** The example of issue 3, "Scenario format". */
    static final String ISSUE_EXAMPLE = "{\n"
        + "  \"version\": 1,\n"
        + "  \"title\": \"two threads, one stopped\",\n"
        + "  \"cpus\": 2, \"nohz_full\": [], \"seed\": 1, \"hz\": 250, \"preempt\": \"voluntary\",\n"
        + "  \"boot\": \"minimal\",\n"
        + "  \"until\": \"40ms\",\n"
        + "  \"actions\": [\n"
        + "    {\"at\": \"1ms\",  \"by\": \"insmod\", \"op\": \"kthread_run\",  \"name\": \"demo/%d\", \"count\": 2,"
        + " \"fn\": \"sleeper\", \"arg\": 2},\n"
        + "    {\"at\": \"2ms\",  \"by\": \"insmod\", \"op\": \"kthread_create\", \"name\": \"pinned\", \"fn\": \"spinner\","
        + " \"cpu\": 1},\n"
        + "    {\"at\": \"3ms\",  \"by\": \"insmod\", \"op\": \"wake_up_process\", \"target\": \"pinned\"},\n"
        + "    {\"at\": \"5ms\",  \"by\": \"insmod\", \"op\": \"kthread_park\",   \"target\": \"demo/0\"},\n"
        + "    {\"at\": \"8ms\",  \"by\": \"insmod\", \"op\": \"kthread_unpark\", \"target\": \"demo/0\"},\n"
        + "    {\"at\": \"20ms\", \"by\": \"insmod\", \"op\": \"kthread_stop\",   \"target\": \"demo/1\"},\n"
        + "    {\"at\": \"1ms\",  \"op\": \"sigkill\", \"target\": \"insmod\"},\n"
        + "    {\"at\": \"1ms\",  \"by\": \"insmod\", \"op\": \"kthread_run\", \"name\": \"x\", \"fn\": \"oneshot\","
        + " \"fail\": \"copy_process\"}\n"
        + "  ]\n"
        + "}\n";

    @Test
    void everyPresetRoundTripsByteForByte() throws ScenarioException {
        for (Presets.Preset p : Presets.all()) {
            String text = ScenarioJson.write(p.scenario);
            Scenario back = ScenarioJson.read(text);
            assertSame(p.scenario, back, p.name);
            assertEquals(text, ScenarioJson.write(back), p.name);
        }
    }

    @Test
    void canonicalFormIsStable() throws ScenarioException {
        String expected = "{\n"
            + "  \"version\": 1,\n"
            + "  \"title\": \"kthread_run, then kthread_stop\",\n"
            + "  \"cpus\": 2,\n"
            + "  \"nohz_full\": [],\n"
            + "  \"hz\": 250,\n"
            + "  \"preempt\": \"voluntary\",\n"
            + "  \"boot\": \"minimal\",\n"
            + "  \"until\": \"40ms\",\n"
            + "  \"actions\": [\n"
            + "    {\"at\": \"1ms\", \"by\": \"insmod\", \"op\": \"kthread_run\", \"name\": \"demo/%d\", \"fn\": \"sleeper\","
            + " \"arg\": 5},\n"
            + "    {\"at\": \"20ms\", \"by\": \"insmod\", \"op\": \"kthread_stop\", \"target\": \"demo/0\"}\n"
            + "  ]\n"
            + "}\n";
        assertEquals(expected, ScenarioJson.write(Presets.get("run-stop").scenario));
    }

    @Test
    void issueExampleReadsAndRoundTrips() throws ScenarioException {
        Scenario s = ScenarioJson.read(ISSUE_EXAMPLE);
        assertEquals(8, s.actions.size());
        assertEquals("two threads, one stopped", s.title);
        Action pinned = s.actions.get(1);
        assertEquals("kthread_create", pinned.op);
        assertEquals(1, pinned.cpu);
        assertEquals(2_000_000L, pinned.at);
        assertEquals("copy_process", s.actions.get(7).fail);
        assertEquals("", s.actions.get(6).by);
        String canonical = ScenarioJson.write(s);
        assertEquals(canonical, ScenarioJson.write(ScenarioJson.read(canonical)));
    }

    /** Older files carry a seed (it never changed a run): read and ignored, whatever its value. */
    @Test
    void anOlderFilesSeedIsIgnored() throws ScenarioException {
        Scenario plain = ScenarioJson.read("{\"version\": 1, \"cpus\": 1, \"until\": \"1ms\"}");
        for (String seed : new String[] {"1", "987654321", "-1", "\"x\""}) {
            Scenario s = ScenarioJson.read("{\"version\": 1, \"cpus\": 1, \"seed\": " + seed + ", \"until\": \"1ms\"}");
            assertEquals(ScenarioJson.write(plain), ScenarioJson.write(s), seed);
        }
        assertTrue(ScenarioJson.read(ISSUE_EXAMPLE).actions.size() == 8);
    }

    @Test
    void defaultsFillWhatIsLeftOut() throws ScenarioException {
        Scenario s = ScenarioJson.read("{\"version\": 1, \"cpus\": 1, \"until\": \"1.5ms\"}");
        assertEquals("", s.title);
        assertEquals(250, s.hz);
        assertEquals("voluntary", s.preempt);
        assertEquals("minimal", s.boot);
        assertEquals(1_500_000L, s.until);
        assertTrue(s.nohzFull.isEmpty());
        assertTrue(s.actions.isEmpty());
        s = ScenarioJson.read("\ufeff{\"version\":1,\"cpus\":2,\"until\":\"1s\",\"actions\":[{\"at\":\"0ns\","
            + "\"by\":\"insmod\",\"op\":\"kthread_create\",\"name\":\"w\",\"fn\":\"worker\"}]}");
        Action a = s.actions.get(0);
        assertEquals(1, a.count);
        assertEquals(-1, a.cpu);
        assertEquals(0, a.arg);
        assertEquals("", a.fail);
        assertEquals("", a.target);
    }

    @Test
    void unicodeTitleSurvives() throws ScenarioException {
        Scenario base = Presets.get("seed").scenario;
        Scenario s = with(base, "内核线程 \"quoted\" \\ <b>&amp; \ud83d\ude00 \u2028");
        assertEquals(s.title, ScenarioJson.read(ScenarioJson.write(s)).title);
    }

    @Test
    void stringsAreEscapedExactlyAsGsonDoes() throws java.io.IOException {
        StringBuilder all = new StringBuilder();
        for (int c = 0; c <= 0xffff; c++) {
            if (c < 0xd800 || c > 0xdfff) {
                all.append((char) c);
            }
        }
        all.append("\ud83d\ude00");
        java.io.StringWriter out = new java.io.StringWriter();
        com.google.gson.stream.JsonWriter w = new com.google.gson.stream.JsonWriter(out);
        w.value(all.toString());
        w.flush();
        assertEquals(out.toString(), JsonText.quote(all.toString()));
    }

    @Test
    void durationsHaveOneCanonicalSpelling() throws ScenarioException {
        assertEquals("0s", Durations.format(0));
        assertEquals("1003us", Durations.format(1_003_000));
        assertEquals("2s", Durations.format(2_000_000_000L));
        assertEquals("1500ms", Durations.format(1_500_000_000L));
        assertEquals("7ns", Durations.format(7));
        assertEquals(1_500_000L, Durations.parse("1.5ms", "at"));
        assertEquals(1_000L, Durations.parse("1us", "at"));
        assertEquals(10_000_000_000L, Durations.parse("10s", "at"));
        assertEquals(250L, Durations.parse("0.25us", "at"));
    }

    @Test
    void errorsNameTheKeyTheValueAndTheProblem() {
        String[][] cases = {
            // syntax and shape
            {"{\"version\": 1,", "line 1 column 15: not valid JSON (End of input)"},
            {"", "not valid JSON"},
            {"{\"version\": 1} x", "not valid JSON"},
            {"{\"version\": 1}{}", "line 1 column 16: not valid JSON (comments, single quotes, unquoted words"},
            {"[1]", "a scenario file is one JSON object {…}; this one is a list"},
            {"{\"version\": 1, 'cpus': 2}", "line 1 column 17: not valid JSON (comments, single quotes"},
            {"{\"version\": 1, \"cpus\": 1, \"until\": \"1ms\"} // done", "line 1 column 44: not valid JSON"},
            {"{\"cpus\": 1, \"until\": \"1ms\"}", "version: missing"},
            {"{\"version\": 2, \"cpus\": 1}", "version: 2 is newer than this kthreadlab reads (version 1)"},
            {"{\"version\": \"1\"}", "version: \"1\" is a string; expected a whole number"},
            {"{\"version\": 1, \"cpus\": 1, \"until\": \"1ms\", \"colour\": 1}", "colour: unknown key (a scenario has version,"},
            {"{\"version\": 1, \"cpus\": 1, \"cpus\": 2, \"until\": \"1ms\"}", "cpus: the key appears twice"},
            {"{\"version\": 1, \"cpus\": 1, \"until\": \"1ms\", \"a\\nb\": 1}", "\"a\\u000ab\": unknown key"},
            {"{\"version\": 1, \"cpus\": [[[[[[[[[[1]]]]]]]]]], \"until\": \"1ms\"}", "is nested too deeply"},
            // types
            {"{\"version\": 1, \"cpus\": \"2\", \"until\": \"1ms\"}", "cpus: \"2\" is a string; expected a whole number"},
            {"{\"version\": 1, \"cpus\": 1.5, \"until\": \"1ms\"}", "cpus: \"1.5\" is not a whole number"},
            {"{\"version\": 1, \"cpus\": null, \"until\": \"1ms\"}", "cpus: is null; expected a whole number"},
            {"{\"version\": 1, \"cpus\": 1, \"until\": 40}", "until: 40 is a number; expected a string"},
            {"{\"version\": 1, \"cpus\": 1, \"until\": \"1ms\", \"title\": true}", "title: true is a boolean; expected a string"},
            {"{\"version\": 1, \"cpus\": 1, \"until\": \"1ms\", \"actions\": {}}", "actions: {…} is an object; expected a list"},
            {"{\"version\": 1, \"cpus\": 1, \"until\": \"1ms\", \"actions\": [3]}", "actions[0]: 3 is a number; expected an action"},
            // ranges and choices
            {"{\"version\": 1, \"cpus\": 0, \"until\": \"1ms\"}", "cpus: 0 is out of range (1 to 256)"},
            {"{\"version\": 1, \"cpus\": 257, \"until\": \"1ms\"}", "cpus: 257 is out of range (1 to 256)"},
            {"{\"version\": 1, \"cpus\": 99999999999999999999, \"until\": \"1ms\"}", "cpus: \"99999999999999999999\" is out of range (1 to 256)"},
            {"{\"version\": 1, \"cpus\": 1}", "until: missing (how long to run, e.g. \"40ms\")"},
            {"{\"version\": 1, \"cpus\": 2, \"until\": \"1ms\", \"nohz_full\": [2]}", "nohz_full: CPU 2 is out of range (this scenario has 2 CPUs)"},
            {"{\"version\": 1, \"cpus\": 2, \"until\": \"1ms\", \"nohz_full\": [0, 1]}", "nohz_full: lists every CPU; at least one must stay a housekeeping CPU"},
            {"{\"version\": 1, \"cpus\": 4, \"until\": \"1ms\", \"nohz_full\": [1, 1]}", "nohz_full: CPU 1 is listed twice"},
            {"{\"version\": 1, \"cpus\": 4, \"until\": \"1ms\", \"nohz_full\": [2, 1]}", "nohz_full: list the CPUs in ascending order"},
            {"{\"version\": 1, \"cpus\": 1, \"until\": \"1ms\", \"hz\": 200}", "hz: 200 is not a HZ of this kernel (100, 250, 300 or 1000)"},
            {"{\"version\": 1, \"cpus\": 1, \"until\": \"1ms\", \"preempt\": \"rt\"}", "preempt: \"rt\" is not a preemption model (none, voluntary or full)"},
            {"{\"version\": 1, \"cpus\": 1, \"until\": \"1ms\", \"boot\": \"v6.1\"}", "boot: \"v6.1\" is not a boot profile (minimal, v5.15 or workqueues)"},
            {"{\"version\": 1, \"cpus\": 1, \"until\": \"601s\"}", "until: \"601s\" is larger than the most, 600s"},
            {"{\"version\": 1, \"cpus\": 1, \"until\": \"0ms\"}", "until: 0s is out of range (more than 0, at most 600s)"},
            {"{\"version\": 1, \"cpus\": 1, \"until\": \"1 ms\"}", "until: \"1 ms\" is not a duration (a number and a unit: ns, us, ms or s"},
            {"{\"version\": 1, \"cpus\": 1, \"until\": \"40\"}", "until: \"40\" is not a duration"},
            {"{\"version\": 1, \"cpus\": 1, \"until\": \"1.0001us\"}", "until: \"1.0001us\" is not a whole number of nanoseconds"},
            {"{\"version\": 1, \"cpus\": 1, \"until\": \"1ms\", \"title\": \"a\\u0007b\"}", "title: \"a\\u0007b\" has a control character"},
        };
        for (String[] c : cases) {
            expectError(c[0], c[1]);
        }
    }

    @Test
    void actionErrorsNameTheAction() {
        String[][] cases = {
            {act("{\"at\": \"1ms\", \"by\": \"insmod\", \"op\": \"kthread_run\", \"name\": \"d\", \"fn\": \"sleeper\", \"cpu\": 5}"),
                "actions[2].cpu: 5 is out of range (this scenario has 2 CPUs)"},
            {act("{\"at\": \"1ms\", \"by\": \"insmod\", \"op\": \"kthread_run\", \"name\": \"d\", \"fn\": \"sleeper\", \"cpu\": -2}"),
                "actions[2].cpu: -2 is out of range (-1 for unbound, or 0 to 1)"},
            {act("{\"at\": \"1ms\", \"by\": \"insmod\", \"op\": \"kthread_bind\", \"target\": \"demo/0\", \"cpu\": 2}"),
                "actions[2].cpu: 2 is out of range (this scenario has 2 CPUs)"},
            {act("{\"at\": \"1ms\", \"by\": \"insmod\", \"op\": \"kthread_bind\", \"target\": \"demo/0\"}"),
                "actions[2].cpu: missing (the CPU to bind to)"},
            {act("{\"at\": \"1ms\", \"by\": \"insmod\", \"op\": \"kthread_fly\"}"),
                "actions[2].op: \"kthread_fly\" is not an op (kthread_run, kthread_create, wake_up_process,"},
            {act("{\"at\": \"1ms\", \"by\": \"insmod\"}"), "actions[2].op: missing"},
            {act("{\"at\": \"1ms\", \"by\": \"insmod\", \"op\": \"kthread_run\", \"name\": \"d\", \"fn\": \"sleeper\", \"colour\": 1}"),
                "actions[2].colour: unknown key (an action has at, by, op,"},
            {act("{\"at\": \"1ms\", \"by\": \"insmod\", \"op\": \"kthread_stop\", \"target\": \"demo/0\", \"name\": \"x\"}"),
                "actions[2].name: kthread_stop takes no name (its keys are at, by, op, count, target)"},
            {act("{\"at\": \"1ms\", \"by\": \"insmod\", \"op\": \"sigkill\", \"target\": \"insmod\"}"),
                "actions[2].by: sigkill takes no by (the scenario sends the signal)"},
            {act("{\"at\": \"1ms\", \"op\": \"sigkill\"}"), "actions[2].target: missing"},
            {act("{\"at\": \"1ms\", \"op\": \"sigkill\", \"target\": \"bash\"}"),
                "actions[2].target: \"bash\" is not a creator of this scenario (sigkill goes to a process named in an"
                    + " action's by, e.g. \"insmod\")"},
            {act("{\"at\": \"1ms\", \"op\": \"kthread_stop\", \"target\": \"demo/0\"}"),
                "actions[2].by: missing (the creator process, e.g. \"insmod\")"},
            {act("{\"at\": \"1ms\", \"by\": \"insmod\", \"op\": \"kthread_stop\", \"target\": \"demo/2\"}"),
                "actions[2].target: \"demo/2\" names no kthread created at or before 1ms (e.g. \"demo/0\")"},
            {act("{\"at\": \"500us\", \"by\": \"insmod\", \"op\": \"kthread_stop\", \"target\": \"demo/0\"}"),
                "actions[2].target: \"demo/0\" names no kthread created at or before 500us (no kthread_run or"},
            {act("{\"at\": \"1ms\", \"by\": \"insmod\", \"op\": \"kthread_stop\", \"target\": \"demo/01\"}"),
                "actions[2].target: \"demo/01\" names no kthread"},
            {act("{\"at\": \"50ms\", \"by\": \"insmod\", \"op\": \"kthread_stop\", \"target\": \"demo/0\"}"),
                "actions[2].at: 50ms is after until (40ms)"},
            {act("{\"at\": \"-1ms\", \"by\": \"insmod\", \"op\": \"kthread_stop\", \"target\": \"demo/0\"}"),
                "actions[2].at: \"-1ms\" is negative (times start at 0)"},
            {act("{\"at\": \"1ms\", \"by\": \"insmod\", \"op\": \"kthread_run\", \"name\": \"d\", \"fn\": \"sleeper\", \"count\": 0}"),
                "actions[2].count: 0 is out of range (1 to 10000)"},
            {act("{\"at\": \"1ms\", \"by\": \"insmod\", \"op\": \"kthread_run\", \"name\": \"d\", \"fn\": \"sleeper\", \"count\": 10001}"),
                "actions[2].count: 10001 is out of range (1 to 10000)"},
            {act("{\"at\": \"1ms\", \"by\": \"insmod\", \"op\": \"kthread_run\", \"name\": \"d\", \"fn\": \"dancer\"}"),
                "actions[2].fn: \"dancer\" is not a thread function (sleeper, spinner, percpu, oneshot or worker)"},
            {act("{\"at\": \"1ms\", \"by\": \"insmod\", \"op\": \"kthread_run\", \"name\": \"d\"}"),
                "actions[2].fn: missing"},
            {act("{\"at\": \"1ms\", \"by\": \"insmod\", \"op\": \"kthread_run\", \"name\": \"d\", \"fn\": \"sleeper\", \"fail\": \"oom\"}"),
                "actions[2].fail: \"oom\" is not a failure we can inject (copy_process, set_kthread_struct or kmalloc)"},
            {act("{\"at\": \"1ms\", \"by\": \"insmod\", \"op\": \"kthread_run\", \"name\": \"d\", \"fn\": \"sleeper\", \"arg\": -1}"),
                "actions[2].arg: -1 is out of range (0 to 1000000)"},
            {act("{\"at\": \"1ms\", \"by\": \"insmod\", \"op\": \"kthread_run\", \"name\": \"d%d/%d\", \"fn\": \"sleeper\"}"),
                "actions[2].name: \"d%d/%d\" has 2 conversions"},
            {act("{\"at\": \"1ms\", \"by\": \"insmod\", \"op\": \"kthread_run\", \"name\": \"d%x\", \"fn\": \"sleeper\"}"),
                "actions[2].name: \"d%x\" has a stray %"},
            {act("{\"at\": \"1ms\", \"by\": \"insmod\", \"op\": \"kthread_run\", \"name\": \"my thread\", \"fn\": \"sleeper\"}"),
                "actions[2].name: \"my thread\" may use only printable ASCII without spaces"},
            {act("{\"at\": \"1ms\", \"by\": \"insmod\", \"op\": \"kthread_run\", \"fn\": \"sleeper\"}"),
                "actions[2].name: missing"},
            {act("{\"at\": \"1ms\", \"by\": \"a_very_long_creator\", \"op\": \"kthread_run\", \"name\": \"d\", \"fn\": \"sleeper\"}"),
                "actions[2].by: \"a_very_long_creator\" is longer than 15 characters"},
            {act("{\"at\": \"1ms\", \"by\": \"init\", \"op\": \"kthread_run\", \"name\": \"d\", \"fn\": \"sleeper\"}"),
                "actions[2].by: \"init\" is the name of a kernel task"},
            {act("{\"at\": 1, \"by\": \"insmod\", \"op\": \"kthread_stop\", \"target\": \"demo/0\"}"),
                "actions[2].at: 1 is a number; expected a string"},
        };
        for (String[] c : cases) {
            expectError(c[0], c[1]);
        }
    }

    @Test
    void targetsExpandNamesLikeVsnprintf() throws ScenarioException {
        // count 3 gives demo/0..demo/2; a bound create names its thread with the CPU; %% is a percent.
        String base = "{\"version\": 1, \"cpus\": 4, \"until\": \"40ms\", \"actions\": ["
            + "{\"at\": \"1ms\", \"by\": \"insmod\", \"op\": \"kthread_run\", \"name\": \"demo/%d\", \"count\": 3, \"fn\": \"sleeper\"},"
            + "{\"at\": \"1ms\", \"by\": \"insmod\", \"op\": \"kthread_create\", \"name\": \"pc/%u\", \"fn\": \"percpu\", \"cpu\": 3},"
            + "{\"at\": \"1ms\", \"by\": \"insmod\", \"op\": \"kthread_run\", \"name\": \"p%%%d\", \"count\": 12, \"fn\": \"oneshot\"},";
        for (String t : new String[] {"demo/2", "pc/3", "p%11", "p%0"}) {
            ScenarioJson.read(base + "{\"at\": \"2ms\", \"by\": \"insmod\", \"op\": \"kthread_stop\", \"target\": \"" + t + "\"}]}");
        }
        for (String t : new String[] {"demo/3", "pc/0", "p%12", "p11", "demo/-1"}) {
            expectError(base + "{\"at\": \"2ms\", \"by\": \"insmod\", \"op\": \"kthread_stop\", \"target\": \"" + t + "\"}]}",
                "actions[3].target: \"" + t + "\" names no kthread");
        }
    }

    @Test
    void aTargetOpWithACountActsOnEveryIndex() throws ScenarioException {
        Scenario bench = bench();
        ScenarioCheck.check(bench);
        String text = ScenarioJson.write(bench);
        assertTrue(text.contains("{\"at\": \"1500ms\", \"by\": \"rmmod\", \"op\": \"kthread_stop\", \"count\": 10000,"
            + " \"target\": \"bench/%d\"}"), text);
        assertSame(bench, ScenarioJson.read(text), "bench");
        String base = "{\"version\": 1, \"cpus\": 2, \"until\": \"40ms\", \"actions\": ["
            + "{\"at\": \"1ms\", \"by\": \"insmod\", \"op\": \"kthread_run\", \"name\": \"d/%d\", \"count\": 3, \"fn\": \"sleeper\"},";
        ScenarioJson.read(base + "{\"at\": \"2ms\", \"by\": \"x\", \"op\": \"kthread_park\", \"count\": 3, \"target\": \"d/%u\"}]}");
        expectError(base + "{\"at\": \"2ms\", \"by\": \"x\", \"op\": \"kthread_stop\", \"count\": 4, \"target\": \"d/%d\"}]}",
            "actions[1].target: \"d/%d\" with count 4: \"d/3\" names no kthread created at or before 2ms");
        expectError(base + "{\"at\": \"2ms\", \"by\": \"x\", \"op\": \"kthread_stop\", \"count\": 2, \"target\": \"d/1\"}]}",
            "actions[1].target: \"d/1\" has no %d for the index, so count 2 would act on one thread 2 times");
        expectError(base + "{\"at\": \"2ms\", \"op\": \"sigkill\", \"count\": 2, \"target\": \"insmod\"}]}",
            "actions[1].count: sigkill takes no count");
    }

    @Test
    void writeRefusesAnInvalidScenario() {
        Scenario s = new Scenario("", 0, Collections.emptyList(), 250, "voluntary", "minimal", 1_000_000,
            new ArrayList<>());
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioJson.write(s));
        assertEquals("cpus: 0 is out of range (1 to 256)", e.getMessage());
        assertEquals("cpus", e.key);
    }

    @Test
    void tooManyActionsIsAnError() {
        StringBuilder sb = new StringBuilder("{\"version\": 1, \"cpus\": 1, \"until\": \"1ms\", \"actions\": [");
        for (int i = 0; i <= ScenarioCheck.MAX_ACTIONS; i++) {
            sb.append(i == 0 ? "" : ",").append("{}");
        }
        expectError(sb.append("]}").toString(), "actions: 501 actions are too many (at most 500)");
    }

    @Test
    void theTotalsAreLimited() throws ScenarioException {
        ScenarioCheck.check(bench());
        String create = "{\"at\": \"1ms\", \"by\": \"insmod\", \"op\": \"kthread_run\", \"name\": \"b/%d\","
            + " \"count\": 10000, \"fn\": \"sleeper\"}";
        String wake = ", {\"at\": \"2ms\", \"by\": \"insmod\", \"op\": \"wake_up_process\", \"count\": 10000,"
            + " \"target\": \"b/%d\"}";
        String[][] cases = {
            {"{\"version\": 1, \"cpus\": 65, \"until\": \"1s\", \"actions\": [" + create + "]}",
                "actions: 65 CPUs × 10000 threads is 650000; the most is 640000"},
            {"{\"version\": 1, \"cpus\": 2, \"until\": \"1s\", \"actions\": [" + create + ", "
                + create.replace("b/%d", "c/%d").replace("10000", "1") + "]}",
                "actions: the actions create 10001 threads; the most is 10000"},
            {"{\"version\": 1, \"cpus\": 2, \"until\": \"1s\", \"actions\": [" + create + wake + wake + wake
                + "]}", "actions: the actions act on 30000 threads (the counts of wake, bind, stop, park and unpark);"
                + " the most is 20000"},
            {"{\"version\": 1, \"cpus\": 1, \"until\": \"18446744074s\"}", "until: \"18446744074s\" is larger than the most, 600s"},
            {"{\"version\": 1, \"cpus\": 1, \"until\": \"-9223372036709551616ns\"}", "until: \"-9223372036709551616ns\" is negative"},
        };
        for (String[] c : cases) {
            expectError(c[0], c[1]);
        }
        // The largest totals are accepted, and checked in time linear in them.
        ScenarioJson.read("{\"version\": 1, \"cpus\": 64, \"until\": \"1s\", \"actions\": [" + create + wake + wake
            + "]}");
    }

    @Test
    void theWorkloadIsEstimatedBeforeARun() {
        for (Presets.Preset p : Presets.all()) {
            assertNull(Workload.of(p.scenario).overAuto(), p.name + " starts by itself");
        }
        Workload w = Workload.of(bench());
        assertEquals(10_000, w.threads);
        assertEquals(10_000, w.targets);
        assertTrue(w.overAuto().startsWith("it creates 10000 threads and needs about "), w.overAuto());
    }

    /** A stress scenario like the bench's: 10,000 kthreads made by one action, stopped by another. */
    static Scenario bench() {
        List<Action> a = new ArrayList<>();
        a.add(new Action(1_000_000L, "insmod", "kthread_run", "bench/%d", 10_000, "sleeper", 100, -1, "", ""));
        a.add(new Action(1_500_000_000L, "rmmod", "kthread_stop", "", 10_000, "", 0, -1, "bench/%d", ""));
        return new Scenario("bench: 64 CPUs, 10,000 kthreads created, run, stopped", 64, Collections.emptyList(),
            250, "voluntary", "minimal", 4_000_000_000L, a);
    }

    /** The issue's example with one action replaced (index 2), on 2 CPUs, until 40ms. */
    static String act(String action) {
        return "{\"version\": 1, \"cpus\": 2, \"until\": \"40ms\", \"actions\": ["
            + "{\"at\": \"1ms\", \"by\": \"insmod\", \"op\": \"kthread_run\", \"name\": \"demo/%d\", \"fn\": \"sleeper\"},"
            + "{\"at\": \"1ms\", \"by\": \"insmod\", \"op\": \"kthread_run\", \"name\": \"demo2\", \"fn\": \"sleeper\"},"
            + action + "]}";
    }

    static void expectError(String json, String expected) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioJson.read(json), json);
        assertTrue(e.getMessage().startsWith(expected) || e.getMessage().contains(expected),
            "for " + json + "\n expected: " + expected + "\n      got: " + e.getMessage());
        assertTrue(e.getMessage().indexOf('\n') < 0, e.getMessage());
    }

    static Scenario with(Scenario s, String title) {
        return new Scenario(title, s.cpus, s.nohzFull, s.hz, s.preempt, s.boot, s.until, s.actions);
    }

    /** Field by field equality of two scenarios. */
    static void assertSame(Scenario a, Scenario b, String what) {
        assertEquals(a.title, b.title, what);
        assertEquals(a.cpus, b.cpus, what);
        assertEquals(a.nohzFull, b.nohzFull, what);
        assertEquals(a.hz, b.hz, what);
        assertEquals(a.preempt, b.preempt, what);
        assertEquals(a.boot, b.boot, what);
        assertEquals(a.until, b.until, what);
        assertEquals(a.actions.size(), b.actions.size(), what);
        List<Action> x = a.actions;
        List<Action> y = b.actions;
        for (int i = 0; i < x.size(); i++) {
            String w = what + " action " + i;
            assertEquals(x.get(i).at, y.get(i).at, w);
            assertEquals(x.get(i).by, y.get(i).by, w);
            assertEquals(x.get(i).op, y.get(i).op, w);
            assertEquals(x.get(i).name, y.get(i).name, w);
            assertEquals(x.get(i).count, y.get(i).count, w);
            assertEquals(x.get(i).fn, y.get(i).fn, w);
            assertEquals(x.get(i).arg, y.get(i).arg, w);
            assertEquals(x.get(i).cpu, y.get(i).cpu, w);
            assertEquals(x.get(i).target, y.get(i).target, w);
            assertEquals(x.get(i).fail, y.get(i).fail, w);
        }
    }
}
