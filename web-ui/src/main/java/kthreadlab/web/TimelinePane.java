package kthreadlab.web;

import java.util.List;
import kthreadlab.history.History;
import kthreadlab.history.Lanes;
import kthreadlab.trace.TraceEvent;
import org.teavm.jso.browser.Window;
import org.teavm.jso.canvas.CanvasRenderingContext2D;
import org.teavm.jso.dom.events.MouseEvent;
import org.teavm.jso.dom.html.HTMLCanvasElement;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * One lane per CPU showing which task ran when, in the tasks' colours (idle grey, halted blank),
 * with markers for fork (triangle), wakeup (circle) and exit (cross), and a line at the shown
 * time. What was recorded beyond the shown step is drawn faded. A click goes to that time.
 */
final class TimelinePane {
    /** Receives clicks: go to the last step at or before this simulated time. */
    interface Seek {
        void seekTime(long ns);
    }

    private static final int LABEL = 46;
    private static final int LANE = 18;
    private static final int AXIS = 16;

    private final HTMLCanvasElement canvas;
    private final HTMLElement box;
    private History history;
    private long step;
    private long t0;
    private long t1 = 1;
    /** Visible span in ns, or 0 to fit the whole recorded run. */
    private long span;

    TimelinePane(Seek seek) {
        this.canvas = (HTMLCanvasElement) Dom.byId("timeline");
        this.box = Dom.byId("timeline-box");
        canvas.addEventListener("click", e -> App.guard("timeline click", () -> {
            MouseEvent m = (MouseEvent) e;
            double x = m.getClientX() - canvas.getBoundingClientRect().getLeft();
            int w = canvas.getClientWidth();
            if (x >= LABEL && w > LABEL) {
                seek.seekTime(t0 + (long) ((x - LABEL) / (w - LABEL) * (t1 - t0)));
            }
        }));
        Dom.byId("tl-in").addEventListener("click", e -> App.guard("zoom", () -> zoom(0.5)));
        Dom.byId("tl-out").addEventListener("click", e -> App.guard("zoom", () -> zoom(2)));
        Dom.byId("tl-fit").addEventListener("click", e -> App.guard("zoom", () -> {
            span = 0;
            redraw();
        }));
        Window.current().addEventListener("resize", e -> App.guard("resize", this::redraw));
    }

    private void zoom(double f) {
        long full = Math.max(1, fullEnd() - fullStart());
        long cur = span == 0 ? full : span;
        span = Math.max(2_000, (long) (cur * f));
        if (span >= full) {
            span = 0;
        }
        redraw();
    }

    void render(History h, long n) {
        history = h;
        step = n;
        redraw();
    }

    private long fullStart() {
        return history.timeAt(0);
    }

    private long fullEnd() {
        return Math.max(history.timeAt(history.recorded()), fullStart() + 1);
    }

