package kthreadlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import kthreadlab.history.History;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The scenario as the controls show it: what-ifs are checkboxes of the editor, an edited scenario
 * names its title in the preset control, and the timeline opens on the run's activity.
 */
class ScenarioControlsTest {
    private static String hash(Browser b) {
        return (String) b.js("return location.hash");
    }

    @Test
    void whatIfsAreCheckboxesAndAnEditShowsItsTitleInThePresetControl() throws Exception {
        try (Browser b = new Browser(1280, 800)) {
            b.open("#v=1&preset=preempt-disable-whatif");
            b.click("btn-scenario");
            WebElement box = b.driver.findElement(By.cssSelector("#editor input[type=checkbox][data-whatif=no_preempt_disable]"));
            assertTrue(box.isSelected(), "the preset's what-if is checked");
            assertTrue(b.byId("editor").getText().contains("kthread() without its preempt_disable()"));
            box.click();
            new WebDriverWait(b.driver, Duration.ofSeconds(30)).until(d -> !hash(b).contains("preset="));
            assertFalse(hash(b).contains("whatif"), "unchecked: the link has no what-if: " + hash(b));
            String shown = new Select(b.byId("preset")).getFirstSelectedOption().getText();
            assertEquals("your scenario: what if kthread() did not disable preemption", shown,
                "the preset control names the edited scenario");
            box = b.driver.findElement(By.cssSelector("#editor input[data-whatif=no_preempt_disable]"));
            box.click();
            new WebDriverWait(b.driver, Duration.ofSeconds(30)).until(d -> hash(b).contains("preset=preempt-disable-whatif"));
            assertEquals("preempt-disable-whatif", new Select(b.byId("preset")).getFirstSelectedOption().getDomAttribute("value"),
                "checked again, it is the preset");
            b.open("#v=1&cpus=1&until=20ms&whatif=no_preempt_disable&title=mine&preempt=full");
            assertTrue(b.driver.findElement(By.cssSelector("#editor input[data-whatif=no_preempt_disable]")).isSelected(),
                "a link's what-if shows checked");
            assertEquals("your scenario: mine", new Select(b.byId("preset")).getFirstSelectedOption().getText());
            b.screenshot("editor-whatif");
        }
    }

    @Test
    void theTimelineOpensOnTheRunsActivity() throws Exception {
        for (String preset : new String[] {"seed", "wq-idle-reap"}) {
            History h = Jvm.history(preset);
            long n = h.recorded();
            long tail = n * TimelinePane.TAIL_PER_MILLE / 1000;
            long a = h.timeAt(tail);
            long z = h.timeAt(n - tail);
            try (Browser b = new Browser(1280, 800)) {
                b.open("#v=1&preset=" + preset);
                b.waitRecorded(h.recorded());
                new WebDriverWait(b.driver, Duration.ofSeconds(30)).until(d ->
                    Long.parseLong(b.byId("timeline").getDomAttribute("data-t1")) >= z);
                long t0 = Long.parseLong(b.byId("timeline").getDomAttribute("data-t0"));
                long t1 = Long.parseLong(b.byId("timeline").getDomAttribute("data-t1"));
                assertTrue(t0 <= a && t1 >= z, preset + ": the window " + t0 + ".." + t1 + " holds the activity " + a + ".." + z);
                assertTrue((z - a) * 10 >= (t1 - t0) * 8, preset + ": the activity fills most of the strip ("
                    + (z - a) + " of " + (t1 - t0) + " ns)");
                b.screenshot("timeline-open-" + preset);
            }
        }
    }
}
