package kthreadlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kthreadlab.history.History;
import kthreadlab.snapshot.Snapshot;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The live view in real headless Chromium, opened from file://, checked against the simulator
 * run on the JVM: cursors, CPU cards, the task table, the kernel objects, time travel, the link,
 * the keyboard. One browser serves the whole class; every test ends with no SEVERE log entry.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveViewTest {
    private Browser b;

    @BeforeAll
    void start() throws Exception {
        b = new Browser(1280, 800);
    }

    @AfterAll
    void stop() {
        if (b != null) {
            b.close();
        }
    }

    @AfterEach
    void noSevereLogs() {
        List<String> severe = b.severeLogs();
        assertTrue(severe.isEmpty(), "browser log has SEVERE entries: " + severe);
        b.viewport(1280, 800);
        b.colorScheme("light");
    }

    // ---- what the page shows, read in one script call per pane ---------------------------------

    private static final String TEXT_FN = "const t = el => el ? Array.from(el.childNodes).map(n => n.textContent)"
        + ".join(' ').replace(/\\s+/g, ' ').trim() : null;";

    @SuppressWarnings("unchecked")
    private List<List<Object>> cpuCards() {
        return (List<List<Object>>) b.js(TEXT_FN + "return Array.from(document.querySelectorAll('#cpu-cards .cpu')).map(c => ["
            + "c.dataset.cpu, c.dataset.curr, Array.from(c.querySelectorAll('.kv > span')).map(s => s.textContent).join('|'),"
            + "Array.from(c.querySelectorAll('li.queued')).map(li => li.querySelector('.chip').textContent + ' ' + li.querySelector('.v').textContent)]);");
    }

    @SuppressWarnings("unchecked")
    private List<List<Object>> taskRows() {
        return (List<List<Object>>) b.js("return Array.from(document.querySelectorAll('#task-table .tbody .tr')).map(tr => ["
            + "tr.dataset.task].concat(Array.from(tr.children).slice(0, 6).map(td => td.textContent))"
            + ".concat([Array.from(tr.querySelectorAll('.frame')).map(f => f.textContent).join(' ')]));");
    }

    @SuppressWarnings("unchecked")
    private List<Object> objects() {
        return (List<Object>) b.js(TEXT_FN + "return ["
            + "Array.from(document.querySelectorAll('#obj-list li[data-create]')).map(li => li.dataset.create),"
            + "t(document.querySelector('#obj-lock .holder')) + '|' + t(document.querySelector('#obj-lock .spinners')),"
            + "Array.from(document.querySelectorAll('#obj-completions tr[data-completion]')).map(tr => "
            + "  tr.cells[0].textContent + '|' + tr.cells[1].textContent + '|' + t(tr.cells[2])),"
            + "Array.from(document.querySelectorAll('#obj-creates .create')).map(c => c.dataset.create + '|' "
            + "  + c.querySelector('.stage').textContent + '|' + c.querySelector('.creator .chip').textContent + '|' "
            + "  + c.querySelector('.reply').textContent + '|' "
            + "  + Array.from(c.querySelectorAll('.history li')).map(li => li.textContent).join('/'))];");
    }

    private void assertPanesShow(Snapshot s, String where) {
        assertEquals(Jvm.cpuCards(s), cpuCards(), where + ": CPU cards");
        // the table holds the rows near its view (TaskPane is windowed): a run of them, each the simulator's
        List<List<Object>> rows = taskRows();
        List<List<Object>> all = Jvm.taskRows(s);
        assertTrue(rows.size() >= Math.min(all.size(), TaskPane.CHUNK), where + ": " + rows.size() + " task rows");
        int first = 0;
        while (first < all.size() && !rows.isEmpty() && !all.get(first).get(0).equals(rows.get(0).get(0))) {
            first++;
        }
        assertEquals(all.subList(first, Math.min(all.size(), first + rows.size())), rows, where + ": task table");
        assertEquals(Jvm.objects(s), objects(), where + ": kernel objects");
    }

    /** Where each live task's cursor chip is: task id -> "file:line" of its row. */
    @SuppressWarnings("unchecked")
    private Map<String, String> cursors() {
        return (Map<String, String>) b.js("const m = {}; document.querySelectorAll('#source .file.shown .cursor').forEach(c => {"
            + "const row = c.closest('.line'); const file = c.closest('.file');"
            + "m[c.dataset.task] = file.dataset.file + ':' + row.dataset.line; }); return m;");
    }

    private String shownFile() {
        return (String) b.js("const f = document.querySelector('#source .file.shown'); return f ? f.dataset.file : null;");
    }

    /** The view of the state panes and the source marks, to compare before and after time travel. */
    private String stateView() {
        return stateHtml() + "\n--log--\n" + b.html("log") + "\n--where--\n" + b.byId("source-where").getText()
            + "\n--marks--\n" + b.js("return Array.from(document.querySelectorAll('#source .file.shown .line.at, "
                + "#source .file.shown .line.caller'))"
                + ".map(r => r.outerHTML).join('\\n');") + "\n--bug--\n" + b.byId("bug").getText();
    }

    /**
     * The state pane's HTML without the heights of the task table's empty chunks: they hold the
     * rows' heights as last measured or estimated, which depend on where the reader scrolled before.
     */
    private String stateHtml() {
        return b.html("state").replaceAll("(<div class=\"chunk\" role=\"none\") style=\"height:\\d+px\"", "$1");
    }

    /** Waits until the page has drawn two more frames (the source scrolls in an animation frame). */
    private void afterFrame() {
        b.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
            + "requestAnimationFrame(() => requestAnimationFrame(() => done(true)));");
    }

    private void keys(CharSequence... k) {
        b.js("if (document.activeElement) document.activeElement.blur();");
        new Actions(b.driver).sendKeys(k).perform();
    }

    // ---- tests ------------------------------------------------------------------------------------

    @Test
    void steppingMovesTheCursorOfTheTaskThatStepped() throws Exception {
        b.open("#preset=seed&step=0");
        Snapshot prev = Jvm.at("seed", 0);
        int checked = 0;
        for (int n = 1; n <= 30; n++) {
            b.click("btn-step");
            assertEquals(n, b.step());
            Snapshot s = Jvm.at("seed", n);
            Snapshot.TaskView t = s.task(s.lastTask);
            int line = Jvm.line(t.frames.get(0));
            if (line == 0) {
                continue;
            }
            assertEquals(t.frames.get(0).file, shownFile(), "step " + n + ": the source follows " + Fmt.task(t));
            Map<String, String> cur = cursors();
            assertEquals(t.frames.get(0).file + ":" + line, cur.get(Integer.toString(t.id)),
                "step " + n + ": the cursor of " + Fmt.task(t));
            for (Snapshot.TaskView o : s.tasks) {
                int l = o.dead || o.frames.isEmpty() ? 0 : Jvm.line(o.frames.get(0));
                if (l > 0 && o.frames.get(0).file.equals(shownFile())) {
                    assertEquals(o.frames.get(0).file + ":" + l, cur.get(Integer.toString(o.id)),
                        "step " + n + ": cursor of " + Fmt.task(o));
                }
            }
            WebElement row = b.driver.findElement(By.cssSelector("#source .line.cur"));
            assertEquals(Integer.toString(line), row.getDomAttribute("data-line"));
            checked++;
            prev = s;
        }
        assertNotNull(prev);
        assertTrue(checked >= 15, "checked the cursor at " + checked + " steps");
        b.screenshot("seed-step-30");
        // following keeps the stepping task's line in view, in a long file too
        b.open("#preset=many-threads&step=30000");
        for (int i = 0; i < 5; i++) {
            b.click("btn-step");
            afterFrame();
            assertEquals(Boolean.TRUE, b.js("const f = document.querySelector('#source .file.shown');"
                + "const r = f.querySelector('.line.cur') || f.querySelector('.line.caller'); if (!r) return 'no line';"
                + "const a = r.getBoundingClientRect(), c = f.getBoundingClientRect();"
                + "return a.top >= c.top && a.bottom <= c.bottom;"), "the followed line is in view after step " + b.step());
        }
    }

    @Test
    void panesShowWhatTheSimulatorSays() throws Exception {
        String[][] cases = {{"seed", "0"}, {"seed", "37"}, {"seed", "150"}, {"seed", "420"},
            {"run-stop", "700"}, {"many-threads", "2500"}, {"many-threads", "40000"}};
        for (String[] c : cases) {
            long n = Long.parseLong(c[1]);
            b.open("#preset=" + c[0] + "&step=" + n);
            b.waitStep(n);
            assertPanesShow(Jvm.at(c[0], n), c[0] + " step " + n);
        }
        b.screenshot("many-threads-step-40000");
        // the same through the buttons: a few steps of many-threads
        for (int i = 1; i <= 5; i++) {
            b.click("btn-step");
            assertPanesShow(Jvm.at("many-threads", 40000 + i), "many-threads step " + (40000 + i));
        }
    }

    /**
     * Run to end from a fresh load draws the last step in parts, a frame apart (the kernel objects,
     * by then pushed out of view by the grown task table, last but one); once it is done, every
     * pane shows the run's last step.
     */
    @Test
    void runToEndShowsTheLastStepInEveryPane() {
        History h = Jvm.history("many-threads");
        b.open("#preset=many-threads&step=0");
        b.click("btn-end");
        assertEquals(h.recorded(), b.idleStep());
        assertPanesShow(Jvm.at("many-threads", h.recorded()), "run to end");
        assertTrue(b.byId("log-count").getText().startsWith(Fmt.count(h.tracepoints().size(), "event")),
            b.byId("log-count").getText());
        assertTrue(b.byId("status").getText().contains("step " + h.recorded() + " of " + h.recorded()),
            b.byId("status").getText());
    }

    /** Clicks Step then Step back n times inside the page, comparing the views; returns the steps that differed. */
    private static final String STEP_BACK_LOOP = "const n = arguments[0];"
        + "const step = document.getElementById('btn-step'), back = document.getElementById('btn-back');"
        + "const view = () => document.getElementById('state').innerHTML.replace(/(<div class=\"chunk\" role=\"none\") style=\"height:\\d+px\"/g, '$1')"
        + " + '|' + document.getElementById('log').innerHTML"
        + " + '|' + document.getElementById('source-where').textContent + '|' + document.getElementById('bug').textContent"
        + " + '|' + Array.from(document.querySelectorAll('#source .file.shown .line.at, #source .file.shown .line.caller'))"
        + "   .map(r => r.outerHTML).join('\\n');"
        + "const bad = [];"
        + "for (let i = 0; i < n; i++) { const at = document.getElementById('page').dataset.step; const before = view();"
        + "  step.click(); back.click(); if (view() !== before || document.getElementById('page').dataset.step !== at) bad.push(at);"
        + "  step.click(); }"
        + "return bad;";

    @Test
    void stepBackRestoresExactlyThePreviousView() {
        b.open("#preset=seed&step=0");
        for (int n = 0; n < 4; n++) {
            String before = stateView();
            b.click("btn-step");
            b.click("btn-back");
            assertEquals(n, b.step());
            assertEquals(before, stateView(), "Step then Step back at step " + n);
            b.click("btn-step");
        }
        assertEquals(List.of(), b.js(STEP_BACK_LOOP, 120), "seed: steps whose view Step back did not restore");
        b.open("#preset=many-threads&step=20000");
        assertEquals(List.of(), b.js(STEP_BACK_LOOP, 40), "many-threads: steps whose view Step back did not restore");
        String at = stateView();
        long n = b.step();
        b.open("#preset=many-threads&step=" + n);
        assertEquals(at, stateView(), "the same step, reached by a fresh load");
    }

    /**
     * Seeks through the scrubber in a long history, far forward and back: the panes update in
     * place, so after each seek the CPU cards, task rows, kernel objects and the source pane's
     * cursors must be the simulator's at that step (a stale text, chip or row fails), and the whole
     * view (state panes, log, marked source rows) must be what a fresh load of that step shows.
     */
    @Test
    void seeksShowWhatAFreshLoadShows() {
        // run queues of 21, 1, 18 tasks on CPU 1 (irqs off at 45,100 but not at 44,990), and empty ones
        long[] targets = {41_234, 2_500, 45_000, 15_000, 59_999, 17, 25_000, 35_000, 44_990, 45_100, 2_400, 30_002, 44_444};
        b.open("#preset=many-threads&step=0");
        b.waitRecorded(60_000);
        Map<Long, String> views = new LinkedHashMap<>();
        Map<Long, Map<String, String>> rows = new HashMap<>();
        for (long n : targets) {
            b.js("const s = document.getElementById('scrubber'); s.value = String(arguments[0]);"
                + "s.dispatchEvent(new Event('input', {bubbles: true}));", n);
            assertEquals(n, b.step());
            Snapshot s = Jvm.at("many-threads", n);
            assertPanesShow(s, "seek to " + n);
            assertCursors(s, "seek to " + n);
            if (n == 59_999 || n == 45_100 || n == 44_444) {
                afterFrame();
                views.put(n, stateView());
                rows.put(n, sourceRows());
            }
        }
        for (Map.Entry<Long, String> e : views.entrySet()) {
            b.open("#preset=many-threads&step=" + e.getKey());
            b.waitStep(e.getKey());
            afterFrame();
            assertEquals(e.getValue(), stateView(), "step " + e.getKey() + " reached by seeks, and by a fresh load");
            // every source row both have in the DOM, marked or not, is the same (rows are built ahead and reused)
            Map<String, String> fresh = sourceRows();
            int both = 0;
            for (Map.Entry<String, String> r : rows.get(e.getKey()).entrySet()) {
                if (fresh.containsKey(r.getKey())) {
                    assertEquals(fresh.get(r.getKey()), r.getValue(), "step " + e.getKey() + ", source line " + r.getKey());
                    both++;
                }
            }
            assertTrue(both >= SourcePane.CHUNK, "step " + e.getKey() + ": " + both + " source rows in both");
        }
    }

    /** The shown source file's rows in the DOM, by line number: their markup with the notes that follow them. */
    @SuppressWarnings("unchecked")
    private Map<String, String> sourceRows() {
        return (Map<String, String>) b.js("const m = {}; for (const r of document.querySelectorAll('#source .file.shown .line')) {"
            + " let h = r.outerHTML; for (let n = r.nextElementSibling; n && !n.classList.contains('line'); n = n.nextElementSibling)"
            + " h += n.outerHTML; m[r.dataset.line] = h; } return m;");
    }

    /**
     * Play draws the source pane and the large tables apart and less often than the other panes;
     * once paused, every pane shows the paused step as a fresh load of it does.
     */
    @Test
    void aPausedPlayShowsWhatAFreshLoadShows() {
        b.open("#preset=many-threads&step=0");
        new Select(b.byId("speed")).selectByValue("1000");
        b.click("btn-play");
        new org.openqa.selenium.support.ui.WebDriverWait(b.driver, java.time.Duration.ofSeconds(30))
            .until(d -> b.step() >= 1500);
        b.click("btn-pause");
        long paused = b.idleStep();
        Snapshot s = Jvm.at("many-threads", paused);
        assertPanesShow(s, "paused at " + paused);
        assertCursors(s, "paused at " + paused);
        afterFrame();
        String view = stateView() + "\n--file--\n" + shownFile();
        b.open("#preset=many-threads&step=" + paused);
        b.waitStep(paused);
        afterFrame();
        assertEquals(view, stateView() + "\n--file--\n" + shownFile(), "step " + paused + " paused in Play, and by a fresh load");
    }

    /** Every live task on the shown file has its cursor chip on its line, and no other chip is there. */
    private void assertCursors(Snapshot s, String where) {
        String file = shownFile();
        Map<String, String> want = new HashMap<>();
        for (Snapshot.TaskView t : s.tasks) {
            int l = t.dead || t.frames.isEmpty() ? 0 : Jvm.line(t.frames.get(0));
            if (l > 0 && t.frames.get(0).file.equals(file)) {
                want.put(Integer.toString(t.id), file + ":" + l);
            }
        }
        assertEquals(want, cursors(), where + ": cursors on " + file);
    }

    @Test
    void reloadKeepsPresetAndStep() throws Exception {
        b.open("");
        new Select(b.byId("preset")).selectByValue("many-threads");
        b.waitStep(0);
        WebElement field = b.byId("goto");
        field.clear();
        field.sendKeys("1234", Keys.ENTER);
        b.waitStep(1234);
        b.click("btn-step");
        b.click("btn-step");
        b.waitStep(1236);
        String before = stateView();
        new org.openqa.selenium.support.ui.WebDriverWait(b.driver, java.time.Duration.ofSeconds(5))
            .until(d -> d.getCurrentUrl().contains("preset=many-threads&step=1236"));
        b.driver.navigate().refresh();
        b.waitReady();
        assertEquals(1236, b.step());
        assertEquals("many-threads", new Select(b.byId("preset")).getFirstSelectedOption().getDomAttribute("value"));
        assertEquals(before, stateView(), "the reloaded view");
    }

    @Test
    void keyboardShortcutsWork() throws Exception {
        History h = Jvm.history("seed");
        b.open("#preset=seed&step=0");
        keys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
        assertEquals(3, b.step());
        keys(Keys.ARROW_LEFT);
        assertEquals(2, b.step());
        keys("f");
        long fork = h.nextEvent(2, Navigator.FORK);
        assertEquals(fork, b.idleStep(), "f: next fork");
        keys("c");
        long sw = h.nextEvent(fork, Navigator.SWITCH);
        assertEquals(sw, b.idleStep(), "c: next context switch");
        keys("w");
        long wake = h.nextEvent(sw, Navigator.WAKEUP);
        assertEquals(wake, b.idleStep(), "w: next wakeup");
        Snapshot s = Jvm.at("seed", wake);
        int t = s.lastTask;
        long over = h.stepOver(wake, t, s.task(t).frames.size()).scan();
        keys("o");
        assertEquals(over, b.idleStep(), "o: step over");
        keys("?");
        assertTrue(b.byId("help").isDisplayed(), "? opens the help");
        assertTrue(b.byId("help").getText().contains("Step back"));
        b.screenshot("help-overlay");
        keys(Keys.ESCAPE);
        assertFalse(b.byId("help").isDisplayed(), "Esc closes the help");
        keys(Keys.END);
        assertEquals(h.recorded(), b.idleStep(), "End: run to the end");
        keys(Keys.HOME);
        assertEquals(0, b.step(), "Home: reset");
        new Select(b.byId("speed")).selectByValue("100");
        keys(" ");
        assertTrue(b.byId("btn-pause").isEnabled(), "Space plays");
        new org.openqa.selenium.support.ui.WebDriverWait(b.driver, java.time.Duration.ofSeconds(10))
            .until(d -> b.step() >= 5);
        keys(" ");
        long paused = b.idleStep();
        assertFalse(b.byId("btn-pause").isEnabled(), "Space pauses");
        Thread.sleep(300);
        assertEquals(paused, b.step(), "paused means paused");
        keys(Keys.chord(Keys.SHIFT, Keys.ARROW_RIGHT));
        assertTrue(b.idleStep() > paused, "Shift+→ steps over");
        keys("l");
        assertEquals("en", b.js("return document.documentElement.lang;"), "the page itself stays English");
        new org.openqa.selenium.support.ui.WebDriverWait(b.driver, java.time.Duration.ofSeconds(10))
            .until(d -> "zh".equals(b.byId("page").getDomAttribute("data-notes"))
                && b.all("#source .file.shown .note[lang=zh-CN]").size() > 0);
        assertTrue(b.driver.getCurrentUrl().contains("lang=zh") || waitUrl("lang=zh"));
        keys("l");
        new org.openqa.selenium.support.ui.WebDriverWait(b.driver, java.time.Duration.ofSeconds(10))
            .until(d -> b.all("#source .file.shown .note").size() > 0
                && b.all("#source .file.shown .note[lang=zh-CN]").isEmpty());
    }

    private boolean waitUrl(String part) {
        new org.openqa.selenium.support.ui.WebDriverWait(b.driver, java.time.Duration.ofSeconds(5))
            .until(d -> d.getCurrentUrl().contains(part));
        return true;
    }

    @Test
    void controlsHaveTheirAccessibleNames() {
        b.open("");
        for (String name : new String[] {"Step", "Step back", "Step over", "Play", "Pause", "Reset"}) {
            int found = 0;
            for (WebElement e : b.all("#controls button")) {
                if (name.equals(e.getAccessibleName())) {
                    found++;
                }
            }
            assertEquals(1, found, "one button named '" + name + "'");
        }
        assertEquals("Scrubber", b.byId("scrubber").getAccessibleName());
        assertTrue(b.byId("goto").getAccessibleName().startsWith("Go to step"), b.byId("goto").getAccessibleName());
        assertTrue(b.byId("speed").getAccessibleName().startsWith("Speed"), b.byId("speed").getAccessibleName());
        assertEquals("Run to next fork", b.byId("btn-fork").getAccessibleName());
    }

    /**
     * The Follow menu lists the live tasks of the step shown: it grows at each fork (the new
     * tasks are added), loses the stopped ones at the end, and is right again after going back.
     */
    @Test
    void followListsTheLiveTasksOfTheStepShown() throws Exception {
        b.open("#preset=many-threads&step=0");
        for (int i = 0; i < 6; i++) {
            b.click("btn-fork");
            assertFollowChoices("many-threads", b.idleStep());
        }
        b.click("btn-end");
        assertFollowChoices("many-threads", b.idleStep());
        b.click("btn-back");
        assertFollowChoices("many-threads", b.step());
        b.byId("goto").sendKeys("40" + Keys.ENTER);
        assertFollowChoices("many-threads", b.idleStep());
        // seeks across the first forks and back: the choices taken out are put back, each as it
        // should read at the step shown, and a followed task stays selected while it is listed
        b.waitRecorded(60_000);
        Snapshot late = Jvm.at("many-threads", 45_000);
        Snapshot later = Jvm.at("many-threads", 59_999);
        int early = Jvm.at("many-threads", 2_400).tasks.size();
        Snapshot.TaskView last = null;
        for (Snapshot.TaskView t : late.tasks) {
            if (t.id >= early && !t.dead && !later.task(t.id).dead) {
                last = t;
            }
        }
        assertNotNull(last, "a task forked after step 2,400 and alive at 45,000 and 59,999");
        for (long n : new long[] {45_000, 2_400, 59_999, 17, 45_000}) {
            b.js("const s = document.getElementById('scrubber'); s.value = String(arguments[0]);"
                + "s.dispatchEvent(new Event('input', {bubbles: true}));", n);
            assertFollowChoices("many-threads", b.step());
            if (n == 45_000 && !b.byId("follow").getDomProperty("value").equals(Integer.toString(last.id))) {
                new Select(b.byId("follow")).selectByValue(Integer.toString(last.id));
            }
        }
        assertEquals(Integer.toString(last.id), b.byId("follow").getDomProperty("value"),
            "following " + Fmt.task(last) + " after seeks to where it was not yet forked and back");
    }

    private void assertFollowChoices(String preset, long step) {
        List<String> want = new ArrayList<>();
        want.add(Integer.toString(StepView.AUTO) + " the task that stepped");
        want.add(Integer.toString(StepView.NONE) + " no one (read freely)");
        for (Snapshot.TaskView t : Jvm.at(preset, step).tasks) {
            if (!t.dead) {
                want.add(t.id + " " + Fmt.task(t));
            }
        }
        List<String> shown = new ArrayList<>();
        for (WebElement o : new Select(b.byId("follow")).getOptions()) {
            shown.add(o.getDomAttribute("value") + " " + o.getDomProperty("textContent"));
        }
        assertEquals(want, shown, "the Follow choices at step " + step);
    }

    @Test
    void scrubberGoToAndTimelineMoveThroughTime() throws Exception {
        History h = Jvm.history("seed");
        b.open("#preset=seed&step=0");
        b.waitRecorded(200);
        b.js("const s = document.getElementById('scrubber'); s.value = '200';"
            + "s.dispatchEvent(new Event('input', {bubbles: true}));");
        assertEquals(200, b.step());
        assertPanesShow(Jvm.at("seed", 200), "scrubber to 200");
        WebElement field = b.byId("goto");
        field.clear();
        field.sendKeys("77", Keys.ENTER);
        assertEquals(77, b.idleStep());
        field.clear();
        field.sendKeys("abc", Keys.ENTER);
        assertTrue(b.byId("message").getText().contains("not a step number"), b.byId("message").getText());
        assertEquals(77, b.step());
        b.waitRecorded(h.recorded());
        b.click("tl-fit");
        WebElement canvas = b.byId("timeline");
        long t0 = Long.parseLong(canvas.getDomAttribute("data-t0"));
        long t1 = Long.parseLong(canvas.getDomAttribute("data-t1"));
        int w = canvas.getRect().getWidth();
        int x = 46 + (w - 46) * 3 / 4;
        new Actions(b.driver).moveToElement(canvas, x - w / 2, 0).click().perform();
        long n = b.idleStep();
        long clicked = t0 + (long) ((double) (x - 46) / (w - 46) * (t1 - t0));
        long slack = (t1 - t0) / (w - 46) + 1;
        assertTrue(h.timeAt(n) <= clicked + slack, "the step shown is not after the clicked time");
        assertTrue(n == h.recorded() || h.timeAt(n + 1) > clicked - slack, "and it is the last one before it");
        b.click("btn-end");
        assertEquals(h.recorded(), b.idleStep());
        assertFalse(b.byId("btn-step").isEnabled(), "no Step at the end");
        b.click("btn-reset");
        assertEquals(0, b.step());
    }

    @Test
    void runToNextAndStepOverMatchTheSimulator() {
        History h = Jvm.history("many-threads");
        b.open("#preset=many-threads&step=3000");
        long from = 3000;
        String[][] buttons = {{"btn-fork"}, {"btn-switch"}, {"btn-wakeup"}};
        String[][] names = {Navigator.FORK, Navigator.SWITCH, Navigator.WAKEUP};
        for (int i = 0; i < 3; i++) {
            b.click(buttons[i][0]);
            long expect = h.nextEvent(from, names[i]);
            assertEquals(expect, b.idleStep(), buttons[i][0]);
            from = expect;
        }
        for (int i = 0; i < 5; i++) {
            Snapshot s = Jvm.at("many-threads", from);
            int t = s.lastTask;
            long expect = h.stepOver(from, t, s.task(t).frames.size()).scan();
            b.click("btn-over");
            assertEquals(expect, b.idleStep(), "step over from " + from);
            from = expect;
        }
    }

    @Test
    void goingFarAheadRecordsInSlicesAndTheRightViewArrives() {
        History h = Jvm.history("many-threads");
        long target = Math.min(150_000, h.recorded());
        b.open("#preset=many-threads&step=0");
        b.js("window.beats = 0; window.beat = setInterval(() => window.beats++, 5);");
        WebElement field = b.byId("goto");
        field.clear();
        field.sendKeys(Long.toString(target), Keys.ENTER);
        b.waitStep(target);
        long beats = ((Number) b.js("clearInterval(window.beat); return window.beats;")).longValue();
        assertTrue(beats >= 5, "timers ran while the page recorded " + target + " steps (" + beats + " beats)");
        assertEquals(Jvm.cpuCards(Jvm.at("many-threads", target)), cpuCards());
        assertTrue(((Number) b.js("return window.kthreadlabLongestSlice();")).doubleValue() >= 0,
            "the page reports its longest slice for the benchmark");
    }

    @Test
    void badLinksShowAMessageAndKeepThePageUsable() throws Exception {
        String[][] cases = {
            {"#preset=nope", "preset: \"nope\" is not a preset"},
            {"#step=abc", "step: \"abc\" is not a whole number"},

            {"#preset=seed&x=<img src=x onerror=window.__pwned=1>", "x: unknown key"},
            {"#preset=%3Cscript%3Ewindow.__pwned=1%3C/script%3E", "preset: has a raw '='"},
            {"#lang=fr", "lang: \"fr\" is not a language"},
        };
        for (String[] c : cases) {
            b.open(c[0]);
            String msg = b.byId("message").getText();
            assertTrue(msg.contains(c[1]), c[0] + " -> " + msg);
            assertEquals(0, b.all("#message *").size(), "the message is text only");
            assertEquals(null, b.js("return window.__pwned;"));
            assertEquals(0, b.step());
            b.click("btn-step");
            assertEquals(1, b.step(), "the page still steps after " + c[0]);
        }
        b.screenshot("bad-link-message");
    }

    @Test
    void readableAt1280AndUsableAt390() throws Exception {
        b.open("#preset=many-threads&step=30000");
        checkLayout("1280x800", false);
        b.screenshot("many-threads-1280x800");
        b.viewport(390, 844);
        b.open("#preset=seed&step=120");
        checkLayout("390x844", true);
        b.screenshot("seed-390x844");
        b.viewport(1280, 800);
        b.colorScheme("dark");
        b.open("#preset=seed&step=300");
        String bg = (String) b.js("return getComputedStyle(document.body).backgroundColor;");
        assertEquals("rgb(22, 24, 28)", bg, "dark background under prefers-color-scheme: dark");
        b.screenshot("seed-dark");
        b.colorScheme("light");
        b.open("#preset=seed&step=0");
        b.screenshot("seed-start");
    }

    private void checkLayout(String where, boolean stacked) {
        long docW = ((Number) b.js("return document.documentElement.scrollWidth;")).longValue();
        long vw = ((Number) b.js("return window.innerWidth;")).longValue();
        assertTrue(docW <= vw, where + ": the page is " + docW + " px wide in a " + vw + " px viewport");
        @SuppressWarnings("unchecked")
        List<String> over = (List<String>) b.js("return Array.from(document.querySelectorAll('.card, .chip, #controls .group, header#top'))"
            + ".filter(e => e.offsetParent !== null && e.scrollWidth > e.clientWidth + 1)"
            + ".map(e => e.className + ' ' + e.textContent.slice(0, 40) + ' ' + e.scrollWidth + '>' + e.clientWidth);");
        assertEquals(new ArrayList<String>(), over, where + ": elements whose text overflows");
        var src = b.byId("source-pane").getRect();
        var state = b.byId("state").getRect();
        if (stacked) {
            assertTrue(src.getY() + src.getHeight() <= state.getY() + 1, where + ": panes stack");
        } else {
            assertTrue(src.getX() + src.getWidth() <= state.getX() + 1 && Math.abs(src.getY() - state.getY()) < 5,
                where + ": source and state side by side");
            long h = ((Number) b.js("return document.documentElement.scrollHeight;")).longValue();
            assertTrue(h <= 800, where + ": the page fits the window height (" + h + ")");
        }
    }
}
