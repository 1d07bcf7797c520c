package kthreadlab.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A CPU profile of the page (not a test): the built dist/ in headless Chromium, profiled through
 * the DevTools Profiler while it seeks in a 100,000-step history (`seek`), plays a preset at
 * 1000 steps/s (`play PRESET`) or runs it to the end (`end PRESET`). Prints the functions with the
 * most self time and the most total time. Build with -Dteavm.minifying=false to read the names.
 * `seektimes` profiles nothing: it times PageBench's 80 seeks three times over and prints the
 * median and p90 of the first pass and of the better of the other two (less moved by the load and
 * by first-time work: trace lines formatted, source rows built), then each seek's step, times and
 * the source file shown after it, and each pass's own; -Dother=P makes pass P go to other steps
 * (warm code, targets not seen), -Dbefore=gc collects garbage first and -Dbefore=waitMS waits.
 * `seek` profiles -Dseeks seeks (40), sampled every -Dinterval microseconds (200). `coldseeks`
 * pools PageBench's first 80 seeks over -Dloads fresh loads (4). `parts` times seeks and Steps
 * with each pane hidden in turn. `live PRESET` prints what the heap holds after Run to end, by
 * the function that allocated it. -Dcallers=NAME adds who called NAME; -Dtree=NAME the call tree
 * below it (-Dtreedepth levels, 8). Run it through the bench profile:
 * -Pbench -Dbench.main=kthreadlab.web.PageProfile -Dbench.args="seektimes" (README).
 */
public final class PageProfile {
    private PageProfile() {
    }

