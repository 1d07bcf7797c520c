package kthreadlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kthreadlab.engine.Machine;
import kthreadlab.history.History;
import kthreadlab.init.main.Boot;
import kthreadlab.scenario.Presets;
import kthreadlab.scenario.Scenario;
import kthreadlab.snapshot.Snapshot;
import kthreadlab.trace.TraceEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A SIGKILL is seen in the page: its signal_generate line stands out in the event log, the
 * timeline marks it, and the target's row in the task table says the signal is pending.
 */
class SignalPageTest {
    /** The first step after which some task has a signal pending, in the JVM simulator, and its pid. */
    private static long[] firstPending(String preset) {
        Scenario s = Presets.get(preset).scenario;
        Machine m = Boot.machine(s);
        while (m.step(s.until)) {
            for (Snapshot.TaskView t : Snapshot.of(m).tasks) {
                if (t.pendingSignals.equals("SIGKILL")) {
                    return new long[] {m.steps, t.pid};
                }
            }
        }
        throw new AssertionError("no task of " + preset + " ever has a pending SIGKILL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sigkill-early", "sigkill-late"})
    void theSignalIsAnEventAndAMarkOnItsTask(String preset) throws Exception {
        long[] pending = firstPending(preset);
        long n = pending[0];
        History h = Jvm.history(preset);
        int signals = 0;
        for (TraceEvent e : h.tracepoints()) {
            if (e.name.equals("signal_generate")) {
                signals++;
                assertTrue(e.step < n, "the signal is generated before it is pending (" + e.step + ", " + n + ")");
            }
        }
        assertEquals(1, signals, preset + " sends one signal");
        try (Browser b = new Browser(1280, 800)) {
            b.open("#v=1&preset=" + preset + "&step=" + n);
            List<WebElement> lines = b.all("#log-lines .ev.signal");
            assertEquals(1, lines.size(), "one highlighted signal line in the event log");
            assertTrue(lines.get(0).getText().contains("signal_generate: sig=9"), lines.get(0).getText());
            String color = (String) b.js("return getComputedStyle(arguments[0]).backgroundColor", lines.get(0));
            String plain = (String) b.js("return getComputedStyle(document.querySelector('#log-lines .ev:not(.signal):not(.now)')).backgroundColor");
            assertTrue(!color.equals(plain), "the signal line has its own background (" + color + ")");
            assertEquals("1", b.byId("timeline").getDomAttribute("data-signals"), "the timeline draws one signal marker");
            WebElement row = b.driver.findElement(By.xpath("//div[@id='task-table']//div[@role='row'][span[contains(@class,'pid') and text()='"
                + pending[1] + "']]"));
            WebElement mark = row.findElement(By.cssSelector(".sig"));
            assertEquals("SIGKILL pending", mark.getText());
            assertTrue(mark.isDisplayed());
            b.screenshot("signal-" + preset);
            b.open("#v=1&preset=" + preset + "&step=" + (n - 1));
            assertTrue(b.all("#task-table .sig").isEmpty(), "no pending mark before the signal is pending");
        }
    }
}
