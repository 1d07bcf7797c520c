package kthreadlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * No pane covers another, whatever is open: the source, the event log, the CPUs and the tasks are
 * measured (their boxes clipped by the boxes that scroll them) at three window sizes with every
 * combination of the scenario panel, the embed box, a message and the help open. The source keeps
 * a readable height, and on a phone the controls and the state strip stay in view.
 */
class LayoutTest {
    static final String[] PANES = {"source", "log", "cpus-pane", "tasks-pane"};

    /** Each pane's visible box (x, y, w, h), clipped by its scrolling ancestors; empty when it shows nothing. */
    @SuppressWarnings("unchecked")
    static Map<String, List<Number>> boxes(Browser b) {
        return (Map<String, List<Number>>) b.js("const out = {};"
            + "for (const id of arguments[0]) {"
            + "  const e = document.getElementById(id); let r = e.getBoundingClientRect();"
            + "  let x0 = r.left, y0 = r.top, x1 = r.right, y1 = r.bottom;"
            + "  for (let p = e.parentElement; p; p = p.parentElement) {"
            + "    const o = getComputedStyle(p); if (o.overflowX === 'visible' && o.overflowY === 'visible') continue;"
            + "    const q = p.getBoundingClientRect();"
            + "    x0 = Math.max(x0, q.left); y0 = Math.max(y0, q.top); x1 = Math.min(x1, q.right); y1 = Math.min(y1, q.bottom); }"
            + "  out[id] = x1 > x0 && y1 > y0 ? [x0, y0 + scrollY, x1 - x0, y1 - y0] : []; }"
            + "return out;", List.of(PANES));
    }

