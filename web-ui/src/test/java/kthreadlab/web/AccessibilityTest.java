package kthreadlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

/**
 * axe-core, run inside real Chromium on every view a learner meets: no violation of impact serious
 * or critical. Each view is also saved as a screenshot.
 */
class AccessibilityTest {

    /** The serious and critical violations axe finds on the page as it is, one line each. */
    static List<String> serious(Browser b) {
        // axe on this loaded 2-core machine can take longer than its default 30 s script timeout
        Results r = new AxeBuilder().setTimeout(300).analyze(b.driver);
        List<String> out = new ArrayList<>();
        if (r.isErrored()) {
            out.add("axe could not run: " + r.getErrorMessage());
        }
        for (Rule v : r.getViolations()) {
            if (!"serious".equals(v.getImpact()) && !"critical".equals(v.getImpact())) {
                continue;
            }
            StringBuilder sb = new StringBuilder(v.getImpact()).append(' ').append(v.getId()).append(": ")
                .append(v.getHelp()).append(" (").append(v.getNodes().size()).append(" nodes)");
            int shown = 0;
            for (CheckedNode n : v.getNodes()) {
                if (shown++ == 3) {
                    break;
                }
                sb.append("\n    ").append(n.getTarget()).append(" ").append(n.getFailureSummary());
            }
            out.add(sb.toString());
        }
        return out;
    }

    private static void check(Browser b, String view) throws Exception {
        b.screenshot("a11y-" + view);
        List<String> v = serious(b);
        assertTrue(v.isEmpty(), view + ": " + String.join("\n", v));
    }

    @Test
    void everyViewHasNoSeriousViolations() throws Exception {
        List<String> failures = new ArrayList<>();
        try (Browser b = new Browser(1280, 800)) {
            b.open("#v=1&preset=seed");
            collect(failures, b, "default");
            assertTrue(String.valueOf(b.js("return document.querySelector('link[rel=icon]').href")).startsWith("data:"),
                "the favicon is in the page (no request, no 404)");
            b.open("#v=1&preset=seed&step=400");
            collect(failures, b, "mid-run");
            b.open("#v=1&preset=seed&step=400&lang=zh");
            collect(failures, b, "zh");
            assertEquals("en", b.js("return document.documentElement.lang"), "the page stays English");
            assertEquals("zh-CN", b.js("return document.querySelector('#source .note').lang"), "a note is Chinese");
            assertEquals("", b.js("return document.querySelector('#source .line').closest('[lang]').lang === 'en' ? '' : 'x'"),
                "the C source is English");
            b.colorScheme("dark");
            b.open("#v=1&preset=seed&step=400");
            collect(failures, b, "dark");
            b.colorScheme("light");
            b.open("#v=1&preset=seed&step=400");
            b.click("btn-scenario");
            collect(failures, b, "scenario-panel");
            b.click("btn-scenario");
            b.byId("btn-step").sendKeys("?");
            assertEquals(true, b.js("return document.getElementById('help').open"), "? opens the help dialog");
            collect(failures, b, "help");
            b.byId("help-close").sendKeys(Keys.ESCAPE);
            b.open("#v=1&preset=seed&step=400&embed=1");
            collect(failures, b, "embed");
            b.viewport(390, 844);
            b.open("#v=1&preset=seed&step=400");
            collect(failures, b, "phone");
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static void collect(List<String> failures, Browser b, String view) throws Exception {
        try {
            check(b, view);
        } catch (AssertionError e) {
            failures.add(e.getMessage());
        }
    }
}
