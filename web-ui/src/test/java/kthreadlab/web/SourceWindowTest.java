package kthreadlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import kthreadlab.history.History;
import kthreadlab.snapshot.Snapshot;
import kthreadlab.source.SourceFile;
import kthreadlab.source.SourceLine;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The source pane renders only the rows near its view, yet every line can be reached and found.
 * Each test has a browser of its own.
 */
class SourceWindowTest {
    private Browser b;

    private long rows(String selector) {
        return (Long) b.js("return document.querySelectorAll(arguments[0]).length;", selector);
    }

    /** The index of a line among its file's shown lines (rows). */
    private static int row(String file, int line) {
        List<SourceLine> lines = Jvm.CORPUS.file(file).lines();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).number() == line) {
                return i;
            }
        }
        return -1;
    }

    private static int corpusLines() {
        int n = 0;
        for (SourceFile f : Jvm.CORPUS.files()) {
            n += f.lines().size();
        }
        return n;
    }

    /** Waits until the page has drawn two more frames (the source scrolls and renders in a frame). */
    private void afterFrame() {
        b.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
            + "requestAnimationFrame(() => requestAnimationFrame(() => done(true)));");
    }

    /** The row of this line is in the shown file's box and inside its visible part. */
    private boolean visible(int line) {
        return Boolean.TRUE.equals(b.js("const f = document.querySelector('#source .file.shown');"
            + "const r = f.querySelector('.line[data-line=\"' + arguments[0] + '\"]'); if (!r) return false;"
            + "const a = r.getBoundingClientRect(), c = f.getBoundingClientRect();"
            + "return a.top >= c.top && a.bottom <= c.bottom;", line));
    }

    @Test
    void theDomHoldsFewRowsAndAStepToAFarLineShowsIt() throws Exception {
        try (Browser opened = new Browser(1280, 800)) {
            b = opened;
            // two consecutive steps of the seed whose followed lines are far apart in one file
            History h = Jvm.history("seed");
            long far = -1;
            int from = 0;
            int to = 0;
            for (long n = 1; n < h.recorded() && far < 0; n++) {
                Snapshot a = Jvm.at("seed", n - 1);
                Snapshot s = Jvm.at("seed", n);
                if (a.lastTask < 0 || a.lastTask != s.lastTask) {
                    continue;
                }
                Snapshot.FrameView fa = a.task(a.lastTask).frames.isEmpty() ? null : a.task(a.lastTask).frames.get(0);
                Snapshot.FrameView fs = s.task(s.lastTask).frames.isEmpty() ? null : s.task(s.lastTask).frames.get(0);
                if (fa != null && fs != null && fa.file.equals(fs.file) && Jvm.line(fa) > 0 && Jvm.line(fs) > 0
                    && Math.abs(row(fs.file, Jvm.line(fs)) - row(fa.file, Jvm.line(fa))) > 8 * SourcePane.CHUNK) {
                    far = n;
                    from = Jvm.line(fa);
                    to = Jvm.line(fs);
                }
            }
            assertTrue(far > 0, "the seed has a step to a far line");
            b.open("#v=1&preset=seed&step=" + (far - 1));
            b.waitStep(far - 1);
            afterFrame();
            assertTrue(visible(from), "line " + from + " is shown at step " + (far - 1));
            assertTrue(!visible(to), "line " + to + " is not shown yet");
            int all = corpusLines();
            long inDom = rows("#source .line");
            assertTrue(inDom * 5 < all, inDom + " rows in the DOM for a corpus of " + all + " lines");
            b.click("btn-step");
            assertEquals(far, b.step());
            afterFrame();
            assertEquals(Integer.toString(to), b.byId("source")
                .findElement(org.openqa.selenium.By.cssSelector(".line.cur")).getDomAttribute("data-line"));
            assertTrue(visible(to), "the step to line " + to + " scrolled it into view");
            assertTrue(rows("#source .line") * 5 < all, rows("#source .line") + " rows after the step");
        }
    }

    @Test
    void theLargestFileScrollsToItsEndAndFindsAnyLine() throws Exception {
        try (Browser opened = new Browser(1280, 800)) {
            b = opened;
            SourceFile big = Jvm.CORPUS.files().get(0);
            for (SourceFile f : Jvm.CORPUS.files()) {
                if (f.lines().size() > big.lines().size()) {
                    big = f;
                }
            }
            List<SourceLine> lines = big.lines();
            b.open("#v=1&preset=seed&step=0");
            b.js("document.querySelector('#source-tabs [data-file=\"' + arguments[0] + '\"]').click();", big.path());
            afterFrame();
            String shown = "#source .file.shown .line";
            assertTrue(rows(shown) * 4 < lines.size(), rows(shown) + " of " + lines.size() + " rows of " + big.path());
            int last = lines.get(lines.size() - 1).number();
            b.js("const f = document.querySelector('#source .file.shown'); f.scrollTop = f.scrollHeight;");
            new WebDriverWait(b.driver, Duration.ofSeconds(10)).until(d -> {
                afterFrame();
                b.js("const f = document.querySelector('#source .file.shown'); f.scrollTop = f.scrollHeight;");
                return visible(last);
            });
            assertTrue(rows(shown) * 4 < lines.size(), rows(shown) + " rows at the end of " + big.path());
            // find in source reaches a line far from the view
            SourceLine target = null;
            for (SourceLine l : lines) {
                if (l.text().contains("(") && l.number() < lines.get(lines.size() / 8).number()) {
                    int same = 0;
                    for (SourceLine o : lines) {
                        same += o.text().trim().equals(l.text().trim()) ? 1 : 0;
                    }
                    if (same == 1 && l.text().trim().length() > 25) {
                        target = l;
                        break;
                    }
                }
            }
            assertTrue(target != null);
            b.byId("source-find").sendKeys(target.text().trim(), Keys.ENTER);
            int want = target.number();
            new WebDriverWait(b.driver, Duration.ofSeconds(10)).until(d -> {
                afterFrame();
                return visible(want);
            });
            String found = b.byId("source-find-status").getText();
            assertTrue(found.startsWith("line " + want), found);
            assertEquals("true", b.js("const r = document.querySelector("
                + "'#source .file.shown .line[data-line=\"' + arguments[0] + '\"]');"
                + "return String(r.classList.contains('target'));", want));
        }
    }

    /** A note's left edge relative to the shown file's box, and a code line's (px). */
    private double[] lefts() {
        @SuppressWarnings("unchecked")
        List<Number> r = (List<Number>) b.js("const f = document.querySelector('#source .file.shown');"
            + "const c = f.getBoundingClientRect().left; const n = f.querySelector('.note'), l = f.querySelector('.line .code');"
            + "return [n.getBoundingClientRect().left - c, l.getBoundingClientRect().left - c, f.scrollWidth - f.clientWidth];");
        return new double[] {r.get(0).doubleValue(), r.get(1).doubleValue(), r.get(2).doubleValue()};
    }

    @Test
    void aNoteStaysInViewWhenTheCodeScrollsSideways() throws Exception {
        try (Browser opened = new Browser(1000, 800)) {
            b = opened;
            b.open("#v=1&preset=seed&step=0");
            afterFrame();
            double[] before = lefts();
            assertTrue(before[2] > 60, "the shown file is wider than its box by " + before[2] + " px");
            b.js("document.querySelector('#source .file.shown').scrollLeft = 60;");
            afterFrame();
            double[] after = lefts();
            assertEquals(before[1] - 60, after[1], 1, "the code moved left with the scroll");
            assertEquals(before[0], after[0], 1, "the note stayed where it was");
            b.js("document.querySelector('#source .file.shown').scrollLeft = 0;");
            afterFrame();
            double[] back = lefts();
            assertEquals(before[0], back[0], 1, "the note is back at its place");
            assertEquals(before[1], back[1], 1, "and so is the code");
        }
    }
}