    /** Pairs of panes whose visible boxes overlap by more than a pixel each way. */
    static List<String> overlaps(Map<String, List<Number>> boxes) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < PANES.length; i++) {
            for (int j = i + 1; j < PANES.length; j++) {
                List<Number> a = boxes.get(PANES[i]);
                List<Number> c = boxes.get(PANES[j]);
                if (a.isEmpty() || c.isEmpty()) {
                    continue;
                }
                double w = Math.min(x(a) + w(a), x(c) + w(c)) - Math.max(x(a), x(c));
                double h = Math.min(y(a) + h(a), y(c) + h(c)) - Math.max(y(a), y(c));
                if (w > 1 && h > 1) {
                    out.add(PANES[i] + " " + a + " overlaps " + PANES[j] + " " + c);
                }
            }
        }
        return out;
    }

    private static double x(List<Number> r) {
        return r.get(0).doubleValue();
    }

    private static double y(List<Number> r) {
        return r.get(1).doubleValue();
    }

    private static double w(List<Number> r) {
        return r.get(2).doubleValue();
    }

    private static double h(List<Number> r) {
        return r.get(3).doubleValue();
    }

    /** Opens the panels of this combination: bit 0 scenario panel, 1 embed box, 2 a message, 3 help. */
    private static String openPanels(Browser b, int combo) {
        StringBuilder what = new StringBuilder();
        if ((combo & 1) != 0) {
            b.click("btn-scenario");
            what.append("+scenario");
        }
        if ((combo & 2) != 0) {
            b.click("btn-embed");
            what.append("+embed");
        }
        if ((combo & 4) != 0) {
            b.byId("goto").sendKeys("not a number\n");
            assertEquals("false", String.valueOf(b.byId("message").getDomProperty("hidden")), "a message shows");
            what.append("+message");
        }
        if ((combo & 8) != 0) {
            b.click("btn-help");
            assertEquals(true, b.js("return document.getElementById('help').open"), "the help opens");
            what.append("+help");
        }
        return what.length() == 0 ? "nothing open" : what.substring(1);
    }

    @Test
    void noPaneCoversAnotherWithAnyPanelsOpen() throws Exception {
        List<String> failures = new ArrayList<>();
        int[][] sizes = {{1280, 720}, {1440, 900}, {390, 844}};
        try (Browser b = new Browser(1280, 720)) {
            for (int[] size : sizes) {
                b.viewport(size[0], size[1]);
                boolean phone = size[0] < 500;
                for (int combo = 0; combo < 16; combo++) {
                    b.open("#v=1&preset=seed&step=400");
                    String where = size[0] + "x" + size[1] + " " + openPanels(b, combo);
                    Map<String, List<Number>> boxes = boxes(b);
                    failures.addAll(prefixed(where, overlaps(boxes)));
                    double source = ((Number) b.js("return document.getElementById('source').clientHeight")).doubleValue();
                    if (source < 150) {
                        failures.add(where + ": the source is only " + source + " px high");
                    }
                    for (String id : PANES) {
                        double w = ((Number) b.js("return document.getElementById(arguments[0]).getBoundingClientRect().width", id))
                            .doubleValue();
                        if (w < Math.min(300, size[0] * 0.4)) {
                            failures.add(where + ": " + id + " is only " + w + " px wide");
                        }
                    }
                    if (combo == 0 || combo == 7 || combo == 15) {
                        b.screenshot("layout-" + size[0] + "x" + size[1] + "-" + combo);
                    }
                    if (phone && (combo & 8) == 0) {
                        phoneKeepsControlsAndState(b, where, failures);
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /**
     * The state strip is drawn only while the window is narrow, and the page learns the width from
     * a media query listener, not a read at every step: narrowing the open page makes the next
     * Steps draw it, widening it again stops them.
     */
    @Test
    void stripFollowsTheWindowWidthWhileOpen() throws Exception {
        try (Browser b = new Browser(1280, 720)) {
            b.open("#v=1&preset=seed&step=400");
            b.byId("btn-step").click();
            assertEquals("", strip(b), "a wide window draws no strip");
            b.viewport(390, 844);
            new WebDriverWait(b.driver, Duration.ofSeconds(10)).until(d -> {
                b.byId("btn-step").click();
                return strip(b).contains("CPU0 ");
            });
            String narrow = strip(b);
            steps(b, 10);
            assertNotEquals(narrow, strip(b), "ten Steps in a narrow window change the strip");
            b.viewport(1280, 720);
            b.js("window.framesSeen = 0; requestAnimationFrame(() => requestAnimationFrame(() => window.framesSeen = 2));");
            new WebDriverWait(b.driver, Duration.ofSeconds(10)).until(d -> Long.valueOf(2).equals(b.js("return window.framesSeen;")));
            String wide = strip(b);
            steps(b, 10);
            assertEquals(wide, strip(b), "ten Steps in a widened window leave the strip as it was");
        }
    }

    private static void steps(Browser b, int n) {
        for (int i = 0; i < n; i++) {
            b.byId("btn-step").click();
        }
    }

    private static String strip(Browser b) {
        return (String) b.js("return document.getElementById('strip').textContent;");
    }

    private static List<String> prefixed(String where, List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            out.add(where + ": " + l);
        }
        return out;
    }

    /**
     * On a phone, with the source scrolled into view: Step and the state strip are on screen, the
     * strip names what the CPU runs and the stepped task's state, task marks leave the code
     * readable, and a call stack is at least half the screen wide.
     */
    private static void phoneKeepsControlsAndState(Browser b, String where, List<String> failures) {
        b.js("document.getElementById('source').scrollIntoView({block: 'center'})");
        for (String id : new String[] {"btn-step", "strip", "source"}) {
            boolean inView = (Boolean) b.js("const r = document.getElementById(arguments[0]).getBoundingClientRect();"
                + "return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight;", id);
            if (!inView && !id.equals("source")) {
                failures.add(where + ": #" + id + " is not on screen while the source is");
            }
        }
        String strip = b.byId("strip").getText();
        if (!strip.contains("CPU0 ") || !strip.contains("(TASK_")) {
            failures.add(where + ": the strip does not say what the CPU runs and the task's state: '" + strip + "'");
        }
        boolean coversCode = (Boolean) b.js("const c = document.querySelector('#source .file.shown .line.cur .code');"
            + "const t = document.querySelector('#source .file.shown .line.cur .tags');"
            + "if (!c || !t) return false; const a = c.getBoundingClientRect(), d = t.getBoundingClientRect();"
            + "return d.left < a.right - 1 && d.right > a.left + 1;");
        if (coversCode) {
            failures.add(where + ": the task marks cover the current line's code");
        }
        double stack = ((Number) b.js("let w = 0; for (const s of document.querySelectorAll('#task-table .td.stack'))"
            + " w = Math.max(w, s.getBoundingClientRect().width); return w;")).doubleValue();
        if (stack < 390 / 2) {
            failures.add(where + ": call stacks are " + stack + " px wide");
        }
        b.js("scrollTo(0, 0)");
    }
}
