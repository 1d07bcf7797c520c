package kthreadlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Large downloads: the page states the size before it builds one past the threshold, builds it
 * only when asked, shows its progress and can be cancelled. The threshold is lowered through the
 * page's kthreadlabExportAsk setting so that a preset's trace is "large".
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportProgressTest {
    static final Pattern SIZE = Pattern.compile("about ([0-9]+)\\.([0-9]) (kB|MB)");

    private Browser b;
    private Path downloads;

    @BeforeAll
    void start() throws Exception {
        b = new Browser(1280, 800);
        downloads = Files.createTempDirectory("kthreadlab-export-progress");
        b.driver.executeCdpCommand("Browser.setDownloadBehavior",
            Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    }

    @AfterAll
    void stop() {
        b.close();
        Browser.removeTree(downloads);
    }

    private long files() throws Exception {
        try (var s = Files.list(downloads)) {
            return s.count();
        }
    }

    /**
     * Cancel is the last thing on the progress line, at its right end, whatever the line says and
     * whether "Build it" shows: so it does not move when the line changes from recording to asking,
     * and a click on its way to Cancel never lands on "Build it".
     */
    private void cancelStaysAtTheRightEnd() {
        Object gap = b.js("const box = document.getElementById('export-progress');"
            + "const end = box.getBoundingClientRect().right - parseFloat(getComputedStyle(box).paddingRight);"
            + "return end - document.getElementById('export-cancel').getBoundingClientRect().right;");
        assertTrue(Math.abs(((Number) gap).doubleValue()) < 1, "Cancel ends " + gap + " px before the line's end");
    }

    @Test
    void aLargeDownloadStatesItsSizeFirstAndIsBuiltOnlyWhenAsked() throws Exception {
        b.open("#v=1&preset=boot-v5.15&step=3");
        b.js("window.kthreadlabExportAsk = 10000;");
        b.click("btn-scenario");
        b.click("dl-chrome");
        new WebDriverWait(b.driver, Duration.ofSeconds(120)).until(d -> b.byId("export-build").isDisplayed());
        String said = b.byId("export-progress").getText();
        Matcher m = SIZE.matcher(said);
        assertTrue(m.find(), said);
        cancelStaysAtTheRightEnd();
        double stated = (Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2)) / 10.0)
            * (m.group(3).equals("MB") ? 1e6 : 1e3);
        b.idleStep();
        assertEquals(0, files(), "nothing is built before the reader agrees");
        b.click("export-cancel");
        assertFalse(b.byId("export-progress").isDisplayed());
        assertTrue(b.byId("message").getText().contains("not built"), b.byId("message").getText());
        assertEquals(0, files());
        b.click("dl-chrome");
        new WebDriverWait(b.driver, Duration.ofSeconds(120)).until(d -> b.byId("export-build").isDisplayed());
        b.click("export-build");
        new WebDriverWait(b.driver, Duration.ofSeconds(120)).until(d -> {
            try (var s = Files.list(downloads)) {
                return s.anyMatch(p -> p.toString().endsWith(".json"));
            } catch (java.io.IOException e) {
                return false;
            }
        });
        Path got;
        try (var s = Files.list(downloads)) {
            got = s.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
        }
        new WebDriverWait(b.driver, Duration.ofSeconds(60)).until(d -> !Files.exists(Path.of(got + ".crdownload")));
        long size = Files.size(got);
        assertTrue(size > stated * 0.7 && size < stated * 1.3, "stated " + said + ", built " + size + " bytes");
        assertEquals(3, b.step(), "the download kept the view");
        assertFalse(b.byId("export-progress").isDisplayed());
    }

    @Test
    void cancelStopsADownloadWhileTheRunIsRecorded() throws Exception {
        b.open("#v=1&preset=many-threads");
        long before = files();
        b.js("window.kthreadlabExportAsk = 1;");
        b.click("btn-scenario");
        b.click("dl-trace");
        new WebDriverWait(b.driver, Duration.ofSeconds(30)).until(d -> b.byId("export-progress").isDisplayed());
        String what = b.byId("export-progress").getText();
        assertTrue(what.contains("Recording the run") || what.contains("Build it?"), what);
        cancelStaysAtTheRightEnd();
        b.click("export-cancel");
        b.idleStep();
        assertFalse(b.byId("export-progress").isDisplayed());
        String said = b.byId("message").getText();
        assertTrue(said.contains("was cancelled") || said.contains("was not built"), said);
        Thread.sleep(1000);
        assertEquals(before, files(), "a cancelled download saves nothing");
        b.click("btn-step");
        assertEquals(1, b.step(), "the page still steps");
    }
}
