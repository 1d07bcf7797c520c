package kthreadlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioLinkTest {
    static final View FULL_VIEW = new View(120, "zh", "kernel/kthread.c", 5, false);

    @Test
    void anUnmodifiedPresetIsItsName() throws ScenarioException {
        for (Presets.Preset p : Presets.all()) {
            String link = ScenarioLink.encode(p.scenario, View.DEFAULT);
            assertEquals("#v=1&preset=" + p.name, link);
            ScenarioLink.Decoded d = ScenarioLink.decode(link);
            assertEquals(p.name, d.preset);
            ScenarioJsonTest.assertSame(p.scenario, d.scenario, p.name);
            assertEquals(View.DEFAULT, d.view);
            assertEquals(link, ScenarioLink.encode(d.scenario, d.view));
        }
    }

    @Test
    void everyEditedPresetRoundTripsAndStaysShort() throws ScenarioException {
        for (Presets.Preset p : Presets.all()) {
            Scenario edited = edited(p.scenario);
            String link = ScenarioLink.encode(edited, FULL_VIEW);
            assertTrue(link.length() < 500, p.name + ": " + link.length() + " characters: " + link);
            assertFalse(link.contains("preset="), link);
            ScenarioLink.Decoded d = ScenarioLink.decode(link);
            assertNull(d.preset, p.name);
            ScenarioJsonTest.assertSame(edited, d.scenario, p.name);
            assertEquals(FULL_VIEW, d.view);
            assertEquals(link, ScenarioLink.encode(d.scenario, d.view), p.name);
            // the same scenario through JSON and back gives the same link
            assertEquals(link, ScenarioLink.encode(ScenarioJson.read(ScenarioJson.write(d.scenario)), d.view));
        }
    }

    @Test
    void aFullFormEqualToAPresetDecodesAsThatPreset() throws ScenarioException {
        Scenario edited = edited(Presets.get("seed").scenario);
        String full = ScenarioLink.encode(edited, View.DEFAULT);
        String back = full.replace("&hz=1000", "");
        ScenarioLink.Decoded d = ScenarioLink.decode(back);
        assertEquals("seed", d.preset);
        assertEquals("#v=1&preset=seed", ScenarioLink.encode(d.scenario, d.view));
    }

    @Test
    void theExampleLinkDecodesToItsCanonicalForm() throws ScenarioException {
        String example = "#v=1&cpus=2&boot=minimal&preempt=voluntary&until=40ms"
            + "&a=1ms,insmod,run,demo%2F%25d,2,sleeper,2&a=20ms,insmod,stop,demo/1"
            + "&step=120&lang=zh&file=kernel/kthread.c&follow=5";
        ScenarioLink.Decoded d = ScenarioLink.decode(example);
        Action a = d.scenario.actions.get(0);
        assertEquals("demo/%d", a.name);
        assertEquals(2, a.count);
        assertEquals("sleeper", a.fn);
        assertEquals(2, a.arg);
        assertEquals(1_000_000L, a.at);
        assertEquals(FULL_VIEW, d.view);
        String canonical = "#v=1&cpus=2&until=40ms&a=1ms,insmod,run,demo/%25d,2,sleeper,2&a=20ms,insmod,stop,demo/1"
            + "&step=120&lang=zh&file=kernel/kthread.c&follow=5";
        assertEquals(canonical, ScenarioLink.encode(d.scenario, d.view));
        ScenarioLink.Decoded again = ScenarioLink.decode(canonical.substring(1));
        assertEquals(canonical, ScenarioLink.encode(again.scenario, again.view));
    }

    @Test
    void everyFieldHasAPlaceInTheLink() throws ScenarioException {
        List<Action> actions = new ArrayList<>();
        actions.add(new Action(1_000_000, "in,s&m=d", "kthread_create", "a,b&c=%d#", 3, "worker", 9, -1, "", "kmalloc"));
        actions.add(new Action(1_500_000, "in,s&m=d", "kthread_run", "pc/%u", 1, "percpu", 0, 2, "", ""));
        actions.add(new Action(2_000_000, "in,s&m=d", "kthread_bind", "", 1, "", 0, 3, "a,b&c=2#", ""));
        actions.add(new Action(2_000_001, "in,s&m=d", "wake_up_process", "", 1, "", 0, -1, "a,b&c=2#", ""));
        actions.add(new Action(3_000_000, "in,s&m=d", "kthread_park", "", 1, "", 0, -1, "pc/2", ""));
        actions.add(new Action(4_000_000, "in,s&m=d", "kthread_unpark", "", 1, "", 0, -1, "pc/2", ""));
        actions.add(new Action(5_000_000, "in,s&m=d", "kthread_stop", "", 1, "", 0, -1, "a,b&c=0#", ""));
        actions.add(new Action(6_000_000, "", "sigkill", "", 1, "", 0, -1, "in,s&m=d", ""));
        Scenario s = new Scenario("标题 100% «x» & y=z, #1 \ud83d\ude00", 4, List.of(1, 3), 1000, "full",
            "v5.15", 2_000_000_000L, actions);
        View v = new View(9_007_199_254_740_991L, "en", "include/linux/kthread.h", 0, true);
        String link = ScenarioLink.encode(s, v);
        assertEquals("#v=1&cpus=4&nohz_full=1,3&hz=1000&preempt=full&boot=v5.15&until=2s"
            + "&title=%E6%A0%87%E9%A2%98%20100%25%20%C2%ABx%C2%BB%20%26%20y%3Dz%2C%20%231%20%F0%9F%98%80"
            + "&a=1ms,in%2Cs%26m%3Dd,create,a%2Cb%26c%3D%25d%23,3,worker,9,-1,kmalloc"
            + "&a=1500us,in%2Cs%26m%3Dd,run,pc/%25u,1,percpu,0,2"
            + "&a=2ms,in%2Cs%26m%3Dd,bind,a%2Cb%26c%3D2%23,3"
            + "&a=2000001ns,in%2Cs%26m%3Dd,wake,a%2Cb%26c%3D2%23"
            + "&a=3ms,in%2Cs%26m%3Dd,park,pc/2&a=4ms,in%2Cs%26m%3Dd,unpark,pc/2"
            + "&a=5ms,in%2Cs%26m%3Dd,stop,a%2Cb%26c%3D0%23&a=6ms,,sigkill,in%2Cs%26m%3Dd"
            + "&step=9007199254740991&lang=en&file=include/linux/kthread.h&follow=0&embed=1", link);
        ScenarioLink.Decoded d = ScenarioLink.decode(link);
        ScenarioJsonTest.assertSame(s, d.scenario, "all fields");
        assertEquals(v, d.view);
        assertEquals(link, ScenarioLink.encode(d.scenario, d.view));
    }

    @Test
    void theBenchScenarioIsAShortLink() throws ScenarioException {
        Scenario bench = ScenarioJsonTest.bench();
        String link = ScenarioLink.encode(bench, View.DEFAULT);
        assertTrue(link.endsWith("&a=1ms,insmod,run,bench/%25d,10000,sleeper,100&a=1500ms,rmmod,stop,bench/%25d,10000"),
            link);
        ScenarioJsonTest.assertSame(bench, ScenarioLink.decode(link).scenario, "bench");
        ScenarioLink.Decoded d = ScenarioLink.decode("#v=1&cpus=2&until=9ms&a=1ms,i,run,k/%25d,2,spinner"
            + "&a=2ms,i,bind,k/%25d,1,2&a=3ms,i,wake,k/%25d,2");
        assertEquals(2, d.scenario.actions.get(1).count);
        assertEquals(1, d.scenario.actions.get(1).cpu);
        assertEquals("#v=1&cpus=2&until=9ms&a=1ms,i,run,k/%25d,2,spinner&a=2ms,i,bind,k/%25d,1,2&a=3ms,i,wake,k/%25d,2",
            ScenarioLink.encode(d.scenario, d.view));
    }

    @Test
    void rawCharactersThatBrowsersMayLeaveAreAccepted() throws ScenarioException {
        ScenarioLink.Decoded d = ScenarioLink.decode("v=1&cpus=1&until=1ms&title=内核<b>'x'+y");
        assertEquals("内核<b>'x'+y", d.scenario.title);
        assertEquals("#v=1&cpus=1&until=1ms&title=%E5%86%85%E6%A0%B8%3Cb%3E%27x%27%2By",
            ScenarioLink.encode(d.scenario, d.view));
    }

    @Test
    void errorsNameTheKeyAndTheProblem() {
        String big = "#v=1&title=" + "x".repeat(ScenarioLink.MAX_CHARS);
        String[][] cases = {
            {"", "the link is empty (a link starts with #v=1)"},
            {"#", "the link is empty"},
            {big, "the link has 65546 characters; the most is 65536"},
            {"#cpus=1&v=1", "v: missing (a link starts with v=1)"},
            {"#v=2&cpus=1&whatever=3", "v: 2 is newer than this kthreadlab reads (links up to v=1)"},
            {"#v=one", "v: \"one\" is not a whole number"},
            {"#v=0", "v: 0 is out of range (link versions start at 1)"},
            {"#v=1&v=1", "v: appears twice"},
            {"#v=1&preset=seed&colour=red", "colour: unknown key (a v1 link has v, preset, cpus,"},
            {"#v=1&preset=seed&%3Cscript%3E=1", "\"%3Cscript%3E\": unknown key"},
            {"#v=1&preset=seed&step=1&step=2", "step: appears twice"},
            {"#v=1&preset=seed&embed", "embed: has no value (write embed=…)"},
            {"#v=1&preset=seed&&step=1", "an empty parameter at character 17"},
            {"#v=1&preset=seed&", "an empty parameter at character 17"},
            {"#v=1&preset=seed&lang=", "lang: is empty (leave the key out for its default)"},
            {"#v=1&preset=seed&lang=fr", "lang: \"fr\" is not a language (zh or en)"},
            {"#v=1&preset=seed&file=../etc/passwd", "file: \"../etc/passwd\" is not a source path"},
            {"#v=1&preset=seed&file=javascript:alert(1)", "file: \"javascript:alert(1)\" is not a source path"},
            {"#v=1&preset=seed&follow=-5", "follow: -5 is out of range (a pid, 0 to 4194304)"},
            {"#v=1&preset=seed&step=99999999999999999999", "step: \"99999999999999999999\" is out of range"},
            {"#v=1&preset=seed&step=1e3", "step: \"1e3\" is not a whole number"},
            {"#v=1&preset=seed&step=007", "step: \"007\" is not a whole number"},
            {"#v=1&preset=seed&embed=0", "embed: \"0\" is not 1 (write embed=1 or leave it out)"},
            {"#v=1&preset=sed", "preset: \"sed\" is not a preset (seed, "},
            {"#v=1&preset=seed&cpus=2", "cpus: cannot go with preset \"seed\""},
            {"#v=1&preset=seed&a=1ms,insmod,stop,x", "a: cannot go with preset \"seed\""},
            {"#v=1&until=1ms", "cpus: missing (the number of CPUs, or preset=NAME)"},
            {"#v=1&cpus=1", "until: missing (how long to run, e.g. until=40ms)"},
            {"#v=1&cpus=0&until=1ms", "cpus: 0 is out of range (1 to 256)"},
            {"#v=1&cpus=two&until=1ms", "cpus: \"two\" is not a whole number"},
            {"#v=1&cpus=1&until=1ms&hz=99", "hz: 99 is not a HZ of this kernel"},
            {"#v=1&cpus=2&until=1ms&nohz_full=0,1", "nohz_full: lists every CPU"},
            {"#v=1&cpus=2&until=1ms&nohz_full=,1", "nohz_full: \"\" is not a whole number"},
            {"#v=1&cpus=1&until=1ms&title=%G1", "title: malformed escape \"%G1\" at character 1"},
            {"#v=1&cpus=1&until=1ms&title=ab%4", "title: malformed escape \"%4\" at character 3"},
            {"#v=1&cpus=1&until=1ms&title=%C3%28", "title: escape at character 1 is not UTF-8 (\"%C3%28\")"},
            {"#v=1&cpus=1&until=1ms&title=%C0%AF", "title: escape at character 1 is not UTF-8"},
            {"#v=1&cpus=1&until=1ms&title=%ED%A0%80", "title: escape at character 1 is not UTF-8"},
            {"#v=1&cpus=1&until=1ms&title=a b", "title: has a raw space at character 2 (write it as %20)"},
            {"#v=1&cpus=1&until=1ms&title=a=b", "title: has a raw '=' at character 2 (write it as %3D)"},
            {"#v=1&cpus=1&until=1ms&title=%0A", "title: \"\\u000a\" has a control character"},
            {"#v=1&cpus=1&until=1ms&a=1ms", "a[0]: has 1 field; an action is at,by,op,…"},
            {"#v=1&cpus=1&until=1ms&a=1ms,insmod,kthread_run,x,1,oneshot", "a[0].op: \"kthread_run\" is not an op (run,"},
            {"#v=1&cpus=1&until=1ms&a=1ms,insmod,run,x,1", "a[0]: has 5 fields; run takes at,by,op,name,count,fn"},
            {"#v=1&cpus=1&until=1ms&a=1ms,insmod,run,x,1,oneshot,0,-1,,9", "a[0]: has 10 fields"},
            {"#v=1&cpus=1&until=1ms&a=1ms,insmod,run,x,,oneshot", "a[0].count: \"\" is not a whole number"},
            {"#v=1&cpus=1&until=1ms&a=1ms,insmod,run,x,1,oneshot,0,3", "a[0].cpu: 3 is out of range (this scenario has 1 CPU)"},
            {"#v=1&cpus=1&until=1ms&a=2ms,insmod,run,x,1,oneshot", "a[0].at: 2ms is after until (1ms)"},
            {"#v=1&cpus=1&until=1ms&a=1ms,insmod,run,x,1,oneshot&a=1ms,insmod,stop,y",
                "a[1].target: \"y\" names no kthread created at or before 1ms (e.g. \"x\")"},
            {"#v=1&cpus=1&until=1ms&a=1ms,insmod,run,x,1,oneshot&a=1ms,insmod,bind,x", "a[1]: has 4 fields; bind takes"},
            {"#v=1&cpus=1&until=1ms&a=1ms,insmod,run,x,1,oneshot&a=1ms,insmod,sigkill,insmod",
                "a[1].by: sigkill takes no by"},
            {"#v=1&cpus=1&until=1ms&a=1ms,,sigkill", "a[0]: has 3 fields; sigkill takes at,by,op,target with an empty by"},
            {"#v=1&cpus=1&until=1ms&a=1ms,,run,x,1,oneshot", "a[0].by: missing"},
            {"#v=1&cpus=1&until=1ms&a=1ms,in%20smod,run,x,1,oneshot", "a[0].by: \"in smod\" may use only printable"},
        };
        for (String[] c : cases) {
            expectError(c[0], c[1]);
        }
    }

    @Test
    void encodeRefusesWhatDecodeWouldRefuse() {
        Scenario s = Presets.get("seed").scenario;
        assertThrows(ScenarioException.class, () -> ScenarioLink.encode(s, View.DEFAULT.withLang("fr")));
        assertThrows(ScenarioException.class, () -> ScenarioLink.encode(s, View.DEFAULT.withFile("/etc/passwd")));
        assertThrows(ScenarioException.class, () -> ScenarioLink.encode(s, View.DEFAULT.withStep(-1)));
        Scenario bad = new Scenario("", 1, Collections.emptyList(), 250, "voluntary", "minimal", 0,
            new ArrayList<>());
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLink.encode(bad, View.DEFAULT));
        assertEquals("until", e.key);
    }

    static void expectError(String link, String expected) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLink.decode(link),
            link.length() > 200 ? link.substring(0, 200) : link);
        String shown = link.length() > 200 ? link.substring(0, 200) + "…" : link;
        assertTrue(e.getMessage().startsWith(expected), "for " + shown + "\n expected: " + expected + "\n      got: "
            + e.getMessage());
        assertTrue(e.getMessage().indexOf('\n') < 0, e.getMessage());
    }

    /** The scenario with another HZ: an edit that keeps it valid but no longer the preset. */
    static Scenario edited(Scenario s) {
        return new Scenario(s.title, s.cpus, s.nohzFull, s.hz == 1000 ? 300 : 1000, s.preempt, s.boot, s.until,
            s.actions, s.whatIf);
    }

    /** Older links may carry a seed (it never changed a run): read and ignored. */
    @Test
    void anOlderLinksSeedIsIgnored() throws ScenarioException {
        String link = "#v=1&cpus=2&until=40ms&a=1ms,insmod,run,demo%2F%25d,2,sleeper,2";
        ScenarioLink.Decoded plain = ScenarioLink.decode(link);
        for (String seed : new String[] {"1", "987654321"}) {
            ScenarioLink.Decoded d = ScenarioLink.decode(link + "&seed=" + seed);
            assertEquals(ScenarioLink.encode(plain.scenario, plain.view), ScenarioLink.encode(d.scenario, d.view));
        }
    }

    /** Rung v0, the form from before v1: read strictly, upgraded to the same view. */
    @Test
    void aLinkFromBeforeV1IsUpgraded() throws ScenarioException {
        ScenarioLink.Decoded d = ScenarioLink.decode("#preset=many-threads&step=42&lang=zh");
        assertEquals("many-threads", d.preset);
        assertEquals("#v=1&preset=many-threads&step=42&lang=zh", ScenarioLink.encode(d.scenario, d.view));
        d = ScenarioLink.decode("#step=3&until=2000000");
        assertEquals(null, d.preset);
        assertEquals(2_000_000, d.scenario.until);
        assertEquals(Presets.get(Presets.DEFAULT).scenario.cpus, d.scenario.cpus);
        assertTrue(ScenarioLink.encode(d.scenario, d.view).contains("&until=2ms&"), ScenarioLink.encode(d.scenario, d.view));
        long own = Presets.get("seed").scenario.until;
        assertEquals("seed", ScenarioLink.decode("#preset=seed&until=" + own).preset, "its own end time keeps the preset");
    }

    @Test
    void aBadLinkFromBeforeV1NamesTheProblem() {
        String[][] cases = {
            {"#preset=nope", "preset: \"nope\" is not a preset (seed, "},
            {"#step=-1", "step: -1 is out of range (0 to 9007199254740991)"},
            {"#step=1e3", "step: \"1e3\" is not a whole number"},
            {"#step=", "step: is empty"},
            {"#step=99999999999999999999999", "step: \"99999999999999999999999\" is out of range"},
            {"#until=0", "until: 0 is out of range (nanoseconds, 1 to 600000000000)"},
            {"#until=18446744074000000000", "until: \"18446744074000000000\" is out of range"},
            {"#until=3600000000000", "until: 3600000000000ns is larger than the most, 600s"},
            {"#lang=fr", "lang: \"fr\" is not a language (zh or en)"},
            {"#preset=seed&preset=seed", "preset: appears twice"},
            {"#step=1&step=2", "step: appears twice"},
            {"#step=1&foo=1", "foo: unknown key (a link from before v1 has preset, step, lang, until)"},
            {"#preset", "preset: has no value"},
            {"#preset=seed&", "an empty parameter at character 13"},
            {"##v=1&preset=seed", "the link has two '#' in a row; a link has one, then v=1"},
            {"#=seed", "v: missing"},
        };
        for (String[] c : cases) {
            ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLink.decode(c[0]), c[0]);
            assertTrue(e.getMessage().startsWith(c[1]), c[0] + " -> " + e.getMessage());
        }
    }

    @Test
    void anUnreadableLinkStillSaysItIsEmbedded() {
        assertTrue(ScenarioLink.asksEmbed("#v=1&cpus=999&until=1ms&embed=1"));
        assertTrue(ScenarioLink.asksEmbed("#embed=1&v=1"));
        assertFalse(ScenarioLink.asksEmbed("#v=1&preset=seed&embed=10"));
        assertFalse(ScenarioLink.asksEmbed("#v=1&title=embed=1"));
    }
}
