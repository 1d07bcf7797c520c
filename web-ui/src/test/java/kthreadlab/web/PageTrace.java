package kthreadlab.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.v156.tracing.Tracing;

/**
 * The main thread's tasks while the page plays a preset at 1000 steps/s for 6 s (`play PRESET`)
 * or runs it to the end (`end PRESET`), from a Chrome trace (not a test): each task's wall time
 * and its thread time (the CPU the page's main thread used: the time spent waiting for a core
 * is left out, which a long task and the page's longest slice both count). Prints the longest
 * long task, the page's longest slice, the tasks with the most thread time and what ran in them
 * (timers, frames, garbage collection, style, layout, paint), and the tasks around the first
 * with the most; the elements and text nodes in each pane at the start and at the end.
 * -Dtasks=N tasks (8); -Dinvalidations=true adds what invalidated style and layout before it.
 * Run it like PageProfile: -Pbench -Dbench.main=kthreadlab.web.PageTrace -Dbench.args="play seed" (README).
 * `seek`, `framed` (two frames after each seek) and `panes` run SeekLayout (PageBench's seeks under a trace).
 */
public final class PageTrace {
    static final String CATEGORIES = "toplevel,devtools.timeline,v8,v8.execute,blink,"
        + "disabled-by-default-devtools.timeline" + (Boolean.getBoolean("invalidations")
        ? ",disabled-by-default-devtools.timeline.invalidationTracking" : "");

