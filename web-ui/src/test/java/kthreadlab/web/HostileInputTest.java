package kthreadlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Hostile links and files, replayed in one Chromium session: for each, the page is ready within
 * 2 s (the first task, the script's start that reads the link, is within that; its time is printed
 * beside a plain link's, as it varies by half on a loaded machine), no later task blocks the main
 * thread for long (long tasks as Chromium reports them; see BLOCK_MS), nothing runs as HTML and no
 * dialog opens, a clear
 * message names the problem (or the page says what it will not do by itself), Step still works,
 * and the reader's saved scenario is untouched. The files are the command line's too
 * (sim-core HostileFilesTest, src/test/resources/hostile): the page shows the same message.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {
    static final String SAVED = "kthreadlab.page.v2.scenario";
    static final String MINE = "{\n  \"version\": 1,\n  \"title\": \"my own\",\n  \"cpus\": 3,\n  \"nohz_full\": [],\n"
        + "  \"seed\": 1,\n  \"hz\": 250,\n  \"preempt\": \"voluntary\",\n  \"boot\": \"minimal\",\n  \"until\": \"20ms\",\n"
        + "  \"actions\": [\n    {\"at\": \"1ms\", \"by\": \"insmod\", \"op\": \"kthread_run\", \"name\": \"mine/%d\","
        + " \"fn\": \"sleeper\"}\n  ]\n}\n";
    static final Path FILES = Path.of("../sim-core/src/test/resources/hostile");
    static final long READY_MS = 2_000;
    /**
     * The goal is 200 ms; every figure is printed against it. The assertion allows 1000 ms: on the
     * shared 2-core test machine the plain page's own tasks (parsing the notes script) reach 400 ms,
     * while what this suite guards against took 1.4 s per Step, 7 s and 149 s.
     */
    static final double BLOCK_MS = 1000;
    static final String IMG = "%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E";

    /** A link and a part of what the page must say: a message (refused) or the progress line (asks first). */
    static final String[][] LINKS = {
        {"#v=1&cpus=2&until=1s&a=1ms,insmod,run,w/%25d,10000,sleeper&a=2ms,insmod,wake,w/%25d,10000", "~This scenario is large: it creates 10000 threads"},
        {"#v=1&cpus=64&until=20s&a=1ms,insmod,run,b/%25d,10000,sleeper,100&a=2ms,insmod,stop,b/%25d,10000&step=5000000", "~This link shows step 5000000; the scenario is large"},
        {"#v=1&cpus=256&until=600s&a=1ms,insmod,run,s/%25d,256,spinner", "~This scenario is large"},
        {"#v=1&preset=many-threads&step=9000000", "~This link shows step 9000000; the page records at most 100000 steps"},
        {"#v=1&cpus=65&until=1s&a=1ms,insmod,run,b/%25d,10000,sleeper", "65 CPUs × 10000 threads is 650000"},
        {"#v=1&cpus=2&until=1s&a=1ms,insmod,run,b/%25d,10000,sleeper&a=2ms,i,wake,b/%25d,10000&a=3ms,i,wake,b/%25d,10000&a=4ms,i,wake,b/%25d,10000", "the actions act on 30000 threads"},
        {"#v=1&cpus=1&until=18446744074s", "until: \"18446744074s\" is larger than the most, 600s"},
        {"#v=1&cpus=1&until=-9223372036709551616ns", "is negative"},
        {"#v=1&cpus=99999999999999999999999&until=1ms", "cpus: \"99999999999999999999999\" is out of range"},
        {"#v=1&preset=seed&step=99999999999999999999", "step: \"99999999999999999999\" is out of range"},
        {"#preset=seed&until=18446744074000000000", "until: \"18446744074000000000\" is out of range"},
        {"#preset=seed&until=3600000000000", "until: 3600000000000ns is larger than the most, 600s"},
        {"#preset=nope&step=3", "preset: \"nope\" is not a preset"},
        {"##v=1&preset=seed", "the link has two '#' in a row"},
        {"#v=1&cpus=999&until=1ms&embed=1", "cpus: 999 is out of range"},
        {"#v=1&cpus=1&until=1ms&title=" + IMG, ""},
        {"#v=1&cpus=1&until=1ms&title=<img src=x onerror=window.__pwned=1>", "title: has a raw "},
        {"#v=1&cpus=1&until=1ms&a=0s,insmod,run," + IMG + ",1,sleeper", "a[0].name:"},
        {"#v=1&preset=seed&file=javascript:window.__pwned%3D1", "file: \"javascript:window.__pwned=1\" is not a source path"},
        {"#v=1&preset=javascript:window.__pwned%3D1", "preset: \"javascript:window.__pwned=1\" is not a preset"},
        {"#v=1&preset=__proto__", "preset: \"__proto__\" is not a preset"},
        {"#v=1&preset=seed&lang=%3Cscript%3E", "lang: \"<script>\" is not a language"},
        {"#v=1&preset=seed&title=%E0%A4%A", "title: malformed escape"},
        {"#v=1&preset=seed&title=%ZZ%", "title: malformed escape"},
        {"#v=1&cpus=1&until=1ms&title=%ED%A0%80", "title: escape at character 1 is not UTF-8"},
        {"#v=1&cpus=1&until=1ms&title=%00", "title: \"\\u0000\" has a control character"},
        {"#v=1&preset=seed&embed=2", "embed: \"2\" is not 1"},
        {"#v=1.5&preset=seed", "v: \"1.5\" is not a whole number"},
        {"#v=99999999999999999999&preset=seed", "v: \"99999999999999999999\" is out of range"},
        {"#v=1&cpus=0&until=1ms", "cpus: 0 is out of range (1 to 256)"},
        {"#v=1&cpus=2&nohz_full=0,1&until=1ms", "nohz_full: lists every CPU"},
        {"#v=1&cpus=2&until=1ms&a=0s,,sigkill,nobody", "a[0].target: \"nobody\" is not a creator"},
        {"#v=1&cpus=2&until=1ms&a=0s,insmod,run,x,1,sleeper,1,1,1,1,1,1,1,1", "a[0]: has 14 fields"},
        {"#v=1&cpus=2&until=1ms&whatif=rm_rf", "whatif: \"rm_rf\" is not a what-if"},
        {"#v=1&cpus=2&until=1ms&hz=0", "hz: 0 is not a HZ"},
        {"#v=1&cpus=2&until=1ms&boot=../../etc/passwd", "boot: \"../../etc/passwd\" is not a boot profile"},
        {"#v=1&preset=seed&follow=-1", "follow: -1 is out of range"},
        {"#step=1&foo=<b>x</b>", "foo: unknown key (a link from before v1"},
        {"#v=1&preset=seed&colour=red&colour=blue", "colour: unknown key"},
        {"#v=1&cpus=2&until=10ms&a=0s,insmod,run,early/%25d,3,sleeper,1", ""},
    };

    private Browser b;
    private Path tmp;
    /** The page's first task for a plain link in this session (the longest of three), in ms. */
    private double plainStart;

    @BeforeAll
    void start() throws Exception {
        b = new Browser(1280, 800);
        tmp = Files.createTempDirectory("kthreadlab-hostile");
        for (int i = 0; i < 3; i++) {
            storeMine();
            b.open("#v=1&preset=seed");
            plainStart = Math.max(plainStart, Double.parseDouble(b.byId("page").getDomAttribute("data-start-ms")));
        }
        System.out.println("hostile: the page's first task for a plain link takes " + plainStart + " ms");
    }

    @AfterAll
    void stop() {
        b.close();
        Browser.removeTree(tmp);
    }

    @Test
    void hostileLinksAreRefusedOrBoundedAndThePageStaysUsable() {
        assertTrue(LINKS.length + 2 >= 30, "at least 30 hostile links");
        checkTheMeasureWorks();
        List<String> links = new ArrayList<>();
        for (String[] l : LINKS) {
            links.add(l[0]);
        }
        StringBuilder huge = new StringBuilder("#v=1&preset=seed&title=");
        while (huge.length() < 100_000) {
            huge.append("%3Cscript%3E");
        }
        StringBuilder many = new StringBuilder("#v=1&cpus=1&until=1ms");
        for (int i = 0; i < 501; i++) {
            many.append("&a=0s,i,run,x").append(i).append(",1,sleeper");
        }
        String[][] all = new String[LINKS.length + 2][];
        System.arraycopy(LINKS, 0, all, 0, LINKS.length);
        all[LINKS.length] = new String[] {huge.toString(), "the link has 100"};
        all[LINKS.length + 1] = new String[] {many.toString(), "a: 501 actions are too many (at most 500)"};
        for (String[] l : all) {
            String name = l[0].substring(0, Math.min(90, l[0].length()));
            double[] figures = openAndMeasure(l[0], name);
            boolean asks = l[1].startsWith("~");
            String said = asks ? b.byId("export-progress").getText() : b.byId("message").getText();
            String want = asks ? l[1].substring(1) : l[1];
            assertTrue(said.contains(want), name + " -> " + said);
            if (!asks && !want.isEmpty()) {
                assertTrue(said.startsWith("This link could not be opened: "), name + " -> " + said);
                assertTrue(said.indexOf("could not") == said.lastIndexOf("could not"), "one prefix: " + said);
            }
            if (l[0].contains("embed=1")) {
                assertTrue(b.byId("page").getDomAttribute("class").contains("embed"), "a failed embed link stays embedded");
                new WebDriverWait(b.driver, Duration.ofSeconds(10)).until(d -> hash().contains("embed=1"));
            }
            stepStillWorks(name);
            assertEquals(MINE, stored(SAVED), "the saved scenario is untouched by " + name);
            System.out.println("hostile link: ready " + (long) figures[0] + " ms, first task " + (long) figures[1]
                + " ms, longest later task " + (long) figures[2] + " ms: " + name);
        }
    }

    @Test
    void hostileFilesGetTheCommandLinesVerdict() throws Exception {
        List<String[]> files = new ArrayList<>();
        for (String line : Files.readAllLines(FILES.resolve("expect.tsv"), StandardCharsets.UTF_8)) {
            if (!line.startsWith("#") && !line.isBlank()) {
                String[] f = line.split("\t", -1);
                files.add(new String[] {FILES.resolve("files").resolve(f[0]).toAbsolutePath().normalize().toString(), f[1], f[2]});
            }
        }
        Path big = tmp.resolve("big.json");
        Files.write(big, new byte[300_000]);
        files.add(new String[] {big.toString(), "2", "the file is 300000 bytes; a scenario file is at most 262144 bytes"});
        assertTrue(files.size() >= 15, "at least 15 hostile files");
        for (String[] f : files) {
            String name = Path.of(f[0]).getFileName().toString();
            storeMine();
            b.open("");
            b.click("btn-scenario");
            b.byId("import-file").sendKeys(f[0]);
            if (f[1].equals("2")) {
                new WebDriverWait(b.driver, Duration.ofSeconds(10)).until(d ->
                    d.findElement(org.openqa.selenium.By.id("message")).getText().startsWith("Import: "));
                String said = b.byId("message").getText();
                assertTrue(said.contains(f[2]) && said.endsWith(". The current scenario is kept."), name + " -> " + said);
                assertEquals(MINE, stored(SAVED), "the saved scenario is untouched by " + name);
            } else {
                new WebDriverWait(b.driver, Duration.ofSeconds(10)).until(d -> !MINE.equals(stored(SAVED)));
                assertEquals("", b.byId("message").getText(), name);
            }
            double[] figures = figures();
            check(name, figures);
            b.click("btn-scenario");
            stepStillWorks(name);
            System.out.println("hostile file: longest task after ready " + (long) figures[2] + " ms: " + name);
        }
    }

    /**
     * Opens a link and measures it; a figure past the limits is measured once more (a load spike on
     * the shared machine passes, the blocks this suite guards against come back every time).
     */
    private double[] openAndMeasure(String link, String name) {
        for (int attempt = 0; ; attempt++) {
            storeMine();
            b.open(link);
            double[] f = figures();
            if (attempt == 1 || f[0] <= READY_MS && f[2] <= BLOCK_MS) {
                check(name, f);
                return f;
            }
            System.out.println("hostile: measured again after a load spike (" + (long) f[0] + " ms ready, "
                + (long) f[2] + " ms task): " + name);
        }
    }

    /** A 300 ms block must be seen, or the figures below could never fail. */
    private void checkTheMeasureWorks() {
        b.open("");
        observe();
        b.js("var t = performance.now(); setTimeout(function () { while (performance.now() - t < 400) {} }, 0);");
        new WebDriverWait(b.driver, Duration.ofSeconds(10)).until(d -> longest(0) >= 300);
    }

    /** Ready time, the first task and the longest later task (ms). */
    private double[] figures() {
        double ready = Double.parseDouble(b.byId("page").getDomAttribute("data-ready-ms"));
        double first = Double.parseDouble(b.byId("page").getDomAttribute("data-start-ms"));
        observe();
        b.js("return new Promise(function (r) { setTimeout(r, 300); });");
        return new double[] {ready, first, longest(ready + 1)};
    }

    /** The figures within the limits, and nothing ran as HTML, no dialog. */
    private void check(String name, double[] f) {
        assertTrue(f[0] <= READY_MS, name + ": ready after " + f[0] + " ms");
        assertTrue(f[2] <= BLOCK_MS, name + ": a task blocked " + f[2] + " ms");
        try {
            b.driver.switchTo().alert();
            throw new AssertionError(name + " opened a dialog");
        } catch (NoAlertPresentException expected) {
            // no dialog
        }
        assertNull(b.js("return window.__pwned;"), name);
        assertEquals(0L, b.js("return document.querySelectorAll('img, iframe, object, embed, #page script').length;"),
            name);
        assertEquals(0, b.all("#message *").size(), "the message is text only");
    }

    /** Collects Chromium's long tasks of this page, from its start (buffered). */
    private void observe() {
        b.js("window.__long = []; new PerformanceObserver(function (l) { l.getEntries().forEach(function (e) {"
            + " window.__long.push([e.startTime, e.duration]); }); }).observe({type: 'longtask', buffered: true});");
    }

    /** The longest long task that started after `from` ms. */
    private double longest(double from) {
        Object v = b.js("var f = arguments[0]; var m = 0; (window.__long || []).forEach(function (e) {"
            + " if (e[0] >= f) { m = Math.max(m, e[1]); } }); return m;", from);
        return ((Number) v).doubleValue();
    }

    /** Step goes one step further, without a long block. */
    private void stepStillWorks(String name) {
        long at = b.idleStep();
        double before = ((Number) b.js("return performance.now();")).doubleValue();
        b.click("btn-step");
        new WebDriverWait(b.driver, Duration.ofSeconds(10)).until(d -> b.step() == at + 1);
        observe();
        b.js("return new Promise(function (r) { setTimeout(r, 100); });");
        double step = longest(before);
        assertTrue(step <= BLOCK_MS, name + ": Step blocked " + step + " ms");
    }

    private String hash() {
        String u = b.driver.getCurrentUrl();
        int i = u.indexOf('#');
        return i < 0 ? "" : u.substring(i);
    }

    private void storeMine() {
        b.driver.get(Browser.distUrl("#v=1&preset=seed"));
        b.js("localStorage.clear(); localStorage.setItem(arguments[0], arguments[1]);", SAVED, MINE);
    }

    private String stored(String key) {
        return (String) b.js("return localStorage.getItem(arguments[0]);", key);
    }
}
