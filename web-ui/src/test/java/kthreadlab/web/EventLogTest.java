package kthreadlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import kthreadlab.history.History;
import kthreadlab.trace.Ftrace;
import kthreadlab.trace.TraceEvent;
import org.junit.jupiter.api.Test;

/**
 * The event log holds only the lines near its box's view: after a seek or a fresh load the last
 * EventLog.NEAR, under a padding as high as the rest of the window; scrolling the box up or moving
 * into it brings in the whole window, each line the simulator's ftrace line.
 */
class EventLogTest {
    /** The test's browser, while it runs. */
    private Browser b;
    private final History h = Jvm.history("many-threads");

    /** The last k ftrace lines up to step n, as the simulator writes them. */
    private List<String> expected(long n, int k) {
        List<TraceEvent> tp = h.tracepoints();
        int end = h.firstTracepointAfter(n);
        List<String> out = new ArrayList<>();
        for (int i = Math.max(0, end - k); i < end; i++) {
            out.add(Ftrace.line(tp.get(i)));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private List<String> lines() {
        return (List<String>) b.js("return Array.from(document.querySelectorAll('#log-lines .ev'), e => e.textContent);");
    }

    /** The padding above the lines, in lines (each as high as the last one). */
    private double paddedLines() {
        return ((Number) b.js("const l = document.getElementById('log-lines');"
            + "return parseFloat(getComputedStyle(l).paddingTop) / l.lastElementChild.getBoundingClientRect().height;"))
            .doubleValue();
    }

    private double scrollHeight() {
        return ((Number) b.js("return document.getElementById('log').scrollHeight;")).doubleValue();
    }

    private void seek(long n) {
        b.js("const s = document.getElementById('scrubber'); s.value = String(arguments[0]);"
            + "s.dispatchEvent(new Event('input', {bubbles: true}));", n);
        assertEquals(n, b.step());
    }

    /** Waits until the page has drawn two more frames (a scroll event is dispatched in a frame). */
    private void afterFrames() {
        b.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
            + "requestAnimationFrame(() => requestAnimationFrame(() => done(true)));");
    }

    private void scrollLog(int top) {
        b.js("document.getElementById('log').scrollTop = arguments[0];", top);
        afterFrames();
    }

    @Test
    void theBoxHoldsTheLinesInViewAndBringsTheRestWhenTheReaderGoesThere() throws Exception {
        try (Browser opened = new Browser(1280, 800)) {
            b = opened;
            linesFollowTheReader();
        }
    }

    private void linesFollowTheReader() {
        b.open("#preset=many-threads&step=30000");
        b.waitStep(30000);
        afterFrames();
        afterFrames();
        assertEquals(expected(30000, EventLog.NEAR), lines(), "a fresh load: the last lines only, and nothing brought them all");
        int rest = EventLog.WINDOW - EventLog.NEAR;
        assertEquals(rest, paddedLines(), 0.05, "the padding stands for the window's other lines");
        double height = scrollHeight();
        assertTrue(b.byId("log-count").getText().endsWith("last " + EventLog.WINDOW + " shown"), b.byId("log-count").getText());

        scrollLog(-40);
        assertEquals(expected(30000, EventLog.WINDOW), lines(), "scrolled up: the whole window");
        assertEquals(0, paddedLines(), 0.001);
        assertEquals(height, scrollHeight(), 2, "the box's height did not change");

        b.click("btn-step");
        assertEquals(expected(30001, EventLog.WINDOW), lines(), "a Step keeps the whole window");
        seek(20000);
        assertEquals(expected(20000, EventLog.WINDOW), lines(), "a seek while the box is scrolled up keeps the whole window");

        scrollLog(0);
        seek(10000);
        assertEquals(expected(10000, EventLog.NEAR), lines(), "back at the last line, a seek holds the last lines only");
        afterFrames();
        assertEquals(EventLog.NEAR, lines().size(), "no scroll event came after the seek");

        b.js("document.getElementById('log').focus();");
        assertEquals(expected(10000, EventLog.WINDOW), lines(), "moving into the box brings the whole window");
        seek(15000);
        assertEquals(expected(15000, EventLog.WINDOW), lines(), "a seek while the box has the focus keeps the whole window");
    }
}
