package kthreadlab.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import kthreadlab.history.History;
import kthreadlab.scenario.Action;
import kthreadlab.scenario.Presets;
import kthreadlab.scenario.Scenario;
import kthreadlab.scenario.ScenarioJson;
import kthreadlab.scenario.ScenarioLink;
import kthreadlab.scenario.View;
import kthreadlab.trace.TraceEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page's trace downloads are the command line's output byte for byte: every preset, and runs
 * cut at `until` while work is pending, downloaded in Chromium and compared with
 * {@code java -jar kthreadlab.jar run FILE --format ftrace|chrome} on the same scenario.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TraceDownloadTest {
    private Browser b;
    private Path work;
    private int downloads;

    @BeforeAll
    void start() throws Exception {
        b = new Browser(1280, 800);
        work = Files.createTempDirectory("kthreadlab-trace-downloads");
    }

    @AfterAll
    void stop() {
        b.close();
        Browser.removeTree(work);
    }

    /** The command line's jar, built by the reactor before this module's tests. */
    static Path jar() {
        Path j = Path.of(System.getProperty("kthreadlab.jar", "../sim-core/target/kthreadlab.jar"));
        assertTrue(Files.isRegularFile(j), "the build made the command line's jar: " + j.toAbsolutePath());
        return j;
    }

    static byte[] cli(Path scenario, String format) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-jar", jar().toString(), "run", scenario.toString(),
            "--format", format).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the command line finished");
        assertEquals(0, p.exitValue(), "run " + scenario + " --format " + format);
        return out.toByteArray();
    }

    /** Clicks a download button and returns the one file it saves (a fresh folder per download). */
    private byte[] download(String button) throws Exception {
        Path dir = work.resolve("d" + downloads++);
        Files.createDirectories(dir);
        b.driver.executeCdpCommand("Browser.setDownloadBehavior",
            Map.of("behavior", "allow", "downloadPath", dir.toString()));
        b.click(button);
        List<Path> done = new ArrayList<>();
        new WebDriverWait(b.driver, Duration.ofSeconds(120)).until(d -> {
            done.clear();
            try (var files = Files.list(dir)) {
                files.forEach(done::add);
            } catch (java.io.IOException e) {
                return false;
            }
            return done.size() == 1 && !done.get(0).toString().endsWith(".crdownload");
        });
        return Files.readAllBytes(done.get(0));
    }

    private void same(Scenario s, String fragment, String what) throws Exception {
        Path f = work.resolve("scenario-" + downloads + ".json");
        Files.writeString(f, ScenarioJson.write(s));
        b.open(fragment);
        b.click("btn-scenario");
        byte[] ftrace = download("dl-trace");
        assertArrayEquals(cli(f, "ftrace"), ftrace, what + ": ftrace download\n"
            + new String(ftrace, StandardCharsets.UTF_8));
        byte[] chrome = download("dl-chrome");
        assertArrayEquals(cli(f, "chrome"), chrome, what + ": Chrome JSON download");
    }

    @Test
    void everyPresetsDownloadsAreTheCommandLines() throws Exception {
        for (Presets.Preset p : Presets.all()) {
            same(p.scenario, "#v=1&preset=" + p.name, p.name);
        }
    }

    /**
     * Runs cut at `until`: mid-run, and at a wake-up, where the timer fires at `until` and its
     * events come after the last step (the run ends busy).
     */
    @Test
    void runsCutAtUntilDownloadTheCommandLinesTrace() throws Exception {
        Scenario runStop = Presets.get("run-stop").scenario;
        same(cut(runStop, 25_000_000), ScenarioLink.encode(cut(runStop, 25_000_000), View.DEFAULT), "run-stop cut at 25ms");
        int busy = 0;
        for (Presets.Preset p : Presets.all()) {
            Scenario s = busyCut(p.scenario);
            if (s != null) {
                busy++;
                same(s, ScenarioLink.encode(s, View.DEFAULT), p.name + " cut at " + s.until + "ns, busy");
            }
        }
        assertTrue(busy >= 1, "runs cut while busy: " + busy);
    }

    static Scenario cut(Scenario s, long until) {
        return new Scenario(s.title, s.cpus, s.nohzFull, s.hz, s.preempt, s.boot, until, s.actions, s.whatIf);
    }

    /** The preset cut at its first wake-up (after its last action) that leaves the run busy, or null. */
    static Scenario busyCut(Scenario full) {
        long last = 1_000_000;
        for (Action a : full.actions) {
            last = Math.max(last, a.at);
        }
        History h = new History(full);
        h.recordAll();
        int tried = 0;
        for (TraceEvent e : h.tracepoints()) {
            if (e.timeNs >= last && e.name.equals("sched_waking") && tried++ < 40) {
                Scenario s = cut(full, e.timeNs);
                History c = new History(s);
                c.recordAll();
                if (c.trace().get(c.trace().size() - 1).step >= c.recorded()) {
                    return s;
                }
            }
        }
        return null;
    }
}
