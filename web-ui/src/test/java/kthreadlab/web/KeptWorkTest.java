package kthreadlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import kthreadlab.scenario.Action;
import kthreadlab.scenario.Presets;
import kthreadlab.scenario.Scenario;
import kthreadlab.scenario.ScenarioJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The reader's stored work is never lost: a saved scenario this build cannot read (or that is over
 * the page's limits) is kept untouched and offered once with Export and Discard; the older build's
 * key is migrated; an edit, valid or not, outlives a language switch and a link as a draft, and is
 * dropped only after an in-page question.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeptWorkTest {
    static final String SAVED = "kthreadlab.page.v2.scenario";
    static final String DRAFT = "kthreadlab.page.v2.draft";
    static final String KEPT1 = "kthreadlab.page.v2.kept.1";
    static final String LEGACY = "kthreadlab.scenario.v1";

    private Browser b;
    private Path downloads;

    @BeforeAll
    void start() throws Exception {
        b = new Browser(1280, 800);
        downloads = Files.createTempDirectory("kthreadlab-kept");
        b.driver.executeCdpCommand("Browser.setDownloadBehavior",
            Map.of("behavior", "allow", "downloadPath", downloads.toString()));
    }

    @AfterAll
    void stop() {
        b.close();
        Browser.removeTree(downloads);
    }

    @BeforeEach
    void clean() {
        b.open("#v=1&preset=seed");
        b.js("localStorage.clear();");
        b.open("#v=1&preset=seed");
    }

    private String stored(String key) {
        return (String) b.js("return localStorage.getItem(arguments[0]);", key);
    }

    private void store(String key, String value) {
        b.js("localStorage.setItem(arguments[0], arguments[1]);", key, value);
    }

    private List<WebElement> keptItems() {
        return b.all("#kept .kept-item");
    }

    private WebElement field(String key) {
        return b.driver.findElement(By.cssSelector("#editor [data-key=\"" + key + "\"]"));
    }

    private void type(String key, String text) {
        WebElement in = field(key);
        in.clear();
        in.sendKeys(text);
    }

    /** The address bar once the page has written the view it shows. */
    private String hash() {
        return b.settledHash();
    }

    static String scenarioJson(int cpus, String title) throws Exception {
        Scenario p = Presets.get("seed").scenario;
        return ScenarioJson.write(new Scenario(title, cpus, p.nohzFull, p.hz, p.preempt, p.boot, p.until,
            p.actions, p.whatIf));
    }

    @Test
    void aSavedScenarioThisBuildCannotReadIsKeptAndOfferedOnce() throws Exception {
        String[] unreadable = {
            scenarioJson(2, "from a newer build").replace("\"version\": 1", "\"version\": 2"),
            scenarioJson(2, "cut short").substring(0, 40),
            "this is not JSON <img src=x onerror=window.__pwned=1>",
        };
        assertTrue(unreadable[0].contains("\"version\": 2"), unreadable[0]);
        for (String raw : unreadable) {
            b.js("localStorage.clear();");
            store(SAVED, raw);
            b.open("");
            assertEquals(1, b.all("#cpu-cards > *").size(), "the seed is shown, not the unreadable scenario");
            assertEquals(1, keptItems().size(), "said once: " + b.byId("kept").getText());
            assertTrue(b.byId("kept").getText().contains("was not opened"), b.byId("kept").getText());
            assertEquals(raw, stored(KEPT1), "moved aside untouched");
            assertNull(stored(SAVED), "the old key is removed after the copy");
            assertNull(b.js("return window.__pwned;"));
            b.click("btn-scenario");
            type("title", "my edit");
            new WebDriverWait(b.driver, Duration.ofSeconds(20)).until(d -> stored(SAVED) != null);
            assertEquals(raw, stored(KEPT1), "a new edit does not touch the kept text");
            assertTrue(stored(SAVED).contains("my edit"));
        }
        b.driver.findElement(By.cssSelector("#kept .kept-export")).click();
        Path f = downloads.resolve("kthreadlab-kept-scenario.json");
        new WebDriverWait(b.driver, Duration.ofSeconds(30)).until(d -> Files.isRegularFile(f)
            && !Files.exists(downloads.resolve("kthreadlab-kept-scenario.json.crdownload")));
        assertEquals(unreadable[2], Files.readString(f, StandardCharsets.UTF_8), "Export gives the raw stored text");
        b.driver.findElement(By.cssSelector("#kept .kept-discard")).click();
        assertEquals(unreadable[2], stored(KEPT1), "Discard asks first");
        b.driver.findElement(By.cssSelector("#kept .confirm-no")).click();
        assertEquals(1, keptItems().size());
        b.driver.findElement(By.cssSelector("#kept .kept-discard")).click();
        b.driver.findElement(By.cssSelector("#kept .confirm-yes")).click();
        assertNull(stored(KEPT1));
        assertTrue(keptItems().isEmpty());
        assertFalse(b.byId("kept").isDisplayed());
        b.open("");
        assertTrue(keptItems().isEmpty(), "nothing more to say after Discard");
    }

    @Test
    void theOlderBuildsKeyIsMigratedAndItsLaterWritesAreKeptAside() throws Exception {
        String older = scenarioJson(3, "saved by the older build");
        store(LEGACY, older);
        b.open("");
        assertEquals(3, b.all("#cpu-cards > *").size(), "the older build's saved scenario opens");
        assertEquals(older, stored(SAVED));
        assertNull(stored(LEGACY));
        assertTrue(keptItems().isEmpty());
        String again = scenarioJson(4, "written later by an older copy");
        store(LEGACY, again);
        b.open("");
        assertEquals(3, b.all("#cpu-cards > *").size(), "the older copy did not overwrite this page's scenario");
        assertEquals(older, stored(SAVED));
        assertEquals(again, stored(KEPT1));
        assertEquals(1, keptItems().size());
        b.driver.findElement(By.cssSelector("#kept .kept-open")).click();
        b.idleStep();
        assertEquals(4, b.all("#cpu-cards > *").size(), "Open shows the kept scenario");
    }

    @Test
    void aStoredScenarioOverTheLimitsIsNotOpenedByItself() throws Exception {
        Scenario p = Presets.get("seed").scenario;
        List<Action> many = new ArrayList<>();
        many.add(new Action(1_000_000, "insmod", "kthread_run", "w/%d", 5_000, "sleeper", 5, -1, "", ""));
        String big = ScenarioJson.write(new Scenario("five thousand threads", 2, p.nohzFull, p.hz,
            p.preempt, p.boot, p.until, many, Collections.emptyList()));
        store(SAVED, big);
        b.open("");
        assertEquals(1, b.all("#cpu-cards > *").size(), "not loaded at start");
        assertEquals(big, stored(KEPT1));
        assertTrue(b.byId("kept").getText().contains("5000 threads"), b.byId("kept").getText());
        b.driver.findElement(By.cssSelector("#kept .kept-open")).click();
        assertEquals(2, b.all("#cpu-cards > *").size(), "opened when the reader asks");
    }

    @Test
    void anInvalidEditSurvivesALanguageSwitchAndALink() {
        b.click("btn-scenario");
        type("cpus", "x");
        assertTrue(b.byId("editor").getText().contains("is not a whole number"));
        new org.openqa.selenium.support.ui.Select(b.byId("lang")).selectByValue("zh");
        assertEquals("x", field("cpus").getDomProperty("value"), "the language switch kept the edit");
        assertTrue(b.byId("editor").getText().contains("is not a whole number"));
        b.js("location.hash = '#v=1&preset=run-stop&step=3';");
        b.waitStep(3);
        assertEquals("2", field("cpus").getDomProperty("value"), "the form shows the link's scenario");
        assertEquals(1, b.all("#kept .kept-draft").size(), "the edit is offered back");
        b.driver.findElement(By.cssSelector("#kept .draft-restore")).click();
        assertEquals("x", field("cpus").getDomProperty("value"), "Restore brings the edit back");
        assertTrue(b.byId("editor").getText().contains("is not a whole number"));
        assertTrue(b.all("#kept .kept-draft").isEmpty());
    }

    @Test
    void aValidEditSurvivesALinkAndAReload() {
        b.click("btn-scenario");
        type("title", "mine");
        new WebDriverWait(b.driver, Duration.ofSeconds(20)).until(d -> b.linkSettled() && b.rawHash().contains("title=mine"));
        b.js("location.hash = '#v=1&preset=park-unpark';");
        new WebDriverWait(b.driver, Duration.ofSeconds(20)).until(d -> b.linkSettled() && b.rawHash().contains("preset=park-unpark"));
        assertEquals(1, b.all("#kept .kept-draft").size());
        b.open("#v=1&preset=sigkill-early");
        assertEquals(1, b.all("#kept .kept-draft").size(), "a new page in the same tab offers the draft too");
        b.driver.findElement(By.cssSelector("#kept .draft-restore")).click();
        new WebDriverWait(b.driver, Duration.ofSeconds(20)).until(d -> b.linkSettled() && b.rawHash().contains("title=mine"));
        assertEquals("mine", field("title").getDomProperty("value"));
    }

    @Test
    void aDraftIsDiscardedOnlyAfterAnInPageQuestion() {
        b.click("btn-scenario");
        type("cpus", "-");
        b.js("location.hash = '#v=1&preset=run-stop';");
        new WebDriverWait(b.driver, Duration.ofSeconds(20)).until(d -> !b.all("#kept .kept-draft").isEmpty());
        String draft = stored(DRAFT);
        assertTrue(draft.contains("\"-\""), draft);
        b.driver.findElement(By.cssSelector("#kept .draft-discard")).click();
        assertEquals(draft, stored(DRAFT), "not yet");
        b.driver.findElement(By.cssSelector("#kept .confirm-no")).click();
        assertEquals(draft, stored(DRAFT));
        type("title", "a new edit");
        assertTrue(b.byId("kept").getText().contains("would replace the kept draft"), b.byId("kept").getText());
        assertEquals(draft, stored(DRAFT), "the new edit waits for the answer");
        b.driver.findElement(By.cssSelector("#kept .confirm-yes")).click();
        type("title", "a newer edit");
        try {
            new WebDriverWait(b.driver, Duration.ofSeconds(20)).until(d -> stored(DRAFT).contains("a newer edit"));
        } catch (RuntimeException e) {
            throw new AssertionError("draft " + stored(DRAFT) + " kept " + b.byId("kept").getText() + " message "
                + b.byId("message").getText() + " title " + field("title").getDomProperty("value"), e);
        }
        assertTrue(b.all("#kept .kept-draft").isEmpty());
        b.js("location.hash = '#v=1&preset=seed';");
        new WebDriverWait(b.driver, Duration.ofSeconds(20)).until(d -> !b.all("#kept .kept-draft").isEmpty());
        b.driver.findElement(By.cssSelector("#kept .draft-discard")).click();
        b.driver.findElement(By.cssSelector("#kept .confirm-yes")).click();
        assertNull(stored(DRAFT));
        assertTrue(b.all("#kept .kept-draft").isEmpty());
        b.open("");
        assertTrue(b.all("#kept .kept-draft").isEmpty(), "a discarded draft is not offered again");
    }
}
