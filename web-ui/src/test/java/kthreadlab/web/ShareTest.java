package kthreadlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import kthreadlab.scenario.Presets;
import kthreadlab.scenario.ScenarioJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Share links, the editor, exports, the single file and hostile links, in real Chromium. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShareTest {
    /** Perfetto's ftrace line regex (shared/reference/trace-formats.md). */
    static final Pattern PERFETTO = Pattern.compile(
        "-(\\d+)\\s+\\(?\\s*(\\d+|-+)?\\)?\\s?\\[(\\d+)\\]\\s*([a-zA-Z.]{3}[0-9a-f.]{1,2}\\s*)?(\\d+\\.\\d+):\\s+(\\S+):");

    private Browser b;
    private Path downloads;

    @BeforeAll
    void start() throws Exception {
        b = new Browser(1280, 800);
        downloads = Files.createTempDirectory("kthreadlab-downloads");
        b.driver.executeCdpCommand("Browser.setDownloadBehavior",
            Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    }

    @AfterAll
    void stop() {
        b.close();
        Browser.removeTree(downloads);
    }

    /** The address bar once the page has written the view it shows. */
    private String hash() {
        return b.settledHash();
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private void waitHash(String part) {
        new WebDriverWait(b.driver, Duration.ofSeconds(20)).until(d -> b.linkSettled() && b.rawHash().contains(part));
    }

    /** The page's address without its fragment, as the browser spells it. */
    private String page() {
        return b.driver.getCurrentUrl().split("#")[0];
    }

    private String shared() {
        b.click("btn-share");
        return b.byId("share-text").getDomProperty("value");
    }

    @Test
    void linksRoundTripAndOldLinksAreUpgraded() {
        String[] links = {
            "#v=1&preset=seed&step=40&lang=zh",
            "#v=1&cpus=2&until=40ms&title=two%20threads&a=1ms,insmod,run,demo/%25d,2,sleeper,2"
                + "&a=20ms,insmod,stop,demo/1&step=120&lang=en&file=kernel/kthread.c&follow=5",
        };
        for (String l : links) {
            b.open(l);
            b.waitStep(b.idleStep());
            assertEquals(page() + l, shared(), "Share gives the opened link");
            assertEquals(l, hash());
        }
        b.open("#preset=run-stop&step=3");
        waitHash("#v=1&preset=run-stop&step=3");
        String embed = null;
        b.click("btn-embed");
        embed = b.byId("share-text").getDomProperty("value");
        assertTrue(embed.startsWith("<iframe src=\"" + page() + "#v=1&amp;preset=run-stop&amp;step=3"),
            embed);
        assertTrue(embed.contains("&amp;embed=1\" width="), embed);
        b.open("#v=1&preset=run-stop&step=3&embed=1");
        assertFalse(b.byId("log-pane").isDisplayed(), "the embedded view is compact");
        assertTrue(b.byId("source").isDisplayed());
        b.click("btn-step");
        assertEquals(4, b.step());
    }

    @Test
    void playLeavesTheAddressBarAloneUntilItStops() throws InterruptedException {
        b.open("#v=1&preset=many-threads&step=0");
        String before = hash();
        b.js("window.linkWrites = 0; const r = history.replaceState.bind(history);"
            + "history.replaceState = function () { window.linkWrites++; return r.apply(null, arguments); };");
        new org.openqa.selenium.support.ui.Select(b.byId("speed")).selectByValue("100");
        b.click("btn-play");
        new WebDriverWait(b.driver, Duration.ofSeconds(20)).until(d -> b.step() >= 30);
        Thread.sleep(300);
        assertEquals(0L, b.js("return window.linkWrites;"), "no address-bar write while playing");
        assertEquals(before, b.rawHash(), "the address bar still shows step 0");
        b.click("btn-pause");
        long paused = b.idleStep();
        assertTrue(hash().contains("preset=many-threads&step=" + paused), "the paused step is in the link: " + hash());
        assertEquals(1L, b.js("return window.linkWrites;"), "one write once the view settled");
        b.click("btn-step");
        assertTrue(hash().contains("&step=" + (paused + 1)), hash());
    }

    @Test
    void everyPresetOpensFromItsLink() {
        for (Presets.Preset p : Presets.all()) {
            b.open("#v=1&preset=" + p.name + "&step=20");
            b.waitStep(20);
            assertFalse(b.byId("message").isDisplayed(), p.name + ": " + b.byId("message").getText());
            assertTrue(hash().startsWith("#v=1&preset=" + p.name + "&step=20"), hash());
        }
        List<String> severe = b.severeLogs();
        assertTrue(severe.isEmpty(), "SEVERE: " + severe);
    }

    @Test
    void anEditChangesTheRunAndTheLinkAndSurvivesReload() {
        b.open("#v=1&preset=seed");
        b.click("btn-scenario");
        WebElement cpus = b.driver.findElement(org.openqa.selenium.By.cssSelector("#editor input[data-key=cpus]"));
        cpus.clear();
        cpus.sendKeys("x");
        assertTrue(b.byId("editor").getText().contains("is not a whole number"), b.byId("editor").getText());
        cpus.clear();
        cpus.sendKeys("2");
        waitHash("cpus=2");
        assertEquals(2, b.all("#cpu-cards > *").size(), "the edit restarted the run with 2 CPUs");
        // The seed may already hold an action of that text: wait for one more, not for the text.
        String added = "&a=1ms,insmod,run,demo/%25d,1,sleeper";
        int before = count(hash(), added);
        b.click("editor-add");
        new WebDriverWait(b.driver, Duration.ofSeconds(20)).until(d -> b.linkSettled() && count(b.rawHash(), added) == before + 1);
        String edited = hash();
        b.driver.navigate().refresh();
        b.waitReady();
        assertEquals(edited, hash(), "reload keeps the edit");
        b.open("#v=1&cpus=999&until=1ms");
        assertTrue(b.byId("message").getText().contains("cpus: 999 is out of range"), b.byId("message").getText());
        b.open("");
        assertEquals(edited.replace("&step=0", ""), hash(), "a bad link did not overwrite the saved edit");
        b.js("localStorage.clear();");
    }

    @Test
    void downloadsParse() throws Exception {
        b.open("#v=1&preset=run-stop&step=5");
        b.click("btn-scenario");
        b.click("dl-trace");
        Path trace = waitFile("kthreadlab-run-stop.trace");
        int events = 0;
        for (String line : Files.readAllLines(trace, StandardCharsets.UTF_8)) {
            if (!line.startsWith("#")) {
                events++;
                assertTrue(PERFETTO.matcher(line).find(), "Perfetto reads: " + line);
            }
        }
        assertTrue(events > 10, events + " events");
        b.click("dl-chrome");
        JsonObject chrome = JsonParser.parseString(Files.readString(waitFile("kthreadlab-run-stop.json")))
            .getAsJsonObject();
        assertTrue(chrome.getAsJsonArray("traceEvents").size() > 10);
        assertTrue(chrome.get("systemTraceEvents").getAsString().startsWith("# tracer: nop"));
        b.click("dl-scenario");
        assertEquals(Presets.get("run-stop").scenario.cpus,
            ScenarioJson.read(Files.readString(waitFile("kthreadlab-run-stop.scenario.json"))).cpus);
        assertEquals(5, b.step(), "the download kept the view");
    }

    private Path waitFile(String name) {
        Path p = downloads.resolve(name);
        new WebDriverWait(b.driver, Duration.ofSeconds(60)).until(d -> Files.isRegularFile(p)
            && !Files.exists(downloads.resolve(name + ".crdownload")));
        return p;
    }

    @Test
    void theSingleFileWorksFromDiskAlone(@TempDir Path dir) throws Exception {
        Path single = Path.of(System.getProperty("kthreadlab.single", "target/kthreadlab.html"));
        assertTrue(Files.isRegularFile(single), "the build wrote " + single);
        b.severeLogs();
        Path copy = dir.resolve("kthreadlab.html");
        Files.copy(single, copy);
        b.driver.get("about:blank");
        b.driver.get(copy.toUri() + "#v=1&preset=seed&step=5");
        b.waitStep(5);
        b.click("btn-step");
        assertEquals(6, b.step());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
        List<String> severe = b.severeLogs();
        assertTrue(severe.isEmpty(), "SEVERE: " + severe);
    }

    @Test
    void hostileLinksNeverExecuteAndThePageStaysUsable() {
        String img = "%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E";
        String script = "%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E";
        StringBuilder huge = new StringBuilder("#v=1&preset=seed&title=");
        while (huge.length() < 100_000) {
            huge.append(script);
        }
        String[] links = {
            "#v=1&cpus=1&until=1ms&title=" + img,
            "#v=1&cpus=1&until=1ms&title=" + script + "&a=0s,insmod,run," + img + ",1,sleeper",
            "#v=1&cpus=1&until=1ms&title=<img src=x onerror=window.__pwned=1>",
            "#v=1&preset=seed&file=javascript:window.__pwned=1",
            "#v=1&preset=javascript:window.__pwned=1",
            "#v=1&cpus=99999999999999999999999&until=1ms",
            "#v=1&preset=seed&step=99999999999999999999",
            "#v=1&preset=seed&title=%E0%A4%A",
            "#v=1&preset=seed&title=%ZZ%",
            huge.toString(),
        };
        for (String l : links) {
            b.open(l);
            b.click("btn-scenario");
            assertNull(b.js("return window.__pwned;"), l);
            assertEquals(0L, b.js("return document.querySelectorAll('img, #page script').length;"), l);
            assertEquals(0, b.all("#message *").size(), "the message is text only");
            long at = b.idleStep();
            b.click("btn-step");
            assertEquals(at + 1, b.step(), "Step still works after " + l.substring(0, Math.min(80, l.length())));
            b.click("btn-scenario");
        }
    }
}
