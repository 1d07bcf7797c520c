package kthreadlab.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Where PageBench's 80 cold seeks spend their time, seek by seek (not a test). `trace`: the seeks
 * under a Chrome trace, each between two console.timeStamp marks; prints each seek's step, wall
 * time, the main thread's CPU time in it (the rest is waiting for a core: compare builds by it
 * when the machine is busy), its garbage collection (scavenges, mark-compact steps) and its other
 * costly events, then the median and p90 of that CPU time. `alloc`: the bytes the seeks allocate
 * and then the bytes as many Step clicks allocate (a sampling heap profile that keeps what garbage
 * collection freed), by allocating function and by function with its callees. `churn`: a CPU
 * profile (PageProfile's print) of seeks back and forth across the run's first forks (steps
 * 80,000, 785, 80,000, 5,338: the task table, the kernel objects, the run queues and the Follow
 * menu lose and regain dozens of rows each time), after the 80 seeks. `retained`: the JS heap after
 * a full garbage collection before and after the 80 seeks, three times (what seeks keep).
 * -Dcallers=NAME adds to `alloc` who called the allocating function NAME; -Dgcargs=true adds to
 * `trace` each scavenge and mark-compact with V8's reason and heap sizes.
 * Run it like PageProfile (-Pbench -Dbench.main=kthreadlab.web.SeekTrace -Dbench.args=trace, or
 * with the test classpath and -Dkthreadlab.dist=web-ui/target/dist; build with
 * -Dteavm.minifying=false to read the names). -Dseeks=N (80), -Dtop=N (30).
 */
public final class SeekTrace {
    private static final String CATEGORIES = "toplevel,devtools.timeline,v8,v8.execute,blink,disabled-by-default-v8.gc,"
        + "disabled-by-default-devtools.timeline";
    private static final int SEEKS = Integer.getInteger("seeks", 80);

    private SeekTrace() {
    }

    public static void main(String[] args) throws Exception {
        String what = args.length > 0 ? args[0] : "trace";
        try (Browser b = new Browser(1280, 800)) {
            b.open("#preset=many-threads&step=0");
            new WebDriverWait(b.driver, Duration.ofSeconds(600)).until(d ->
                Long.parseLong(b.byId("scrubber").getDomAttribute("max")) >= 100_000);
            PageBench.settle(b);
            if (what.equals("churn")) {
                seek(b);
                b.driver.executeCdpCommand("Profiler.enable", Map.of());
                b.driver.executeCdpCommand("Profiler.setSamplingInterval", Map.of("interval", 100));
                b.driver.executeCdpCommand("Profiler.start", Map.of());
                b.js("const s = document.getElementById('scrubber');"
                    + "for (let i = 0; i < 60; i++) { for (const v of ['80000', '785', '80000', '5338']) {"
                    + "  s.value = v; s.dispatchEvent(new Event('input', {bubbles: true})); } }");
                @SuppressWarnings("unchecked")
                Map<String, Object> profile = (Map<String, Object>) b.driver.executeCdpCommand("Profiler.stop", Map.of()).get("profile");
                PageProfile.print(profile);
            } else if (what.equals("retained")) {
                for (int pass = 0; pass < 3; pass++) {
                    b.driver.executeCdpCommand("HeapProfiler.collectGarbage", Map.of());
                    double before = num(b.driver.executeCdpCommand("Runtime.getHeapUsage", Map.of()).get("usedSize"));
                    seek(b);
                    b.driver.executeCdpCommand("HeapProfiler.collectGarbage", Map.of());
                    double after = num(b.driver.executeCdpCommand("Runtime.getHeapUsage", Map.of()).get("usedSize"));
                    System.out.printf("JS heap after a full GC: %.2f MB before %d seeks, %.2f MB after (%+.1f KB each)%n",
                        before / 1e6, SEEKS, after / 1e6, (after - before) / 1024 / SEEKS);
                }
            } else if (what.equals("alloc")) {
                alloc(b);
            } else {
                trace(b);
            }
        }
    }

    /** PageBench's seeks (its first seed), each between console.timeStamp marks; returns each one's ms. */
    private static List<?> seek(Browser b) {
        return (List<?>) b.js("const n = arguments[0]; const s = document.getElementById('scrubber'); const out = [];"
            + "let x = 12345;"
            + "for (let i = 0; i < n; i++) { x = (Math.imul(x, 1103515245) + 12345) >>> 0; const v = Math.floor(x / 4294967296 * 100000);"
            + "  document.body.offsetHeight; console.timeStamp('seek<' + i); const t0 = performance.now(); s.value = String(v);"
            + "  s.dispatchEvent(new Event('input', {bubbles: true})); const t1 = performance.now(); console.timeStamp('seek>' + i);"
            + "  out.push([v, t1 - t0]); }"
            + "return out;", SEEKS);
    }

    @SuppressWarnings("unchecked")
    private static void trace(Browser b) throws Exception {
        DevTools dev = b.driver.getDevTools();
        dev.createSession();
        PageTrace.Recording trace = new PageTrace.Recording(dev, CATEGORIES);
        Thread.sleep(500);
        List<?> times = seek(b);
        Thread.sleep(300);
        List<Map<String, Object>> on = trace.stop();
        double[][] marks = new double[SEEKS][4];
        for (Map<String, Object> e : on) {
            if ("TimeStamp".equals(e.get("name"))) {
                Map<String, Object> data = (Map<String, Object>) ((Map<String, Object>) e.get("args")).get("data");
                String m = String.valueOf(data.get("message"));
                if (m.startsWith("seek")) {
                    int i = Integer.parseInt(m.substring(5));
                    int k = m.charAt(4) == '<' ? 0 : 2;
                    marks[i][k] = num(e.get("ts"));
                    marks[i][k + 1] = num(e.get("tts"));
                }
            }
        }
        Object tid = null;
        for (Map<String, Object> e : on) {
            if ("TimeStamp".equals(e.get("name"))) {
                tid = List.of(e.get("pid"), e.get("tid"));
            }
        }
        List<Map<String, Object>> main = new ArrayList<>();
        for (Map<String, Object> e : on) {
            if (List.of(e.get("pid"), e.get("tid")).equals(tid) && "X".equals(e.get("ph"))) {
                main.add(e);
            }
        }
        if (Boolean.getBoolean("gcargs")) {
            for (Map<String, Object> x : on) {
                String nm = String.valueOf(x.get("name"));
                if (nm.equals("MajorGC") || nm.equals("MinorGC") || nm.startsWith("V8.GCIncrementalMarkingStart")) {
                    int at = -1;
                    for (int i = 0; i < SEEKS; i++) {
                        if (num(x.get("ts")) >= marks[i][0] && num(x.get("ts")) < marks[i][2]) {
                            at = i;
                        }
                    }
                    System.out.println(nm + " in seek " + at + " at " + (long) num(x.get("ts")) + ": " + x.get("args"));
                }
            }
        }
        System.out.println("seek: step, wall ms (JS), wall ms (trace), main thread CPU ms, GC ms (scavenges/other), costly events");
        double[] sums = new double[4];
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < SEEKS; i++) {
            double s = marks[i][0];
            double e = marks[i][2];
            if (s == 0 || e == 0 || marks[i][1] == 0 || marks[i][3] == 0) {
                continue; // the trace lost this seek's marks
            }
            double gcMinor = 0;
            double gcOther = 0;
            Map<String, Double> big = new HashMap<>();
            for (Map<String, Object> x : main) {
                double xs = num(x.get("ts"));
                if (xs < s || xs >= e) {
                    continue;
                }
                String nm = String.valueOf(x.get("name"));
                double d = num(x.get("dur")) / 1000;
                if (nm.equals("MinorGC")) {
                    gcMinor += d;
                } else if (nm.equals("MajorGC") || nm.startsWith("V8.GC_MC") || nm.equals("V8.GCIncrementalMarking")
                    || nm.equals("BlinkGC.AtomicPhase") || nm.startsWith("V8.GC_MARK_COMPACTOR")) {
                    gcOther += d;
                }
                if (d >= 0.3 && !nm.equals("EventDispatch") && !nm.equals("FunctionCall") && !nm.startsWith("v8.callFunction")) {
                    big.merge(nm, d, Double::sum);
                }
            }
            List<?> t = (List<?>) times.get(i);
            double wall = (e - s) / 1000;
            double cpu = (marks[i][3] - marks[i][1]) / 1000;
            StringBuilder sb = new StringBuilder();
            big.entrySet().stream().sorted((a, c) -> Double.compare(c.getValue(), a.getValue())).limit(6)
                .forEach(x -> sb.append(String.format(" %s %.1f", x.getKey(), x.getValue())));
            System.out.printf("%3d %6d %6.1f %6.1f %6.1f %5.1f/%4.1f %s%n", i, ((Number) t.get(0)).longValue(),
                num(t.get(1)), wall, cpu, gcMinor, gcOther, sb);
            sums[0] += wall;
            sums[1] += cpu;
            sums[2] += gcMinor;
            sums[3] += gcOther;
            rows.add(new double[] {num(t.get(1)), gcMinor + gcOther, cpu});
        }
        System.out.printf("sums: wall %.1f ms, CPU %.1f ms, scavenges %.1f ms, other GC %.1f ms%n", sums[0], sums[1], sums[2], sums[3]);
        rows.sort((a, c) -> Double.compare(c[0], a[0]));
        double gcTop = 0;
        double top = 0;
        for (double[] r : rows.subList(0, rows.size() / 10)) {
            top += r[0];
            gcTop += r[1];
        }
        double p90 = rows.get(rows.size() - 1 - (int) Math.floor(rows.size() * 0.9))[0]; // as PageBench: sorted up, at 0.9 n
        List<Double> noGc = new ArrayList<>();
        for (double[] r : rows) {
            noGc.add(r[0] - r[1]);
        }
        List<Double> cpus = new ArrayList<>();
        for (double[] r : rows) {
            cpus.add(r[2]);
        }
        System.out.printf("main thread CPU per seek (%d seeks traced): median %.2f ms, p90 %.2f ms%n", cpus.size(),
            PageBench.quantile(cpus, 0.5), PageBench.quantile(cpus, 0.9));
        System.out.printf("p90 %.2f ms; the slowest tenth: %.1f ms, of it GC %.1f ms; p90 with each seek's GC taken out %.2f ms%n",
            p90, top, gcTop, PageBench.quantile(noGc, 0.9));
    }

    /** Bytes allocated by the seeks, then by as many Step clicks, by function. */
    private static void alloc(Browser b) {
        b.driver.executeCdpCommand("HeapProfiler.enable", Map.of());
        b.driver.executeCdpCommand("HeapProfiler.collectGarbage", Map.of());
        b.driver.executeCdpCommand("HeapProfiler.startSampling", Map.of("samplingInterval", 512,
            "includeObjectsCollectedByMajorGC", true, "includeObjectsCollectedByMinorGC", true));
        seek(b);
        report("seeks", sample(b), SEEKS);
        b.driver.executeCdpCommand("HeapProfiler.startSampling", Map.of("samplingInterval", 512,
            "includeObjectsCollectedByMajorGC", true, "includeObjectsCollectedByMinorGC", true));
        b.js("const s = document.getElementById('btn-step'); for (let i = 0; i < arguments[0]; i++) { s.click(); document.body.offsetHeight; }",
            SEEKS);
        report("Step clicks", sample(b), SEEKS);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sample(Browser b) {
        return (Map<String, Object>) b.driver.executeCdpCommand("HeapProfiler.stopSampling", Map.of())
            .get("profile");
    }

    @SuppressWarnings("unchecked")
    private static void report(String what, Map<String, Object> p, int n) {
        Map<String, Double> self = new HashMap<>();
        Map<String, Double> total = new HashMap<>();
        Map<String, Double> callers = new HashMap<>();
        List<Object[]> todo = new ArrayList<>();
        todo.add(new Object[] {p.get("head"), List.<String>of()});
        double all = 0;
        while (!todo.isEmpty()) {
            Object[] at = todo.remove(todo.size() - 1);
            Map<String, Object> node = (Map<String, Object>) at[0];
            List<String> above = new ArrayList<>((List<String>) at[1]);
            String nm = name(node);
            double sz = num(node.get("selfSize"));
            all += sz;
            self.merge(nm, sz, Double::sum);
            if (!above.contains(nm)) {
                above.add(nm);
            }
            for (String a : above) {
                total.merge(a, sz, Double::sum);
            }
            String of = System.getProperty("callers");
            if (of != null && nm.startsWith(of) && above.size() >= 2) {
                StringBuilder chain = new StringBuilder();
                for (int k = above.size() - 2; k >= Math.max(0, above.size() - 4); k--) {
                    chain.append(k == above.size() - 2 ? "" : " < ").append(above.get(k));
                }
                callers.merge(chain.toString(), sz, Double::sum);
            }
            for (Object c : (List<Object>) node.getOrDefault("children", List.of())) {
                todo.add(new Object[] {c, above});
            }
        }
        System.out.printf("== %s: %.0f KB allocated in %d, %.1f KB each%n", what, all / 1024, n, all / 1024 / n);
        double per = 1024.0 * n;
        PageProfile.top("KB each, by allocating function", self, per, "", 30);
        if (!callers.isEmpty()) {
            PageProfile.top("KB each allocated by " + System.getProperty("callers") + ", by its callers", callers, per, "", 30);
        }
        PageProfile.top("KB each, by function with its callees", total, per, "", 30);
    }

    private static String name(Map<String, Object> n) {
        @SuppressWarnings("unchecked")
        Map<String, Object> f = (Map<String, Object>) n.get("callFrame");
        String fn = (String) f.get("functionName");
        return (fn.isEmpty() ? "(anonymous)" : fn) + " :" + f.get("lineNumber");
    }

    private static double num(Object o) {
        return o instanceof Number n ? n.doubleValue() : 0;
    }
}
