package kthreadlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The notes of each language load on demand, from file:// and in the single file alike. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotesOnDemandTest {
    private Browser b;

    @BeforeAll
    void start() throws Exception {
        b = new Browser(1280, 800);
    }

    @AfterAll
    void stop() {
        b.close();
    }

    private void waitNotes(String lang) {
        new WebDriverWait(b.driver, Duration.ofSeconds(20)).until(d ->
            lang.equals(d.findElement(By.id("page")).getDomAttribute("data-notes")));
    }

    /** The scripts the page added to itself (resource timing has no entries for file:// loads). */
    @SuppressWarnings("unchecked")
    private List<String> loadedScripts() {
        return (List<String>) b.js("return Array.from(document.querySelectorAll('head script[src]'))"
            + ".map(e => e.getAttribute('src'));");
    }

    /** The languages whose notes text the page holds. */
    @SuppressWarnings("unchecked")
    private List<String> held() {
        return (List<String>) b.js("return Object.keys(self.kthreadlabText || {}).sort();");
    }

    private int notesShown(String lang) {
        // only Chinese text is marked: an English note carries no lang of its own
        return b.all(lang.equals("en") ? "#source .note:not([lang])" : "#source .note[lang=" + lang + "]").size();
    }

    @Test
    void eachLanguagesNotesLoadOnlyWhenShown() {
        b.open("#v=1&preset=seed&step=5");
        waitNotes("en");
        assertTrue(notesShown("en") > 0, "English notes under the source");
        assertTrue(loadedScripts().contains("notes-en.js"));
        assertFalse(loadedScripts().contains("notes-zh.js"), "Chinese notes not loaded before they are asked for");
        assertEquals(List.of("en"), held());
        new Select(b.byId("lang")).selectByValue("zh");
        waitNotes("zh");
        assertTrue(notesShown("zh-CN") > 0, "Chinese notes under the source");
        assertTrue(loadedScripts().contains("notes-zh.js"));
        assertEquals(List.of("en", "zh"), held());
        assertEquals(5, b.step(), "switching the language keeps the step");
        new Select(b.byId("lang")).selectByValue("en");
        waitNotes("en");
        assertTrue(notesShown("en") > 0, "back to English");
    }

    @Test
    void aMissingNotesScriptIsNamedAndThePageGoesOn(@TempDir Path dir) throws Exception {
        Path dist = Path.of(System.getProperty("kthreadlab.dist", "target/dist"));
        try (Stream<Path> s = Files.list(dist)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isRegularFile(p) && !p.getFileName().toString().equals("notes-zh.js")) {
                    Files.copy(p, dir.resolve(p.getFileName()));
                }
            }
        }
        b.driver.get("about:blank");
        b.driver.get(dir.resolve("index.html").toUri() + "#v=1&preset=seed&step=3");
        b.waitStep(3);
        waitNotes("en");
        new Select(b.byId("lang")).selectByValue("zh");
        new WebDriverWait(b.driver, Duration.ofSeconds(20)).until(d -> b.byId("message").getText().contains("notes-zh.js"));
        assertTrue(b.byId("message").isDisplayed(), "the page says which file is missing");
        b.click("btn-step");
        assertEquals(4, b.step(), "Step still works");
    }

    @Test
    void theSingleFileHoldsBothLanguages(@TempDir Path dir) throws Exception {
        Path single = Path.of(System.getProperty("kthreadlab.single", "target/kthreadlab.html"));
        Path copy = dir.resolve("kthreadlab.html");
        Files.copy(single, copy);
        b.driver.get("about:blank");
        b.driver.get(copy.toUri() + "#v=1&preset=seed&step=2");
        b.waitStep(2);
        waitNotes("en");
        assertTrue(notesShown("en") > 0);
        new Select(b.byId("lang")).selectByValue("zh");
        waitNotes("zh");
        assertTrue(notesShown("zh-CN") > 0, "Chinese notes with nothing beside the file");
        assertTrue(loadedScripts().isEmpty(), "the single file loads no script: " + loadedScripts());
        assertEquals(List.of("en", "zh"), held());
    }

    @Test
    void theOfflineAppDownloadedFromAServedPageHoldsBothLanguages(@TempDir Path tmp) throws Exception {
        Path dist = Path.of(System.getProperty("kthreadlab.dist", "target/dist"));
        Path downloads = Files.createDirectories(tmp.resolve("downloads"));
        b.driver.executeCdpCommand("Browser.setDownloadBehavior",
            Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", x -> {
            String name = x.getRequestURI().getPath().substring(1);
            Path p = dist.resolve(name.isEmpty() ? "index.html" : name).normalize();
            byte[] body = p.startsWith(dist) && Files.isRegularFile(p) ? Files.readAllBytes(p) : null;
            x.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                x.getResponseBody().write(body);
            }
            x.close();
        });
        server.start();
        try {
            b.driver.get("http://127.0.0.1:" + server.getAddress().getPort() + "/index.html#v=1&preset=seed&step=1");
            b.waitReady();
            b.click("btn-scenario");
            b.click("dl-offline");
            Path file = downloads.resolve("kthreadlab.html");
            new WebDriverWait(b.driver, Duration.ofSeconds(30)).until(d -> Files.isRegularFile(file)
                && !Files.exists(downloads.resolve("kthreadlab.html.crdownload")));
        } finally {
            server.stop(0);
        }
        Path dir = Files.createDirectories(tmp.resolve("alone"));
        Path copy = Files.copy(downloads.resolve("kthreadlab.html"), dir.resolve("kthreadlab.html"));
        b.driver.get("about:blank");
        b.driver.get(copy.toUri() + "#v=1&preset=seed&step=2");
        b.waitStep(2);
        waitNotes("en");
        new Select(b.byId("lang")).selectByValue("zh");
        waitNotes("zh");
        assertTrue(notesShown("zh-CN") > 0, "Chinese notes in the downloaded offline app");
        assertTrue(loadedScripts().isEmpty(), "the offline app loads no script: " + loadedScripts());
    }

    @Test
    void sourceFilesLeftOutOfTheScriptArriveAfterTheFirstPaint() throws Exception {
        Path dist = Path.of(System.getProperty("kthreadlab.dist", "target/dist"));
        String bundle = Files.readString(dist.resolve("kthreadlab.js"));
        String wq = "static int worker_thread(void *__worker)";
        assertFalse(bundle.contains(wq), "workqueue.c is not in kthreadlab.js");
        assertTrue(Files.readString(dist.resolve("corpus-more.js")).contains(wq), "corpus-more.js holds it");
        b.open("#v=1&preset=seed&step=45");
        assertTrue(loadedScripts().contains("corpus-more.js"), loadedScripts().toString());
        assertEquals("kernel/sched/core.c", b.js("return document.querySelector('#source .file.shown').dataset.file;"),
            "the step in core.c (loaded on demand) is shown");
        b.js("document.querySelector('#source-tabs [data-file=\"kernel/workqueue.c\"]').click();");
        new WebDriverWait(b.driver, Duration.ofSeconds(10)).until(d ->
            b.all("#source .file.shown .line").size() > 0);
        assertEquals("kernel/workqueue.c", b.js("return document.querySelector('#source .file.shown').dataset.file;"));
        assertFalse(b.byId("message").isDisplayed(), b.byId("message").getText());
    }
}