    void redraw() {
        if (history == null) {
            return;
        }
        int cpus = history.cpus();
        int cssW = Math.max(LABEL + 50, box.getClientWidth());
        int cssH = cpus * LANE + AXIS + 4;
        double dpr = Math.max(1, Window.current().getDevicePixelRatio());
        int pw = (int) (cssW * dpr);
        int ph = (int) (cssH * dpr);
        if (canvas.getWidth() != pw || canvas.getHeight() != ph) {
            canvas.setWidth(pw);
            canvas.setHeight(ph);
            canvas.setAttribute("style", "width:" + cssW + "px;height:" + cssH + "px");
        }
        CanvasRenderingContext2D g = (CanvasRenderingContext2D) canvas.getContext("2d");
        g.setTransform(dpr, 0, 0, dpr, 0, 0);
        boolean dark = Dom.darkScheme();
        String fg = dark ? "#e6e6e6" : "#1d1d1f";
        g.clearRect(0, 0, cssW, cssH);
        long now = history.timeAt(step);
        long start = fullStart();
        long end = fullEnd();
        if (span == 0) {
            t0 = start;
            t1 = end;
        } else {
            t0 = Math.max(start, now - span / 2);
            t1 = t0 + span;
            if (t1 > end) {
                t1 = end;
                t0 = Math.max(start, t1 - span);
            }
        }
        double w = cssW - LABEL;
        double scale = w / Math.max(1, t1 - t0);
        g.setFont("11px system-ui, sans-serif");
        g.setTextBaseline("middle");
        Lanes lanes = history.lanes();
        for (int c = 0; c < cpus; c++) {
            double y = c * LANE + 2;
            g.setGlobalAlpha(1);
            g.setFillStyle(fg);
            g.fillText("CPU" + c, 4, y + LANE / 2.0);
            g.setFillStyle(dark ? "#2a2d33" : "#f0f0f0");
            g.fillRect(LABEL, y, w, LANE - 3);
            for (int i = lanes.firstEndingAfter(c, t0); i < lanes.count(c); i++) {
                long s0 = lanes.start(c, i);
                if (s0 >= t1) {
                    break;
                }
                int task = lanes.task(c, i);
                int slot = Palette.slot(task, cpus, task < cpus);
                double x0 = LABEL + Math.max(0, (s0 - t0) * scale);
                double x1 = LABEL + Math.min(w, (lanes.end(c, i) - t0) * scale);
                double bw = Math.max(1, x1 - x0);
                g.setGlobalAlpha(lanes.firstStep(c, i) > step ? 0.3 : 1);
                g.setFillStyle(Palette.color(slot));
                g.fillRect(x0, y, bw, LANE - 3);
                int p = Palette.pattern(slot);
                if (p > 0) {
                    g.setFillStyle("rgba(0,0,0,.45)");
                    g.fillRect(x0, p == 1 ? y : y + LANE - 7, bw, 4);
                }
            }
        }
        g.setGlobalAlpha(1);
        markers(g, fg, dark, scale);
        axis(g, fg, cssW, cpus * LANE + 2, scale);
        double xn = LABEL + (now - t0) * scale;
        if (xn >= LABEL && xn <= cssW) {
            g.setFillStyle(dark ? "#ffffff" : "#000000");
            g.fillRect(xn - 1, 0, 2, cpus * LANE + 2);
        }
        canvas.setAttribute("data-t0", Long.toString(t0));
        canvas.setAttribute("data-t1", Long.toString(t1));
        canvas.setAttribute("data-now", Long.toString(now));
    }

    private void markers(CanvasRenderingContext2D g, String fg, boolean dark, double scale) {
        List<TraceEvent> tp = history.tracepoints();
        int lo = 0;
        int hi = tp.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (tp.get(mid).timeNs < t0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        g.setStrokeStyle(dark ? "#000" : "#fff");
        g.setLineWidth(1);
        for (int i = lo; i < tp.size(); i++) {
            TraceEvent e = tp.get(i);
            if (e.timeNs > t1) {
                break;
            }
            int kind = e.name.equals("sched_process_fork") ? 1
                : e.name.equals("sched_wakeup") || e.name.equals("sched_wakeup_new") ? 2
                : e.name.equals("sched_process_exit") ? 3 : 0;
            if (kind == 0) {
                continue;
            }
            double x = LABEL + (e.timeNs - t0) * scale;
            double y = e.cpu * LANE + 2 + (LANE - 3) / 2.0;
            g.setGlobalAlpha(e.step >= step ? 0.35 : 1);
            g.setFillStyle(fg);
            g.beginPath();
            if (kind == 1) {
                g.moveTo(x, y - 6);
                g.lineTo(x + 5, y + 4);
                g.lineTo(x - 5, y + 4);
                g.closePath();
            } else if (kind == 2) {
                g.arc(x, y, 3.5, 0, 6.2832);
            } else {
                g.rect(x - 4, y - 1.5, 8, 3);
                g.rect(x - 1.5, y - 4, 3, 8);
            }
            g.fill();
            g.stroke();
        }
        g.setGlobalAlpha(1);
    }

    private void axis(CanvasRenderingContext2D g, String fg, int cssW, double y, double scale) {
        long range = Math.max(1, t1 - t0);
        long tick = 1;
        while (range / tick > 8) {
            long t2 = tick * 2;
            long t5 = tick * 5;
            long t10 = tick * 10;
            tick = range / t2 <= 8 ? t2 : range / t5 <= 8 ? t5 : t10;
        }
        g.setFillStyle(fg);
        g.setTextBaseline("top");
        for (long t = (t0 + tick - 1) / tick * tick; t <= t1; t += tick) {
            double x = LABEL + (t - t0) * scale;
            g.fillRect(x, y, 1, 4);
            String label = kthreadlab.kernel.Time.format(t);
            if (x + 60 < cssW) {
                g.fillText(label, x + 2, y + 3);
            }
        }
        g.setTextBaseline("middle");
    }
}
