package kthreadlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import kthreadlab.cli.Bench;
import kthreadlab.engine.Machine;
import kthreadlab.init.main.Boot;
import kthreadlab.scenario.Scenario;
import kthreadlab.scenario.View;
import kthreadlab.snapshot.Snapshot;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The task table renders only the rows near its view: the stress scenario with over a thousand
 * tasks keeps a few dozen rows in the DOM, yet scrolling anywhere shows the right tasks and a
 * click on one follows it.
 */
class TaskWindowTest {
    private static final int TASKS = 1_200;
    /** Row elements the table may hold, whatever the number of tasks. */
    private static final int MAX_ROWS = 100;

    private Browser b;

    private long rows() {
        return (Long) b.js("return document.querySelectorAll('#task-table .tbody .tr').length;");
    }

    /** Waits until the page has drawn three more frames (the table fills its view in a frame). */
    private void afterFrames() {
        b.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
            + "requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(() => done(true))));");
    }

    /**
     * Scrolls the state pane over the task table: 0 puts the table's top at the pane's top, 1 its
     * bottom at the pane's bottom. Again until the table stays put, as a reader would: the rows
     * that came into view may be taller or shorter than the space the page kept for them.
     */
    private void scrollTable(double fraction) {
        Object before = null;
        for (int i = 0; i < 6; i++) {
            Object now = b.js("const s = document.getElementById('state'), t = document.querySelector('#task-table .tbody');"
                + "s.scrollTop = t.getBoundingClientRect().top - s.getBoundingClientRect().top + s.scrollTop"
                + "  + arguments[0] * Math.max(0, t.offsetHeight - s.clientHeight);"
                + "return s.scrollTop + ' ' + t.offsetHeight;", fraction);
            afterFrames();
            if (now.equals(before)) {
                return;
            }
            before = now;
        }
    }

    /**
     * The rows a reader sees: [task id, pid, comm] of every row inside the state pane's box, after
     * checking that the top and the bottom of the table's visible part are rows, not blank space.
     */
    @SuppressWarnings("unchecked")
    private List<List<Object>> visibleRows() {
        return (List<List<Object>>) b.js("const s = document.getElementById('state').getBoundingClientRect();"
            + "const t = document.querySelector('#task-table .tbody').getBoundingClientRect();"
            + "const top = Math.max(s.top, t.top) + 2, bottom = Math.min(s.bottom, t.bottom) - 2;"
            + "if (bottom <= top) return [];"
            + "for (const y of [top, bottom]) { const e = document.elementFromPoint(t.left + 20, y);"
            + "  if (!e || !e.closest('#task-table .tbody .tr')) return [['blank at ' + (y - s.top) + ': '"
            + "    + (e ? e.outerHTML.slice(0, 80) : 'nothing')]]; }"
            + "return Array.from(document.querySelectorAll('#task-table .tbody .tr')).filter(r => {"
            + "  const a = r.getBoundingClientRect(); return a.bottom > s.top && a.top < s.bottom; })"
            + ".map(r => [r.dataset.task, r.querySelector('.pid').textContent, r.querySelector('.chip').textContent]);");
    }

    /** Every visible row is the snapshot's task in that place of the table (ordered by pid), one after another. */
    private void assertShows(Snapshot s, List<List<Object>> seen, String where) {
        assertTrue(!seen.isEmpty(), where + ": no row in view");
        assertTrue(seen.get(0).size() == 3, where + ": " + seen.get(0));
        int first = 0;
        while (first < s.tasks.size() && !Integer.toString(s.tasks.get(first).id).equals(seen.get(0).get(0))) {
            first++;
        }
        for (int i = 0; i < seen.size(); i++) {
            assertTrue(first + i < s.tasks.size(), where + ": row " + i + " in view is " + seen.get(i));
            Snapshot.TaskView t = s.tasks.get(first + i);
            assertEquals(List.of(Integer.toString(t.id), Integer.toString(t.pid), t.psComm), seen.get(i),
                where + ": row " + i + " in view");
        }
    }

    @Test
    void thousandsOfTasksKeepFewRowsAndEveryPartOfTheTableShowsItsTasks() throws Exception {
        Scenario stress = Bench.scenario();
        Machine m = Boot.machine(stress);
        while (m.tasks.size() < TASKS && m.step(stress.until)) {
            // until the creator has made enough kthreads
        }
        Snapshot s = Snapshot.of(m);
        assertTrue(s.tasks.size() >= TASKS, s.tasks.size() + " tasks");
        try (Browser opened = new Browser(1280, 800)) {
            b = opened;
            b.driver.get("about:blank");
            b.driver.get(Browser.distUrl(ShareLinks.link(stress, new View(m.steps, "", "", -1, false))));
            // a scenario this large is recorded only when the reader asks
            new WebDriverWait(b.driver, Duration.ofSeconds(20)).until(d -> b.byId("export-build").isDisplayed());
            assertEquals("Go to step " + m.steps, b.byId("export-build").getText());
            b.click("export-build");
            new WebDriverWait(b.driver, Duration.ofSeconds(300)).until(d ->
                "true".equals(b.byId("page").getDomAttribute("data-ready"))
                    && "false".equals(b.byId("page").getDomAttribute("data-busy")) && b.step() == m.steps);
            afterFrames();
            assertTrue(rows() <= MAX_ROWS, rows() + " rows in the DOM for " + s.tasks.size() + " tasks");

            for (double at : new double[] {0, 0.37, 0.71, 1}) {
                scrollTable(at);
                assertShows(s, visibleRows(), "scrolled to " + at + " of the table");
                assertTrue(rows() <= MAX_ROWS, rows() + " rows in the DOM at " + at);
            }
            List<List<Object>> end = visibleRows();
            assertEquals(Integer.toString(s.tasks.get(s.tasks.size() - 1).id), end.get(end.size() - 1).get(0),
                "the table's end shows the last task");

            scrollTable(0.5);
            List<List<Object>> mid = visibleRows();
            assertShows(s, mid, "the middle");
            String id = (String) mid.get(mid.size() / 2).get(0);
            b.js("document.querySelector('#task-table .tr[data-task=\"' + arguments[0] + '\"] .chip.follow').click();", id);
            afterFrames();
            assertEquals(id, b.byId("follow").getDomProperty("value"), "the clicked task is followed");
            assertEquals(List.of(id), b.js("return Array.from(document.querySelectorAll('#task-table .tr.focus'))"
                + ".map(r => r.dataset.task);"), "its row is the focused one");
            assertShows(s, visibleRows(), "after the click");
            assertEquals(List.of(), b.severeLogs());
        }
    }
}
