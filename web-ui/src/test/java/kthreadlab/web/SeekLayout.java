package kthreadlab.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.openqa.selenium.devtools.DevTools;

/**
 * Where the style and layout of a seek go, from a Chrome trace (not a test), on PageBench's seeks
 * (many-threads, twice SEEKS to random steps of a HISTORY-step history in one loop, no frame between).
 * `seek`: each seek's layout and style recalc thread time with the objects Chromium had to lay out,
 * the shown source file (SWITCH: another than the seek before) and rows, run queue entries and task
 * rows, the costliest first (`framed`: the same with two frames after each seek, whose style and
 * layout count with it); -Dwhy=N adds what the N costliest changed (with -Dinvalidations=true).
 * `panes`: the same seeks with one part of the page at a time out of style and layout: -Dparts=
 * CSS selectors (display: none) or rules, separated by '|' ('' = none); -Dfresh=true opens the page
 * again before each (cold seeks). Run as PageTrace: -Dbench.main=kthreadlab.web.PageTrace -Dbench.args=seek.
 */
final class SeekLayout {
    private static final String PARTS = "|#source|#log|#cpus-pane|#tasks-pane|#objects-pane|#source-pane > .bar|nav#controls|";

    private SeekLayout() {
    }

    static void main(String[] args) throws Exception {
        try (Browser b = new Browser(1280, 800)) {
            PageBench.openHistory(b);
            DevTools dev = b.driver.getDevTools();
            dev.createSession();
            if (args[0].equals("seek") || args[0].equals("framed")) {
                String loop = PageBench.SEEK_LOOP.replace("const t1 = performance.now();", "const t1 = performance.now();"
                    + " console.timeStamp('seek ' + v + ' ' + document.querySelector('#source .file.shown')?.dataset.file"
                    + " + ' rows ' + document.querySelectorAll('#source .file.shown .line').length"
                    + " + ' rq ' + document.querySelectorAll('#cpu-cards li').length"
                    + " + ' trows ' + document.querySelectorAll('#task-table .tbody .tr').length);");
                if (args[0].equals("framed")) {
                    // two frames after each seek: what the frames lay out counts with the seek
                    loop = "return (async () => {" + loop.replace("dom.push(t1 - t0);",
                        "await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))); dom.push(t1 - t0);") + "})();";
                }
                List<Map<String, Object>> on = traced(b, dev, loop, PageTrace.CATEGORIES);
                perSeek(on);
                return;
            }
            for (String p : System.getProperty("parts", PARTS).split("[|]", -1)) {
                if (Boolean.getBoolean("fresh")) {
                    PageBench.openHistory(b);
                }
                b.js("document.getElementById('bench-hide')?.remove(); const s = document.createElement('style');"
                    + "s.id = 'bench-hide'; s.textContent = arguments[0]; document.head.append(s); document.body.offsetHeight;",
                    p.isEmpty() || p.contains("{") ? p : p + " { display: none !important; }");
                List<Double> style = new ArrayList<>();
                List<Double> layout = new ArrayList<>();
                for (Map<String, Object> e : traced(b, dev, PageBench.SEEK_LOOP, "devtools.timeline,disabled-by-default-devtools.timeline")) {
                    if ("UpdateLayoutTree".equals(e.get("name")) || "Layout".equals(e.get("name"))) {
                        ("Layout".equals(e.get("name")) ? layout : style).add(PageTrace.num(e.get("tdur")) / 1000);
                    }
                }
                System.out.printf("without %-20s style %5.0f ms (%s), layout %5.0f ms (%s)%n", p.isEmpty() ? "nothing" : p,
                    sum(style), quantiles(style), sum(layout), quantiles(layout));
            }
        }
    }

    /** Runs the seek loop under a trace: the main thread's events; prints the loop's figures. */
    private static List<Map<String, Object>> traced(Browser b, DevTools dev, String loop, String categories) throws Exception {
        PageTrace.Recording trace = new PageTrace.Recording(dev, categories);
        Thread.sleep(200);
        System.out.println("seeks, median / + layout / p90 / + layout (ms), per seed: "
            + b.js(loop, PageBench.SEEKS, PageBench.HISTORY));
        Thread.sleep(200);
        return PageTrace.mainThread(trace.stop());
    }

    /** Each seek (between its console.timeStamp and the next): layout, style, dirty objects, what it showed. */
    @SuppressWarnings("unchecked")
    private static void perSeek(List<Map<String, Object>> on) {
        List<String> what = new ArrayList<>();
        List<double[]> cost = new ArrayList<>();
        List<Map<String, Integer>> why = new ArrayList<>(List.of(new HashMap<>()));
        String file = "";
        for (Map<String, Object> e : on) {
            String name = String.valueOf(e.get("name"));
            Map<String, Object> args = (Map<String, Object>) e.get("args");
            if (name.equals("TimeStamp")) {
                String m = String.valueOf(((Map<String, Object>) args.get("data")).get("message"));
                what.add(m + (m.split(" ")[2].equals(file) ? "" : " SWITCH"));
                file = m.split(" ")[2];
                cost.add(new double[3]);
                why.add(new HashMap<>());
            } else if (!cost.isEmpty() && (name.equals("Layout") || name.equals("UpdateLayoutTree"))) {
                double[] c = cost.get(cost.size() - 1);
                c[name.equals("Layout") ? 0 : 1] += PageTrace.num(e.get("tdur")) / 1000;
                Object begin = args.get("beginData");
                c[2] += begin instanceof Map<?, ?> m ? PageTrace.num(m.get("dirtyObjects")) : 0;
            } else if (name.contains("InvalidationTracking")) {
                Map<String, Object> d = (Map<String, Object>) args.get("data");
                why.get(why.size() - 1).merge(name.replace("InvalidationTracking", "") + " "
                    + (d == null ? "" : d.get("reason") + " " + d.get("nodeName")), 1, Integer::sum);
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < what.size(); i++) {
            order.add(i);
        }
        order.sort((x, y) -> Double.compare(cost.get(y)[0] + cost.get(y)[1], cost.get(x)[0] + cost.get(x)[1]));
        List<Double> layout = new ArrayList<>();
        List<Double> style = new ArrayList<>();
        cost.forEach(c -> {
            layout.add(c[0]);
            style.add(c[1]);
        });
        System.out.printf("per seek: layout %s; style %s%n", quantiles(layout), quantiles(style));
        System.out.println("seeks, the costliest first (#, layout ms, style ms, objects to lay out, what it shows):");
        for (int k = 0; k < order.size(); k++) {
            int i = order.get(k);
            if (k < Integer.getInteger("why", 0)) {
                System.out.println("  changed before #" + i + ": " + why.get(i).entrySet().stream()
                    .sorted((x, y) -> y.getValue() - x.getValue()).limit(25).map(x -> x.getValue() + " " + x.getKey())
                    .collect(Collectors.joining("; ")));
            }
            System.out.printf("  #%-3d %6.2f %6.2f %6.0f  %s%n", i, cost.get(i)[0], cost.get(i)[1], cost.get(i)[2], what.get(i));
        }
    }

    private static double sum(List<Double> d) {
        return d.stream().mapToDouble(x -> x).sum();
    }

    private static String quantiles(List<Double> d) {
        return d.isEmpty() ? "none" : String.format("median %.2f, p90 %.2f, max %.2f", PageBench.quantile(d, 0.5),
            PageBench.quantile(d, 0.9), PageBench.quantile(d, 1));
    }
}