    public static void main(String[] args) throws Exception {
        String what = args.length > 0 ? args[0] : "seek";
        String preset = args.length > 1 ? args[1] : "many-threads";
        try (Browser b = new Browser(1280, 800)) {
            if (what.equals("js")) {
                b.open(preset);
                Thread.sleep(3000);
                for (int i = 2; i < args.length; i++) {
                    System.out.println(b.js(args[i]));
                }
                return;
            }
            if (what.equals("seektimes")) {
                b.open("#preset=" + preset + "&step=0");
                new WebDriverWait(b.driver, Duration.ofSeconds(600)).until(d ->
                    Long.parseLong(b.byId("scrubber").getDomAttribute("max")) >= 100_000);
                PageBench.settle(b);
                String before = System.getProperty("before", "");
                if (before.equals("gc")) {
                    b.driver.executeCdpCommand("HeapProfiler.enable", Map.of());
                    b.driver.executeCdpCommand("HeapProfiler.collectGarbage", Map.of());
                } else if (before.startsWith("wait")) {
                    Thread.sleep(Long.parseLong(before.substring(4)));
                }
                System.out.println(b.js("const s = document.getElementById('scrubber'); const t = [[], [], []], v = [], files = [];"
                    + "const other = Number(arguments[0]);"
                    + "for (let p = 0; p < 3; p++) { let x = 12345;"
                    + " for (let i = 0; i < 80; i++) { if (p == other && i == 0) x = 777; x = (Math.imul(x, 1103515245) + 12345) >>> 0; const w = Math.floor(x / 4294967296 * 100000); if (p == 0 || p != other) v[i] = w;"
                    + "  document.body.offsetHeight; const t0 = performance.now(); s.value = String(p == other ? w : v[i]);"
                    + "  s.dispatchEvent(new Event('input', {bubbles: true})); t[p].push(performance.now() - t0);"
                    + "  if (p == 0) { const f = document.querySelector('#source .file.shown'); files[i] = f ? f.getAttribute('data-file') : '-'; } } }"
                    + "const at = (a, q) => { a = a.slice().sort((x, y) => x - y); return a[Math.floor(a.length * q)].toFixed(2); };"
                    + "const best = t[1].map((x, i) => Math.min(x, t[2][i]));"
                    + "return 'first pass: median ' + at(t[0], 0.5) + ' p90 ' + at(t[0], 0.9) + '; best of passes 2-3: median '"
                    + " + at(best, 0.5) + ' p90 ' + at(best, 0.9) + '; pass 2: ' + at(t[1], 0.5) + ' p90 ' + at(t[1], 0.9) + '; pass 3: ' + at(t[2], 0.5) + ' p90 ' + at(t[2], 0.9) + '\\n' + v.map((x, i) => x + ' ' + t[0][i].toFixed(1) + ' ' + best[i].toFixed(1) + ' ' + files[i]).join('\\n');", Integer.getInteger("other", -1)));
                return;
            }
            if (what.equals("coldseeks")) {
                coldSeeks(b);
                return;
            }
            if (what.equals("live")) {
                live(b, preset);
                return;
            }
            if (what.equals("parts")) {
                parts(b, preset);
                return;
            }
            if (what.equals("seek")) {
                b.open("#preset=" + preset + "&step=0");
                new WebDriverWait(b.driver, Duration.ofSeconds(600)).until(d ->
                    Long.parseLong(b.byId("scrubber").getDomAttribute("max")) >= 100_000);
                Thread.sleep(1000);
            } else {
                b.open("#v=1&preset=" + preset + "&step=0");
                b.js("window.benchLong = []; new PerformanceObserver(l => l.getEntries().forEach(e =>"
                    + " window.benchLong.push(Math.round(e.duration)))).observe({type: 'longtask'}); window.kthreadlabResetLongestSlice();");
            }
            b.driver.executeCdpCommand("Profiler.enable", Map.of());
            b.driver.executeCdpCommand("Profiler.setSamplingInterval", Map.of("interval", Integer.getInteger("interval", 200)));
            b.driver.executeCdpCommand("Profiler.start", Map.of());
            if (what.equals("seek")) {
                b.js("const s = document.getElementById('scrubber'); let x = 12345;"
                    + "for (let i = 0; i < arguments[0]; i++) { x = (Math.imul(x, 1103515245) + 12345) >>> 0;"
                    + "  s.value = String(Math.floor(x / 4294967296 * 100000)); s.dispatchEvent(new Event('input', {bubbles: true}));"
                    + "  document.body.offsetHeight; }", Integer.getInteger("seeks", 40));
            } else {
                PageBench.playOrRunToEnd(b, what.equals("play"));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> profile = (Map<String, Object>) b.driver.executeCdpCommand("Profiler.stop", Map.of())
                .get("profile");
            if (!what.equals("seek")) {
                System.out.println("long tasks (ms): " + b.js("return window.benchLong;")
                    + "; the page's longest slice: " + b.js("return window.kthreadlabLongestSlice();") + " ms");
            }
            print(profile);
        }
    }

    /**
     * What the heap holds after Run to end, by the function that allocated it: a sampling heap
     * profile that leaves out what garbage collection freed (what recording keeps, which every
     * scavenge copies until it is promoted).
     */
    @SuppressWarnings("unchecked")
    private static void live(Browser b, String preset) {
        b.open("#v=1&preset=" + preset + "&step=0");
        b.driver.executeCdpCommand("HeapProfiler.enable", Map.of());
        b.driver.executeCdpCommand("HeapProfiler.startSampling", Map.of("samplingInterval", 4096));
        try {
            PageBench.playOrRunToEnd(b, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        b.driver.executeCdpCommand("HeapProfiler.collectGarbage", Map.of());
        Map<String, Object> p = (Map<String, Object>) b.driver.executeCdpCommand("HeapProfiler.stopSampling", Map.of())
            .get("profile");
        Map<String, Double> self = new HashMap<>();
        List<Map<String, Object>> todo = new ArrayList<>();
        todo.add((Map<String, Object>) p.get("head"));
        while (!todo.isEmpty()) {
            Map<String, Object> n = todo.remove(todo.size() - 1);
            self.merge(name(n), ((Number) n.get("selfSize")).doubleValue() / 1e6, Double::sum);
            todo.addAll((List<Map<String, Object>>) n.getOrDefault("children", List.of()));
        }
        System.out.printf("sampled live heap after Run to end: %.1f MB%n",
            self.values().stream().mapToDouble(Double::doubleValue).sum());
        top("live MB by allocating function", self, 1, " MB", 45);
    }

    /**
     * PageBench's first SEEKS seeks after a fresh load, on -Dloads fresh loads (4): the pooled
     * median and p90, DOM / + style and layout, and each load's.
     */
    @SuppressWarnings("unchecked")
    private static void coldSeeks(Browser b) {
        List<Double> dom = new ArrayList<>();
        List<Double> all = new ArrayList<>();
        for (int i = 0; i < Integer.getInteger("loads", 4); i++) {
            PageBench.openHistory(b);
            // PageBench's first seed
            List<List<Number>> r = (List<List<Number>>) b.js("const n = arguments[0], max = arguments[1];"
                + "const s = document.getElementById('scrubber'); const dom = [], all = []; let x = 12345;"
                + "for (let i = 0; i < n; i++) { " + PageBench.SEEK_NEXT + " }"
                + "return [dom, all];", PageBench.SEEKS, PageBench.HISTORY);
            List<Double> d = new ArrayList<>();
            List<Double> a = new ArrayList<>();
            r.get(0).forEach(x -> d.add(x.doubleValue()));
            r.get(1).forEach(x -> a.add(x.doubleValue()));
            System.out.println("load " + (i + 1) + ": median " + at(d, 0.5) + " / " + at(a, 0.5) + " ms, p90 " + at(d, 0.9) + " / " + at(a, 0.9) + " ms");
            dom.addAll(d);
            all.addAll(a);
        }
        System.out.println("pooled (" + dom.size() + " seeks): median " + at(dom, 0.5) + " / " + at(all, 0.5) + " ms, p90 "
            + at(dom, 0.9) + " / " + at(all, 0.9) + " ms");
    }

    private static String at(List<Double> v, double q) {
        return String.valueOf(Math.round(PageBench.quantile(v, q) * 100) / 100.0);
    }

    /** Seek and Step medians (DOM / + layout) with each pane hidden in turn. */
    private static void parts(Browser b, String preset) throws InterruptedException {
        b.open("#preset=" + preset + "&step=0");
        new WebDriverWait(b.driver, Duration.ofSeconds(600)).until(d ->
            Long.parseLong(b.byId("scrubber").getDomAttribute("max")) >= 100_000);
        Thread.sleep(1000);
        for (String hide : new String[] {"", "tasks-pane", "objects-pane", "cpus-pane", "source-pane", "log-pane",
            "timeline-pane", "tasks-pane,objects-pane,source-pane,log-pane,timeline-pane,cpus-pane",
            // again at the end, warm: the first rows also time the page's code run for the first times
            "", "tasks-pane", ""}) {
            b.js("for (const id of ['tasks-pane','objects-pane','cpus-pane','source-pane','log-pane','timeline-pane'])"
                + " document.getElementById(id).style.display = arguments[0].split(',').includes(id) ? 'none' : '';", hide);
            Object r = b.js("const s = document.getElementById('scrubber'); let x = 12345; const dom = [], all = [];"
                + "const st = document.getElementById('btn-step'); const sd = [], sa = [];"
                + "for (let i = 0; i < arguments[0]; i++) { x = (Math.imul(x, 1103515245) + 12345) >>> 0;"
                + "  document.body.offsetHeight; let t0 = performance.now();"
                + "  s.value = String(Math.floor(x / 4294967296 * 100000)); s.dispatchEvent(new Event('input', {bubbles: true}));"
                + "  let t1 = performance.now(); document.body.offsetHeight; dom.push(t1 - t0); all.push(performance.now() - t0);"
                + "  t0 = performance.now(); st.click(); t1 = performance.now(); document.body.offsetHeight;"
                + "  sd.push(t1 - t0); sa.push(performance.now() - t0); }"
                + "const med = a => { a.sort((x, y) => x - y); return Math.round(a[a.length >> 1] * 10) / 10; };"
                + "const p90 = a => Math.round(a[Math.floor(a.length * 0.9)] * 10) / 10;"
                + "return 'seek ' + med(dom) + ' / ' + med(all) + ' p90 ' + p90(dom) + ' / ' + p90(all) + '   step ' + med(sd) + ' / ' + med(sa);", Integer.getInteger("seeks", 80));
            System.out.println((hide.isEmpty() ? "all shown" : "hidden " + hide) + ": " + r);
        }
    }

    @SuppressWarnings("unchecked")
    static void print(Map<String, Object> profile) {
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) profile.get("nodes");
        Map<Long, Map<String, Object>> byId = new HashMap<>();
        Map<Long, Long> parent = new HashMap<>();
        for (Map<String, Object> n : nodes) {
            long id = ((Number) n.get("id")).longValue();
            byId.put(id, n);
            List<Object> children = (List<Object>) n.getOrDefault("children", List.of());
            for (Object c : children) {
                parent.put(((Number) c).longValue(), id);
            }
        }
        List<Object> samples = (List<Object>) profile.get("samples");
        List<Object> deltas = (List<Object>) profile.get("timeDeltas");
        Map<String, Double> self = new HashMap<>();
        double all = 0;
        for (int i = 0; i < samples.size(); i++) {
            double dt = i + 1 < deltas.size() ? ((Number) deltas.get(i + 1)).doubleValue() / 1000 : 0;
            all += dt;
            self.merge(name(byId.get(((Number) samples.get(i)).longValue())), dt, Double::sum);
        }
        Map<String, Double> total = totals(samples, deltas, byId, parent, 0, samples.size());
        System.out.printf("profiled %.0f ms%n", all);
        longest(samples, deltas, byId, parent);
        slices(samples, deltas, byId, parent);
        String of = System.getProperty("callers");
        if (of != null) {
            Map<String, Double> callers = new HashMap<>();
            for (int i = 0; i < samples.size(); i++) {
                long id = ((Number) samples.get(i)).longValue();
                double dt = i + 1 < deltas.size() ? ((Number) deltas.get(i + 1)).doubleValue() / 1000 : 0;
                for (Long at = id; at != null; at = parent.get(at)) {
                    if (name(byId.get(at)).startsWith(of)) {
                        Long up = parent.get(at);
                        StringBuilder chain = new StringBuilder();
                        for (int k = 0; k < 3 && up != null; k++, up = parent.get(up)) {
                            chain.append(" < ").append(name(byId.get(up)));
                        }
                        callers.merge(chain.toString(), dt, Double::sum);
                        break;
                    }
                }
            }
            top("callers of " + of, callers);
        }
        String under = System.getProperty("tree");
        if (under != null) {
            tree(samples, deltas, byId, parent, under);
        }
        top("self", self);
        top("total", total);
    }

    /**
     * The call tree below the outermost calls of a function (named by its start): each path's
     * total time, callees by time, those over 1% of the root, down to -Dtreedepth levels (8).
     */
    private static void tree(List<Object> samples, List<Object> deltas, Map<Long, Map<String, Object>> byId,
            Map<Long, Long> parent, String under) {
        Map<String, Double> paths = new HashMap<>();
        for (int i = 0; i < samples.size(); i++) {
            double dt = i + 1 < deltas.size() ? ((Number) deltas.get(i + 1)).doubleValue() / 1000 : 0;
            List<String> chain = new ArrayList<>();
            for (Long at = ((Number) samples.get(i)).longValue(); at != null; at = parent.get(at)) {
                chain.add(0, name(byId.get(at)));
            }
            int root = -1;
            for (int k = 0; k < chain.size() && root < 0; k++) {
                root = chain.get(k).startsWith(under) ? k : -1;
            }
            if (root < 0) {
                continue;
            }
            StringBuilder path = new StringBuilder();
            for (int k = root; k < chain.size(); k++) {
                path.append(k == root ? "" : "\n").append(chain.get(k));
                paths.merge(path.toString(), dt, Double::sum);
            }
        }
        double all = paths.entrySet().stream().filter(e -> !e.getKey().contains("\n"))
            .mapToDouble(Map.Entry::getValue).sum();
        System.out.printf("-- tree under %s: %.1f ms%n", under, all);
        printTree(paths, "", all, 0);
    }

    private static void printTree(Map<String, Double> paths, String prefix, double all, int depth) {
        if (depth >= Integer.getInteger("treedepth", 8)) {
            return;
        }
        paths.entrySet().stream()
            .filter(e -> e.getKey().startsWith(prefix) && e.getKey().indexOf('\n', prefix.length()) < 0
                && e.getKey().length() > prefix.length() && e.getValue() >= all / 100)
            .sorted((a, c) -> Double.compare(c.getValue(), a.getValue()))
            .forEach(e -> {
                String nm = e.getKey().substring(prefix.length());
                System.out.printf("%9.1f ms  %s%s%n", e.getValue(), "  ".repeat(depth), nm);
                printTree(paths, e.getKey() + "\n", all, depth + 1);
            });
    }

    /** The longest stretch of samples with no idle one between: its length and what ran in it. */
    private static void longest(List<Object> samples, List<Object> deltas, Map<Long, Map<String, Object>> byId,
            Map<Long, Long> parent) {
        int bestFrom = 0;
        int bestTo = 0;
        double best = 0;
        int from = 0;
        double run = 0;
        for (int i = 0; i < samples.size(); i++) {
            double dt = i + 1 < deltas.size() ? ((Number) deltas.get(i + 1)).doubleValue() / 1000 : 0;
            String nm = name(byId.get(((Number) samples.get(i)).longValue()));
            if (nm.startsWith("(idle)") || nm.startsWith("(program)")) {
                from = i + 1;
                run = 0;
                continue;
            }
            run += dt;
            if (run > best) {
                best = run;
                bestFrom = from;
                bestTo = i + 1;
            }
        }
        System.out.printf("longest busy stretch: %.1f ms%n", best);
        top("in it, total", totals(samples, deltas, byId, parent, bestFrom, bestTo));
    }

    /**
     * The longest tasks the page's own code ran (a timer or an animation frame callback, with
     * the garbage collection inside it): the 5 longest, each with what ran in it.
     */
    private static void slices(List<Object> samples, List<Object> deltas, Map<Long, Map<String, Object>> byId,
            Map<Long, Long> parent) {
        List<double[]> found = new ArrayList<>();
        int from = -1;
        double run = 0;
        String root = null;
        for (int i = 0; i <= samples.size(); i++) {
            String r = null;
            if (i < samples.size()) {
                for (Long at = ((Number) samples.get(i)).longValue(); at != null; at = parent.get(at)) {
                    String nm = name(byId.get(at));
                    if (nm.contains("onTimer") || nm.contains("onAnimationFrame")) {
                        r = nm;
                    }
                }
                String self = name(byId.get(((Number) samples.get(i)).longValue()));
                if (r == null && self.startsWith("(garbage collector)") && from >= 0) {
                    r = root;
                }
            }
            if (from >= 0 && (r == null || !r.equals(root))) {
                found.add(new double[] {run, from, i});
                from = -1;
            }
            if (r != null && from < 0) {
                from = i;
                run = 0;
                root = r;
            }
            if (r != null) {
                run += i + 1 < deltas.size() ? ((Number) deltas.get(i + 1)).doubleValue() / 1000 : 0;
            }
        }
        found.sort((a, c) -> Double.compare(c[0], a[0]));
        for (int k = 0; k < Math.min(Integer.getInteger("slices", 5), found.size()); k++) {
            double[] f = found.get(k);
            double gap = 0;
            for (int i = (int) f[1]; i < (int) f[2]; i++) {
                gap = Math.max(gap, i + 1 < deltas.size() ? ((Number) deltas.get(i + 1)).doubleValue() / 1000 : 0);
            }
            System.out.printf("page task %d: %.1f ms (%d samples, the longest gap between two %.1f ms)%n", k + 1, f[0],
                (int) (f[2] - f[1]), gap);
            Map<String, Double> t = totals(samples, deltas, byId, parent, (int) f[1], (int) f[2]);
            t.entrySet().stream().sorted((a, c) -> Double.compare(c.getValue(), a.getValue()))
                .filter(e -> e.getValue() >= f[0] / 20).limit(Integer.getInteger("top", 45))
                .forEach(e -> System.out.printf("%9.1f ms  %s%n", e.getValue(), e.getKey()));
        }
    }

    /** Time in each function and its callees (total time) over samples [from, to). */
    private static Map<String, Double> totals(List<Object> samples, List<Object> deltas,
            Map<Long, Map<String, Object>> byId, Map<Long, Long> parent, int from, int to) {
        Map<String, Double> total = new HashMap<>();
        for (int i = from; i < to; i++) {
            double dt = i + 1 < deltas.size() ? ((Number) deltas.get(i + 1)).doubleValue() / 1000 : 0;
            List<String> seen = new ArrayList<>();
            for (Long at = ((Number) samples.get(i)).longValue(); at != null; at = parent.get(at)) {
                String nm = name(byId.get(at));
                if (!seen.contains(nm)) {
                    seen.add(nm);
                    total.merge(nm, dt, Double::sum);
                }
            }
        }
        return total;
    }

    private static String name(Map<String, Object> n) {
        @SuppressWarnings("unchecked")
        Map<String, Object> f = (Map<String, Object>) n.get("callFrame");
        String fn = (String) f.get("functionName");
        return (fn.isEmpty() ? "(anonymous)" : fn) + " :" + f.get("lineNumber");
    }

    private static void top(String what, Map<String, Double> m) {
        top(what, m, 1, " ms", 45);
    }

    /**
     * Prints "-- heading", then m's largest values, each divided by `per` and followed by `unit`,
     * with their keys: -Dtop of them (`count` unless it is set).
     */
    static void top(String heading, Map<String, Double> m, double per, String unit, int count) {
        System.out.println("-- " + heading);
        m.entrySet().stream().sorted((a, c) -> Double.compare(c.getValue(), a.getValue())).limit(Integer.getInteger("top", count))
            .forEach(e -> System.out.printf("%9.1f" + unit + "  %s%n", e.getValue() / per, e.getKey()));
    }
}
