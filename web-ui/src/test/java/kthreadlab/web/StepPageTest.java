package kthreadlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kthreadlab.init.main.Boot;
import kthreadlab.engine.Machine;
import kthreadlab.scenario.Presets;
import kthreadlab.scenario.Scenario;
import kthreadlab.snapshot.Snapshot;
import kthreadlab.source.Anchor;
import kthreadlab.source.Corpus;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The built page, opened from file://, steps like the simulator on the JVM. */
class StepPageTest {
    /** The line the JVM simulator says the stepping task is at, after `steps` steps of the seed preset. */
    private static int expectedLine(Corpus corpus, int steps) {
        Scenario s = Presets.get("seed").scenario;
        Machine m = Boot.machine(s);
        for (int i = 0; i < steps; i++) {
            m.step(s.until);
        }
        Snapshot snap = Snapshot.of(m);
        Snapshot.TaskView t = snap.lastTask >= 0 ? snap.task(snap.lastTask) : snap.task(snap.cpus.get(0).curr);
        Snapshot.FrameView f = t.frames.get(0);
        return corpus.resolve(new Anchor(f.file, f.function, f.text, f.occurrence));
    }

    private static int highlighted(Browser b) {
        WebElement cur = b.driver.findElement(By.cssSelector("#source .line.cur"));
        return Integer.parseInt(cur.getAttribute("data-line"));
    }

    @Test
    void stepMovesTheHighlightedLineAsTheSimulatorSays() throws Exception {
        Corpus corpus = Corpus.load();
        try (Browser b = new Browser(1280, 800)) {
            b.driver.get(Browser.distUrl(""));
            assertEquals(expectedLine(corpus, 0), highlighted(b));
            WebElement step = b.driver.findElement(By.id("btn-step"));
            int before = highlighted(b);
            for (int i = 1; i <= 6; i++) {
                step.click();
                assertEquals(expectedLine(corpus, i), highlighted(b), "after step " + i);
            }
            assertTrue(highlighted(b) != before, "six steps moved the highlighted line");
            b.screenshot("step-skeleton");
            List<String> severe = b.severeLogs();
            assertTrue(severe.isEmpty(), "browser log has SEVERE entries: " + severe);
        }
    }
}
