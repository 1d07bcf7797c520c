package kthreadlab.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page benchmark (not a test): the built dist/ opened from file:// in headless Chromium.
 * Prints the median time of one Step (click until the handler has updated the DOM, and until the
 * browser has also recomputed style and layout) on the seed and many-threads presets; the median
 * time to go to a random step of a 100,000-step history through the scrubber, and its ratio to one
 * Step; the longest main-thread block while playing (right after load, while the page still
 * records and builds in the background, and once it has settled) and while running to the end
 * (from the gaps between animation frames, long-task entries and the page's own slice timer); and
 * dist/'s gzip size. Run: ./mvnw -q -B install -DskipTests && ./mvnw -q -B -pl web-ui exec:java@bench
 */
public final class PageBench {
    private static final int STEPS = 150;
    private static final int SEEKS = 60;
    private static final long HISTORY = 100_000;

    private PageBench() {
    }

    public static void main(String[] args) throws Exception {
        try (Browser b = new Browser(1280, 800)) {
            double[] seed = steps(b, "seed", 60);
            double[] many = steps(b, "many-threads", 20_000);
            double[] seek = seeks(b);
            double playCold = longestBlock(b, true, false);
            double play = longestBlock(b, true, true);
            double toEnd = longestBlock(b, false, false);
            long gz = distGzip();
            System.out.println();
            System.out.println("kthreadlab page benchmark (headless Chromium, file://, 1280x800; "
                + Runtime.getRuntime().availableProcessors() + " CPUs, load average " + loadAverage() + ")");
            row("Step, seed (median ms: DOM updated / + style and layout)", seed[0], seed[1]);
            row("Step, many-threads", many[0], many[1]);
            row("seek to a random step of a " + HISTORY + "-step history", seek[0], seek[1]);
            System.out.println(pad("seek / one Step (many-threads)") + fmt(seek[0] / many[0]) + " x  /  "
                + fmt(seek[1] / many[1]) + " x");
            System.out.println(pad("longest main-thread block during Play, right after load") + fmt(playCold) + " ms");
            System.out.println(pad("longest main-thread block during Play, page settled") + fmt(play) + " ms");
            System.out.println(pad("longest main-thread block during Run to end") + fmt(toEnd) + " ms");
            System.out.println(pad("dist/ total, gzip") + gz + " bytes (" + fmt(gz / 1024.0) + " KiB)");
            List<String> severe = b.severeLogs();
            if (!severe.isEmpty()) {
                System.out.println("SEVERE browser log entries: " + severe);
            }
        }
    }

    /** Opens a preset at a step, waits until everything is recorded and built, then times Step clicks. */
    private static double[] steps(Browser b, String preset, long from) {
        b.open("#preset=" + preset + "&step=" + from);
        settle(b);
        @SuppressWarnings("unchecked")
        List<Number> r = (List<Number>) b.js("const n = arguments[0]; const s = document.getElementById('btn-step');"
            + "for (let i = 0; i < 20; i++) { s.click(); }"
            + "const dom = [], all = [];"
            + "for (let i = 0; i < n; i++) { document.body.offsetHeight;"
            + "  const t0 = performance.now(); s.click(); const t1 = performance.now(); document.body.offsetHeight;"
            + "  const t2 = performance.now(); dom.push(t1 - t0); all.push(t2 - t0); }"
            + "const med = a => { a.sort((x, y) => x - y); return a[a.length >> 1]; };"
            + "return [med(dom), med(all)];", STEPS);
        return new double[] {r.get(0).doubleValue(), r.get(1).doubleValue()};
    }

    /** Goes to random steps below HISTORY through the scrubber's input event. */
    private static double[] seeks(Browser b) {
        b.open("#preset=many-threads&step=0");
        new WebDriverWait(b.driver, Duration.ofSeconds(300)).until(d ->
            Long.parseLong(b.byId("scrubber").getDomAttribute("max")) >= HISTORY);
        settle(b);
        @SuppressWarnings("unchecked")
        List<Number> r = (List<Number>) b.js("const n = arguments[0], max = arguments[1];"
            + "const s = document.getElementById('scrubber'); let x = 12345; const dom = [], all = [];"
            + "for (let i = 0; i < n; i++) { x = (x * 1103515245 + 12345) % 2147483648; const v = x % max;"
            + "  document.body.offsetHeight; const t0 = performance.now(); s.value = String(v);"
            + "  s.dispatchEvent(new Event('input', {bubbles: true})); const t1 = performance.now();"
            + "  document.body.offsetHeight; dom.push(t1 - t0); all.push(performance.now() - t0); }"
            + "const med = a => { a.sort((x, y) => x - y); return a[a.length >> 1]; };"
            + "return [med(dom), med(all)];", SEEKS, HISTORY);
        return new double[] {r.get(0).doubleValue(), r.get(1).doubleValue()};
    }

    /**
     * The longest main-thread block while playing at 1000 steps/s for 6 s (play = true) or while
     * running to the end of many-threads from a fresh load: the largest of the longest gap between
     * animation frames minus one frame, the longest long-task entry, and the page's longest slice.
     */
    private static double longestBlock(Browser b, boolean play, boolean settled) throws InterruptedException {
        b.open("#preset=many-threads&step=0");
        if (settled) {
            settle(b);
        }
        b.js("window.benchGap = 0; window.benchLong = 0; let last = performance.now();"
            + "const f = t => { window.benchGap = Math.max(window.benchGap, t - last); last = t;"
            + "  if (!window.benchStop) requestAnimationFrame(f); }; requestAnimationFrame(f);"
            + "try { new PerformanceObserver(l => l.getEntries().forEach(e => window.benchLong = Math.max(window.benchLong, e.duration)))"
            + "  .observe({type: 'longtask'}); } catch (e) { }"
            + "window.kthreadlabResetLongestSlice();");
        if (play) {
            new Select(b.byId("speed")).selectByValue("1000");
            b.click("btn-play");
            Thread.sleep(6000);
            b.click("btn-pause");
        } else {
            b.click("btn-end");
            new WebDriverWait(b.driver, Duration.ofSeconds(300)).until(d ->
                d.findElement(By.id("btn-step")).getDomAttribute("disabled") != null
                    && "false".equals(d.findElement(By.id("page")).getDomAttribute("data-busy")));
        }
        @SuppressWarnings("unchecked")
        List<Number> r = (List<Number>) b.js("window.benchStop = true;"
            + "return [window.benchGap - 1000 / 60, window.benchLong, window.kthreadlabLongestSlice()];");
        double gap = Math.max(0, r.get(0).doubleValue());
        System.out.println((play ? "Play" + (settled ? " (settled)" : " (right after load)") : "Run to end")
            + ": longest frame gap beyond one frame " + fmt(gap)
            + " ms, longest long task " + fmt(r.get(1).doubleValue()) + " ms, page's longest slice "
            + fmt(r.get(2).doubleValue()) + " ms");
        return Math.max(gap, Math.max(r.get(1).doubleValue(), r.get(2).doubleValue()));
    }

    /** Waits until the history is fully recorded (or at its background limit) and no work runs. */
    private static void settle(Browser b) {
        new WebDriverWait(b.driver, Duration.ofSeconds(300)).until(d -> {
            String status = d.findElement(By.id("status")).getText();
            return "false".equals(d.findElement(By.id("page")).getDomAttribute("data-busy"))
                && (!status.contains("+ ") || Long.parseLong(b.byId("scrubber").getDomAttribute("max")) >= App.BACKGROUND_LIMIT);
        });
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long distGzip() throws IOException {
        Path dist = Path.of(System.getProperty("kthreadlab.dist", "target/dist"));
        long total = 0;
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dist)) {
            s.filter(Files::isRegularFile).forEach(files::add);
        }
        for (Path f : files) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream z = new GZIPOutputStream(out)) {
                z.write(Files.readAllBytes(f));
            }
            total += out.size();
        }
        return total;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static void row(String what, double a, double b) {
        System.out.println(pad(what) + fmt(a) + " ms  /  " + fmt(b) + " ms");
    }

    private static String pad(String s) {
        StringBuilder sb = new StringBuilder(s);
        while (sb.length() < 62) {
            sb.append(' ');
        }
        return sb.toString();
    }

    private static String fmt(double v) {
        return Double.toString(Math.round(v * 10) / 10.0);
    }
}
