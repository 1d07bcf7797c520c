package kthreadlab.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import kthreadlab.engine.Machine;
import kthreadlab.init.main.Boot;
import kthreadlab.scenario.Presets;
import kthreadlab.scenario.Scenario;
import kthreadlab.snapshot.Snapshot;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The workqueue presets in the page: kworkers appear in the task table named as ps names them. */
class WorkqueuePageTest {
    /** The first step at which some task's ps name is `ps`, in the JVM simulator. */
    private static long stepWhere(String preset, String ps) {
        Scenario s = Presets.get(preset).scenario;
        Machine m = Boot.machine(s);
        while (m.step(s.until)) {
            for (Snapshot.TaskView t : Snapshot.of(m).tasks) {
                if (t.psComm.equals(ps)) {
                    return m.steps;
                }
            }
        }
        throw new AssertionError(ps + " never shows in " + preset);
    }

    private static List<String> names(Browser b) {
        List<String> out = new ArrayList<>();
        for (WebElement e : b.driver.findElements(By.cssSelector("#task-table .chip.follow"))) {
            out.add(e.getText());
        }
        return out;
    }

    @Test
    void aSleepingItemShowsItsKworkerAsPlusWorkqueueAndTheNextItemOnAnotherKworker() throws Exception {
        long running = stepWhere("wq-sleep", "kworker/0:0+demo_wq");
        long after = stepWhere("wq-sleep", "kworker/0:1-demo_wq");
        try (Browser b = new Browser(1280, 800)) {
            b.open("#v=1&preset=wq-sleep&step=" + running);
            List<String> shown = names(b);
            assertTrue(shown.contains("kworker/0:0+demo_wq"), shown.toString());
            assertTrue(shown.contains("kworker/0:0H") && shown.contains("kworker/u4:0"), shown.toString());
            b.open("#v=1&preset=wq-sleep&step=" + after);
            shown = names(b);
            assertTrue(shown.contains("kworker/0:1-demo_wq"), shown.toString());
            assertTrue(shown.contains("kworker/0:2"), "the pool created a worker: " + shown);
            List<String> severe = b.severeLogs();
            assertTrue(severe.isEmpty(), "browser log has SEVERE entries: " + severe);
        }
    }
}
