package kthreadlab.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import kthreadlab.cli.Bench;
import kthreadlab.history.History;
import kthreadlab.scenario.Presets;
import kthreadlab.scenario.View;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page benchmark (not a test): the built dist/ opened from file:// in headless Chromium.
 * Prints the median time of one Step (click until the handler has updated the DOM, and until the
 * browser has also recomputed style and layout) on the seed and many-threads presets; the median
 * and 90th percentile of going to a random step of a 100,000-step history through the scrubber,
 * and their ratios to Steps timed alike, median to median and p90 to p90 (the first SEEKS seeks
 * after a fresh load to the first SEEKS Steps after one; SEEKS seeks after those to Steps after 20
 * clicks) and, strictest, the first seeks' p90 to the warm Step's median; the longest main-thread
 * block (a `longtask` PerformanceObserver; also the longest gap between animation frames and the
 * page's own longest slice) while playing and while running to the end, on the default preset
 * and on the largest one, the maximum over RUNS runs; the JavaScript heap after Run to end of
 * many-threads and of the stress scenario (64 CPUs, 10,000 kthreads: the command line's bench);
 * and the first load's gzip size.
 * Run (see README "The page"): build with the reactor, then run this class on the test class path.
 * Arguments name the parts to measure, comma-separated (default all): step, seek (with
 * many-threads' Step), play (Play and Run to end), heap, weight.
 */
public final class PageBench {
    private static final int STEPS = 150;
    static final int SEEKS = 80;
    static final long HISTORY = 100_000;
    private static final int RUNS = 3;

    private PageBench() {
    }

    public static void main(String[] args) throws Exception {
        List<String> parts = new ArrayList<>();
        for (String a : args) {
            parts.addAll(List.of(a.split("[, ]+")));
        }
        if (parts.isEmpty() || parts.contains("all")) {
            parts = List.of("step", "seek", "play", "heap", "weight");
        }
        String largest = parts.contains("play") ? largestPreset() : null;
        try (Browser b = new Browser(1280, 800)) {
            double[] seed = parts.contains("step") ? steps(b, "seed", 60) : null;
            double[] many = parts.contains("step") || parts.contains("seek") ? steps(b, "many-threads", 20_000) : null;
            double[] seek = parts.contains("seek") ? seeks(b) : null;
            double[] manyCold = parts.contains("seek") ? coldSteps(b) : null;
            String[] names = {Presets.DEFAULT, largest};
            double[][] blocks = new double[4][];
            if (parts.contains("play")) {
                for (int p = 0; p < 2; p++) {
                    blocks[2 * p] = worst(b, names[p], true);
                    blocks[2 * p + 1] = worst(b, names[p], false);
                }
            }
            double heapMany = 0;
            double heapStress = 0;
            String stressRows = "";
            if (parts.contains("heap")) {
                heapMany = heapAfterRunToEnd(b, "#v=1&preset=many-threads");
                heapStress = heapAfterRunToEnd(b, ShareLinks.link(Bench.scenario(), View.DEFAULT));
                stressRows = heapStress < 0 ? "" : rowsInView(b);
            }
            System.out.println();
            System.out.println("kthreadlab page benchmark (headless Chromium, file://, 1280x800; "
                + Runtime.getRuntime().availableProcessors() + " CPUs, load average " + loadAverage() + ")");
            if (seed != null) {
                row("Step, seed (median ms: DOM updated / + style and layout)", seed[0], seed[1]);
            }
            if (many != null) {
                row("Step, many-threads", many[0], many[1]);
                row("Step, many-threads, 90th percentile", many[2], many[3]);
            }
            if (seek != null) {
                printSeeks(seek, many, manyCold);
            }
            if (parts.contains("play")) {
                for (int p = 0; p < 2; p++) {
                    block("Play, " + names[p], blocks[2 * p]);
                    block("Run to end, " + names[p], blocks[2 * p + 1]);
                }
            }
            if (parts.contains("heap")) {
                System.out.println(pad("JS heap after Run to end, many-threads") + fmt(heapMany / 1e6) + " MB");
                System.out.println(pad("JS heap after Run to end, stress (64 CPUs, 10,000 kthreads)")
                    + (heapStress < 0 ? "did not finish" : fmt(heapStress / 1e6) + " MB"));
                System.out.println(pad("task rows in the DOM, stress at its end, table in view") + stressRows);
            }
            if (parts.contains("weight")) {
                long[] gz = distGzip();
                System.out.println(pad("first load, gzip") + gz[0] + " bytes (" + fmt(gz[0] / 1024.0) + " KiB); on demand "
                    + gz[1] + " bytes");
            }
            List<String> severe = b.severeLogs();
            if (!severe.isEmpty()) {
                System.out.println("SEVERE browser log entries: " + severe);
            }
        }
    }

    /**
     * Seek against Step timed alike, median to median and p90 to p90: the first SEEKS seeks after a
     * fresh load against the first SEEKS Steps after one (the drawing code as cold in both), the
     * SEEKS seeks after those against Steps after 20 clicks (warm in both); and the strictest
     * reading, the first seeks' p90 against the warm Step's median.
     */
    private static void printSeeks(double[] seek, double[] many, double[] cold) {
        row("Step, many-threads, first " + SEEKS + " after load, median", cold[0], cold[1]);
        row("Step, many-threads, first " + SEEKS + " after load, p90", cold[2], cold[3]);
        row("seek in a " + HISTORY + "-step history, first " + SEEKS + " after load, median", seek[0], seek[1]);
        row("seek, first " + SEEKS + " after load, 90th percentile", seek[2], seek[3]);
        row("seek after " + SEEKS + " seeks (warm), median", seek[4], seek[5]);
        row("seek after " + SEEKS + " seeks, 90th percentile", seek[6], seek[7]);
        ratio("first seeks / first Steps after load, median", seek[0] / cold[0], seek[1] / cold[1]);
        ratio("first seeks / first Steps after load, p90", seek[2] / cold[2], seek[3] / cold[3]);
        ratio("warm seek / warm Step, median", seek[4] / many[0], seek[5] / many[1]);
        ratio("warm seek / warm Step, p90", seek[6] / many[2], seek[7] / many[3]);
        ratio("strictest: first seeks' p90 / warm Step median", seek[2] / many[0], seek[3] / many[1]);
        ratio("first seeks' median / warm Step median", seek[0] / many[0], seek[1] / many[1]);
    }

    private static void ratio(String what, double dom, double all) {
        System.out.println(pad(what) + fmt(dom) + " x  /  " + fmt(all) + " x");
    }

    /**
     * The first SEEKS Steps after opening many-threads at step 20,000 and waiting as seeks() does
     * (the page's drawing code as cold as for the first seeks): median and p90, DOM / + layout.
     */
    private static double[] coldSteps(Browser b) {
        return steps(b, "many-threads", 20_000, 0, SEEKS);
    }

    /** The preset with the most steps (recorded on the JVM). */
    private static String largestPreset() {
        String best = Presets.DEFAULT;
        long most = -1;
        for (Presets.Preset p : Presets.all()) {
            History h = new History(p.scenario);
            h.recordAll();
            if (h.recorded() > most) {
                most = h.recorded();
                best = p.name;
            }
        }
        System.out.println("largest preset: " + best + " (" + most + " steps)");
        return best;
    }

    /**
     * Opens a preset at a step, waits until everything is recorded and built, then times Step clicks
     * after 20: median and p90, DOM / + layout.
     */
    private static double[] steps(Browser b, String preset, long from) {
        return steps(b, preset, from, 20, STEPS);
    }

    /** Opens a preset at a step, waits as steps() does, clicks Step `warmup` times, then times n Steps. */
    private static double[] steps(Browser b, String preset, long from, int warmup, int n) {
        b.open("#preset=" + preset + "&step=" + from);
        settle(b);
        @SuppressWarnings("unchecked")
        List<Number> r = (List<Number>) b.js("const n = arguments[0], w = arguments[1]; const s = document.getElementById('btn-step');"
            + "for (let i = 0; i < w; i++) { s.click(); }"
            + "const dom = [], all = [];"
            + "for (let i = 0; i < n; i++) { document.body.offsetHeight;"
            + "  const t0 = performance.now(); s.click(); const t1 = performance.now(); document.body.offsetHeight;"
            + "  const t2 = performance.now(); dom.push(t1 - t0); all.push(t2 - t0); }"
            + "const at = (a, q) => { a.sort((x, y) => x - y); return a[Math.min(a.length - 1, Math.floor(a.length * q))]; };"
            + "return [at(dom, 0.5), at(all, 0.5), at(dom, 0.9), at(all, 0.9)];", n, warmup);
        double[] d = new double[r.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = r.get(i).doubleValue();
        }
        return d;
    }

    /**
     * Goes to random steps below HISTORY through the scrubber's input event: median and p90, DOM /
     * + layout, of the first SEEKS seeks after the page loaded (the page's code not yet compiled
     * by the browser's optimizing JIT), then of SEEKS more to other steps (warm: Step is timed
     * after 20 clicks).
     */
    private static double[] seeks(Browser b) {
        openHistory(b);
        @SuppressWarnings("unchecked")
        List<Number> r = (List<Number>) b.js(SEEK_LOOP, SEEKS, HISTORY);
        double[] d = new double[r.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = r.get(i).doubleValue();
        }
        return d;
    }

    /**
     * The q-quantile of some times as the page's loops take it (sorted up, the value at floor(n q)),
     * for the tools that gather times in Java (PageProfile, SeekLayout, SeekTrace).
     */
    static double quantile(List<Double> times, double q) {
        List<Double> s = new ArrayList<>(times);
        Collections.sort(s);
        return s.get(Math.min(s.size() - 1, (int) Math.floor(s.size() * q)));
    }

    /** Opens many-threads, waits until HISTORY steps are recorded and no work runs. */
    static void openHistory(Browser b) {
        b.open("#preset=many-threads&step=0");
        new WebDriverWait(b.driver, Duration.ofSeconds(600)).until(d ->
            Long.parseLong(b.byId("scrubber").getDomAttribute("max")) >= HISTORY);
        settle(b);
    }

    /**
     * One seek, the body of a loop that has s (the scrubber), x (the random state), max (the history)
     * and dom, all (the times): to the next random step below max through the scrubber's input event,
     * the DOM time pushed to dom and the time with a forced style and layout to all.
     */
    static final String SEEK_NEXT = "x = (Math.imul(x, 1103515245) + 12345) >>> 0; const v = Math.floor(x / 4294967296 * max);"
        + "  document.body.offsetHeight; const t0 = performance.now(); s.value = String(v);"
        + "  s.dispatchEvent(new Event('input', {bubbles: true})); const t1 = performance.now();"
        + "  document.body.offsetHeight; dom.push(t1 - t0); all.push(performance.now() - t0);";

    /**
     * Seeks (arguments: count, history) to random steps from two seeds, each through the scrubber's
     * input event and a forced layout: {median DOM, median + layout, p90 DOM, p90 + layout} per seed.
     */
    static final String SEEK_LOOP = "const n = arguments[0], max = arguments[1];"
        + "const s = document.getElementById('scrubber'); const out = [];"
        + "const at = (a, q) => { a.sort((x, y) => x - y); return a[Math.min(a.length - 1, Math.floor(a.length * q))]; };"
        + "for (let x of [12345, 54321]) { const dom = [], all = [];"
        + " for (let i = 0; i < n; i++) { " + SEEK_NEXT + " }"
        + " out.push(at(dom, 0.5), at(all, 0.5), at(dom, 0.9), at(all, 0.9)); }"
        + "return out;";

    /** The worst of RUNS runs: {longest long task, longest frame gap beyond a frame, longest slice}. */
    private static double[] worst(Browser b, String preset, boolean play) throws InterruptedException {
        double[] w = new double[3];
        for (int i = 0; i < RUNS; i++) {
            double[] r = longestBlock(b, preset, play);
            for (int k = 0; k < 3; k++) {
                w[k] = Math.max(w[k], r[k]);
            }
        }
        return w;
    }

    /**
     * While playing at 1000 steps/s for 6 s (play) or running to the end from a fresh load: the
     * longest long-task entry, the longest gap between animation frames minus one frame, and the
     * page's longest slice of sliced work.
     */
    private static double[] longestBlock(Browser b, String preset, boolean play) throws InterruptedException {
        b.open("#v=1&preset=" + preset + "&step=0");
        b.js("window.benchGap = 0; window.benchLong = 0; let last = performance.now();"
            + "const f = t => { window.benchGap = Math.max(window.benchGap, t - last); last = t;"
            + "  if (!window.benchStop) requestAnimationFrame(f); }; requestAnimationFrame(f);"
            + "new PerformanceObserver(l => l.getEntries().forEach(e => window.benchLong = Math.max(window.benchLong, e.duration)))"
            + "  .observe({type: 'longtask'});"
            + "window.kthreadlabResetLongestSlice();");
        playOrRunToEnd(b, play);
        Thread.sleep(300);
        @SuppressWarnings("unchecked")
        List<Number> r = (List<Number>) b.js("window.benchStop = true;"
            + "return [window.benchLong, window.benchGap - 1000 / 60, window.kthreadlabLongestSlice()];");
        return new double[] {r.get(0).doubleValue(), Math.max(0, r.get(1).doubleValue()), r.get(2).doubleValue()};
    }

    /** Plays at 1000 steps/s for 6 s, or clicks Run to end and waits until the end is shown. */
    static void playOrRunToEnd(Browser b, boolean play) throws InterruptedException {
        if (play) {
            new Select(b.byId("speed")).selectByValue("1000");
            b.click("btn-play");
            Thread.sleep(6000);
            b.click("btn-pause");
        } else {
            b.click("btn-end");
            new WebDriverWait(b.driver, Duration.ofSeconds(600)).until(d ->
                d.findElement(By.id("btn-step")).getDomAttribute("disabled") != null
                    && "false".equals(d.findElement(By.id("page")).getDomAttribute("data-busy")));
        }
    }

    /** Scrolls the task table into view, waits for the page to fill it, and counts the rows in the DOM. */
    private static String rowsInView(Browser b) {
        b.js("document.querySelector('#task-table .tbody').scrollIntoView();");
        for (int i = 0; i < 3; i++) {
            b.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "requestAnimationFrame(() => requestAnimationFrame(() => done(true)));");
        }
        return b.js("return document.querySelectorAll('#task-table .tbody .tr').length;").toString();
    }

    /** Runs a link's scenario to its end, then collects garbage and reads the JS heap (bytes; -1 if it did not end). */
    private static double heapAfterRunToEnd(Browser b, String link) {
        b.open(link);
        b.click("btn-end");
        try {
            new WebDriverWait(b.driver, Duration.ofSeconds(900)).until(d ->
                d.findElement(By.id("btn-step")).getDomAttribute("disabled") != null
                    && "false".equals(d.findElement(By.id("page")).getDomAttribute("data-busy")));
        } catch (RuntimeException e) {
            System.out.println("Run to end of " + link.substring(0, Math.min(60, link.length())) + "… did not finish: "
                + b.byId("message").getText());
            return -1;
        }
        b.driver.executeCdpCommand("HeapProfiler.collectGarbage", Map.of());
        Map<String, Object> use = b.driver.executeCdpCommand("Runtime.getHeapUsage", Map.of());
        return ((Number) use.get("usedSize")).doubleValue();
    }

    /** Waits until the history is fully recorded (or at its background limit) and no work runs. */
    static void settle(Browser b) {
        new WebDriverWait(b.driver, Duration.ofSeconds(600)).until(d -> {
            String status = d.findElement(By.id("status")).getText();
            return "false".equals(d.findElement(By.id("page")).getDomAttribute("data-busy"))
                && (!status.contains("+ ") || Long.parseLong(b.byId("scrubber").getDomAttribute("max")) >= Navigator.BACKGROUND_LIMIT);
        });
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {first load, on demand}, gzip bytes: index.html and what it names, then the rest of dist/. */
    private static long[] distGzip() throws IOException {
        Path dist = Path.of(System.getProperty("kthreadlab.dist", "target/dist"));
        String index = Files.readString(dist.resolve("index.html"));
        long[] total = new long[2];
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dist)) {
            s.filter(Files::isRegularFile).forEach(files::add);
        }
        for (Path f : files) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream z = new GZIPOutputStream(out)) {
                z.write(Files.readAllBytes(f));
            }
            String name = dist.relativize(f).toString().replace('\\', '/');
            boolean first = name.equals("index.html") || index.contains("\"" + name + "\"");
            total[first ? 0 : 1] += out.size();
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

    private static void block(String what, double[] w) {
        System.out.println(pad("longest main-thread block, " + what) + fmt(w[0]) + " ms (long task; frame gap "
            + fmt(w[1]) + " ms, page's slice " + fmt(w[2]) + " ms; worst of " + RUNS + ")");
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