    private PageTrace() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && (args[0].equals("seek") || args[0].equals("framed") || args[0].equals("panes"))) {
            SeekLayout.main(args);
            return;
        }
        boolean play = args.length > 0 && args[0].equals("play");
        String preset = args.length > 1 ? args[1] : "many-threads";
        try (Browser b = new Browser(1280, 800)) {
            b.open("#v=1&preset=" + preset + "&step=0");
            b.js("window.benchLong = []; new PerformanceObserver(l => l.getEntries().forEach(e =>"
                + " window.benchLong.push(Math.round(e.duration)))).observe({type: 'longtask'});"
                + "window.kthreadlabResetLongestSlice();");
            System.out.println("elements / text nodes per pane at the start: " + counts(b));
            DevTools dev = b.driver.getDevTools();
            dev.createSession();
            Recording trace = new Recording(dev, CATEGORIES);
            PageBench.playOrRunToEnd(b, play);
            Thread.sleep(300);
            List<Map<String, Object>> copy = trace.stop();
            System.out.println("long tasks (ms): " + b.js("return window.benchLong;") + "; the page's longest slice: "
                + b.js("return Math.round(window.kthreadlabLongestSlice() * 10) / 10;") + " ms");
            System.out.println("elements / text nodes per pane at the end: " + counts(b));
            print(copy);
        }
    }

    /** The tasks just before and after t with what ran in each (timers: their FunctionCall; frames: layout). */
    private static void neighbours(List<Map<String, Object>> on, List<Map<String, Object>> tasks, Map<String, Object> t) {
        double at = num(t.get("ts"));
        List<Map<String, Object>> near = new ArrayList<>();
        for (Map<String, Object> x : tasks) {
            double s = num(x.get("ts"));
            if (s > at - 150_000 && s < at + 80_000 && num(x.get("tdur")) > 500) {
                near.add(x);
            }
        }
        near.sort((a, c) -> Double.compare(num(a.get("ts")), num(c.get("ts"))));
        System.out.println("around the task with the most thread time (ms from it: thread time, what):");
        Map<String, Integer> why = new HashMap<>();
        for (Map<String, Object> y : on) {
            double ys = num(y.get("ts"));
            if (ys > at - 150_000 && ys < at && String.valueOf(y.get("name")).contains("InvalidationTracking")) {
                why.merge(y.get("name") + " " + y.get("args"), 1, Integer::sum);
            }
        }
        why.entrySet().stream().sorted((a, c) -> c.getValue() - a.getValue()).limit(30)
            .forEach(e -> System.out.println("  x" + e.getValue() + " " + e.getKey()));
        for (Map<String, Object> x : near) {
            double s = num(x.get("ts"));
            double e = s + num(x.get("dur"));
            StringBuilder what = new StringBuilder();
            for (Map<String, Object> y : on) {
                double ys = num(y.get("ts"));
                String nm = String.valueOf(y.get("name"));
                if (ys >= s && ys < e && num(y.get("dur")) > 1000 && List.of("FunctionCall", "TimerFire", "Layout",
                    "UpdateLayoutTree", "Paint", "MinorGC", "MajorGC", "HitTest", "FireAnimationFrame",
                    "EventDispatch", "PrePaint", "Commit").contains(nm)) {
                    what.append(String.format(" %s %.1f", nm, num(y.get("tdur")) / 1000));
                }
            }
            System.out.printf("  %+6.0f: %5.1f %s%n", (s - at) / 1000, num(x.get("tdur")) / 1000, what);
        }
    }

    private static Object counts(Browser b) {
        return b.js("return ['source-pane', 'log-pane', 'cpus-pane', 'tasks-pane', 'objects-pane', 'timeline-pane']"
            + ".map(id => { const r = document.getElementById(id);"
            + " const w = document.createTreeWalker(r, NodeFilter.SHOW_TEXT); let t = 0; while (w.nextNode()) t++;"
            + " return id + ' ' + r.querySelectorAll('*').length + '/' + t; }).join(', ');");
    }

    static double num(Object o) {
        return o instanceof Number n ? n.doubleValue() : 0;
    }

    /** The main thread's complete events (and invalidations, console.timeStamp marks), in time order. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> mainThread(List<Map<String, Object>> events) {
        Object main = null;
        for (Map<String, Object> e : events) {
            if ("thread_name".equals(e.get("name"))
                && "CrRendererMain".equals(((Map<String, Object>) e.get("args")).get("name"))) {
                main = List.of(e.get("pid"), e.get("tid"));
            }
        }
        List<Map<String, Object>> on = new ArrayList<>();
        for (Map<String, Object> e : events) {
            if (List.of(e.get("pid"), e.get("tid")).equals(main) && ("X".equals(e.get("ph"))
                || String.valueOf(e.get("name")).contains("InvalidationTracking") || "TimeStamp".equals(e.get("name")))) {
                on.add(e);
            }
        }
        on.sort((a, c) -> Double.compare(num(a.get("ts")), num(c.get("ts"))));
        return on;
    }

    private static void print(List<Map<String, Object>> events) {
        List<Map<String, Object>> on = mainThread(events);
        List<Map<String, Object>> tasks = new ArrayList<>();
        double cpu = 0;
        for (Map<String, Object> e : on) {
            if ("ThreadControllerImpl::RunTask".equals(e.get("name"))) {
                tasks.add(e);
                cpu += num(e.get("tdur")) / 1000;
            }
        }
        System.out.printf("main thread: %d tasks, %.0f ms thread time%n", tasks.size(), cpu);
        for (String gc : new String[] {"MinorGC", "MajorGC"}) {
            double sum = 0;
            double most = 0;
            int count = 0;
            for (Map<String, Object> e : on) {
                if (gc.equals(e.get("name"))) {
                    sum += num(e.get("tdur")) / 1000;
                    most = Math.max(most, num(e.get("tdur")) / 1000);
                    count++;
                }
            }
            System.out.printf("  %s: %d, %.0f ms thread time, the longest %.1f ms%n", gc, count, sum, most);
        }
        tasks.sort((a, c) -> Double.compare(num(c.get("tdur")), num(a.get("tdur"))));
        int n = Math.min(Integer.getInteger("tasks", 8), tasks.size());
        if (n > 0) {
            neighbours(on, tasks, tasks.get(0));
        }
        List<Map<String, Object>> byWall = new ArrayList<>(tasks);
        byWall.sort((a, c) -> Double.compare(num(c.get("dur")), num(a.get("dur"))));
        StringBuilder walls = new StringBuilder("longest by wall time (wall/thread ms):");
        for (Map<String, Object> t : byWall.subList(0, n)) {
            walls.append(String.format(" %.0f/%.0f", num(t.get("dur")) / 1000, num(t.get("tdur")) / 1000));
        }
        System.out.println(walls);
        double t0 = on.isEmpty() ? 0 : num(on.get(0).get("ts"));
        for (Map<String, Object> t : tasks.subList(0, n)) {
            inside(on, t, t0);
        }
    }

    /** One task: when, its thread and wall time, its large layouts and the events in it with the most time. */
    private static void inside(List<Map<String, Object>> on, Map<String, Object> t, double t0) {
        double ts = num(t.get("ts"));
        double end = ts + num(t.get("dur"));
        System.out.printf("task at %.0f ms: thread %.1f ms, wall %.1f ms%n", (ts - t0) / 1000,
            num(t.get("tdur")) / 1000, num(t.get("dur")) / 1000);
        Map<String, double[]> inside = new HashMap<>();
        for (Map<String, Object> e : on) {
            double s = num(e.get("ts"));
            String name = String.valueOf(e.get("name"));
            if (s < ts || s >= end || name.contains("RunTask")) {
                continue;
            }
            if (name.equals("Layout") && num(e.get("dur")) > 2000) {
                System.out.println("   Layout " + e.get("args"));
            }
            double[] v = inside.computeIfAbsent(name, k -> new double[3]);
            v[0] += num(e.get("tdur")) / 1000;
            v[1] += num(e.get("dur")) / 1000;
            v[2]++;
        }
        inside.entrySet().stream().filter(e -> e.getValue()[1] >= 0.5)
            .sorted((a, c) -> Double.compare(c.getValue()[1], a.getValue()[1])).limit(12)
            .forEach(e -> System.out.printf("   %-36s x%-3.0f thread %6.1f ms, wall %6.1f ms%n", e.getKey(),
                e.getValue()[2], e.getValue()[0], e.getValue()[1]));
    }

    /** A Chrome trace recorded through DevTools from its construction until stop(). */
    static final class Recording {
        private final DevTools dev;
        private final List<Map<String, Object>> events = Collections.synchronizedList(new ArrayList<>());
        private final CompletableFuture<Boolean> complete = new CompletableFuture<>();

        /** Starts tracing `categories` (comma-separated); the session's earlier listeners are dropped. */
        Recording(DevTools dev, String categories) {
            this.dev = dev;
            dev.clearListeners();
            dev.addListener(Tracing.dataCollected(), l -> events.addAll(l));
            dev.addListener(Tracing.tracingComplete(), c -> complete.complete(true));
            dev.send(Tracing.start(Optional.of(categories), Optional.empty(), Optional.empty(),
                Optional.of(Tracing.StartTransferMode.REPORTEVENTS), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        }

        /** Ends the trace; its events once the browser has sent them all. */
        List<Map<String, Object>> stop() throws Exception {
            dev.send(Tracing.end());
            complete.get(60, TimeUnit.SECONDS);
            Thread.sleep(300);
            synchronized (events) {
                return new ArrayList<>(events);
            }
        }
    }
}
