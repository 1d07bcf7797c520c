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
 * with markers for fork (triangle), wakeup (circle), exit (cross) and signal (diamond), and a line
 * at the shown time. What was recorded beyond the shown step is veiled. A click goes to that time. Two
 * canvases: the lanes are redrawn only when the window moves; the now line at every step.
 */
final class TimelinePane implements Pane {
    /** Receives clicks: go to the last step at or before this simulated time. */
    interface Seek {
        void seekTime(long ns);
    }

    private static final int LABEL = 46;
    private int lane = 18;
    /** The box's width in CSS px, read once (reading it forces a layout) and again on resize. */
    private int width;
    private static final int AXIS = 16;

    private final HTMLCanvasElement canvas;
    private final HTMLCanvasElement overlay;
    private final HTMLElement labelBox;
    private final HTMLElement axisBox;
    private int labelCpus = -1;
    private int labelLane = -1;
    private long drawnT0 = -1;
    private long drawnT1 = -1;
    private long drawnEnd = -1;
    private boolean drawnDark;
    private History drawnHistory;
    private final HTMLElement box;
    private History history;
    private long step;
    private long t0;
    private long t1 = 1;
    /** Visible span in ns (the whole run when it is shorter), or 0 to fit the whole recorded run. */
    private long span = DEFAULT_SPAN;
    /** The span around now while a run is still being recorded. */
    static final long DEFAULT_SPAN = 1_000_000;
    /**
     * The window frames the run's activity (most of its steps) until the reader zooms, or until
     * now leaves it: then it keeps that span and follows now.
     */
    private boolean auto = true;
    /** Per mille of steps left out at each end of the opening window: all but the first and last 2%. */
    static final int TAIL_PER_MILLE = 20;

    TimelinePane(Seek seek) {
        this.canvas = (HTMLCanvasElement) Dom.byId("timeline");
        this.box = Dom.byId("timeline-box");
        this.overlay = (HTMLCanvasElement) Dom.byId("timeline-now");
        this.labelBox = Dom.byId("tl-cpus");
        this.axisBox = Dom.byId("tl-axis");
        canvas.addEventListener("click", e -> Guard.run("timeline click", () -> {
            MouseEvent m = (MouseEvent) e;
            double x = m.getClientX() - canvas.getBoundingClientRect().getLeft();
            int w = canvas.getClientWidth();
            if (x >= LABEL && w > LABEL) {
                seek.seekTime(t0 + (long) ((x - LABEL) / (w - LABEL) * (t1 - t0)));
            }
        }));
        Dom.byId("tl-in").addEventListener("click", e -> Guard.run("zoom", () -> zoom(0.5)));
        Dom.byId("tl-out").addEventListener("click", e -> Guard.run("zoom", () -> zoom(2)));
        Dom.byId("tl-fit").addEventListener("click", e -> Guard.run("zoom", () -> {
            auto = false;
            span = 0;
            redraw();
        }));
        Window.current().addEventListener("resize", e -> Guard.run("resize", () -> {
            width = 0;
            redraw();
        }));
    }

    private void zoom(double f) {
        long full = Math.max(1, fullEnd() - fullStart());
        long cur = auto ? Math.max(1, t1 - t0) : span == 0 ? full : span;
        auto = false;
        span = Math.max(2_000, (long) (cur * f));
        if (span >= full) {
            span = 0;
        }
        redraw();
    }

    @Override
    public void render(StepView v) {
        render(v.history, v.step);
    }

    private void render(History h, long n) {
        if (h != history) {
            auto = true;
            span = DEFAULT_SPAN;
        }
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
        lane = cpus <= 4 ? 18 : cpus <= 16 ? 13 : 6;
        if (width <= 0) {
            width = box.getClientWidth();
        }
        int cssW = Math.max(LABEL + 50, width);
        int cssH = cpus * lane + AXIS + 4;
        double dpr = Math.max(1, Window.current().getDevicePixelRatio());
        boolean resized = size(canvas, cssW, cssH, dpr) | size(overlay, cssW, cssH, dpr);
        long now = history.timeAt(step);
        window(now);
        boolean dark = Dom.darkScheme();
        long end = history.recorded();
        if (resized || drawnT0 != t0 || drawnT1 != t1 || drawnDark != dark || drawnHistory != history
                || drawnEnd != end && (drawnEnd < 0 || history.timeAt(drawnEnd) <= t1)) {
            base(cssW, cssH, dpr, dark);
            drawnT0 = t0;
            drawnT1 = t1;
            drawnDark = dark;
            drawnHistory = history;
            drawnEnd = end;
        }
        now(cssW, cssH, dpr, dark, now);
        canvas.setAttribute("data-t0", Long.toString(t0));
        canvas.setAttribute("data-t1", Long.toString(t1));
        canvas.setAttribute("data-now", Long.toString(now));
    }

    private static boolean size(HTMLCanvasElement c, int cssW, int cssH, double dpr) {
        int pw = (int) (cssW * dpr);
        int ph = (int) (cssH * dpr);
        if (c.getWidth() == pw && c.getHeight() == ph) {
            return false;
        }
        c.setWidth(pw);
        c.setHeight(ph);
        c.setAttribute("style", "width:" + cssW + "px;height:" + cssH + "px");
        return true;
    }

    /**
     * The visible time window: the whole run, or `span` around now. A zoomed window stays put
     * while now is well inside it, so most steps redraw only the now line.
     */
    private void window(long now) {
        long start = fullStart();
        long end = fullEnd();
        // framed once the whole run is recorded: a frame that followed the recording would redraw
        // every lane at every step while the recorder runs
        if (auto && history.ended() && active(now, start, end)) {
            return;
        }
        if (span == 0 || span >= end - start) {
            t0 = start;
            t1 = end;
            return;
        }
        long margin = span / 10;
        if (t1 - t0 == span && now >= t0 + margin && now <= t1 - margin && t1 <= end && t0 >= start) {
            return;
        }
        t0 = Math.max(start, now - span / 2);
        t1 = t0 + span;
        if (t1 > end) {
            t1 = end;
            t0 = Math.max(start, t1 - span);
        }
    }

    /**
     * In auto mode: frames the steps recorded so far (where code runs), less the first and last
     * TAIL_PER_MILLE of them, with a margin; a now before them widens the frame to it. Once now has
     * passed the frame, auto mode ends (false) and the window keeps that span around now.
     */
    private boolean active(long now, long start, long end) {
        long n = history.recorded();
        if (n < 2) {
            t0 = start;
            t1 = end;
            return true;
        }
        long tail = n * TAIL_PER_MILLE / 1000;
        long a = history.timeAt(tail);
        long b = history.timeAt(n - tail);
        long pad = Math.max(2_000, (b - a) / 20);
        long lo = Math.max(start, a - pad);
        long hi = Math.min(end, b + pad);
        if (hi <= lo) {
            hi = Math.min(end, lo + 2 * pad);
        }
        lo = Math.min(lo, Math.max(start, now));
        if (now > hi) {
            auto = false;
            span = hi - lo >= end - start ? 0 : hi - lo;
            return false;
        }
        t0 = lo;
        t1 = hi;
        return true;
    }

    /** Lanes, segments, markers and the axis: redrawn only when the window or the data changes. */
    private void base(int cssW, int cssH, double dpr, boolean dark) {
        int cpus = history.cpus();
        CanvasRenderingContext2D g = (CanvasRenderingContext2D) canvas.getContext("2d");
        g.setTransform(dpr, 0, 0, dpr, 0, 0);
        String fg = dark ? "#e6e6e6" : "#1d1d1f";
        g.clearRect(0, 0, cssW, cssH);
        double w = cssW - LABEL;
        double scale = w / Math.max(1, t1 - t0);
        labels(cpus);
        Dom.clear(axisBox);
        Lanes lanes = history.lanes();
        for (int c = 0; c < cpus; c++) {
            double y = c * lane + 2;
            g.setFillStyle(dark ? "#2a2d33" : "#f0f0f0");
            g.fillRect(LABEL, y, w, lane - 3);
            double lastX = -1;
            int lastSlot = Integer.MIN_VALUE;
            for (int i = lanes.firstEndingAfter(c, t0); i < lanes.count(c); i++) {
                long s0 = lanes.start(c, i);
                if (s0 >= t1) {
                    break;
                }
                int task = lanes.task(c, i);
                int slot = Palette.slot(task, cpus, task < cpus);
                double x0 = LABEL + Math.max(0, (s0 - t0) * scale);
                double x1 = LABEL + Math.min(w, (lanes.end(c, i) - t0) * scale);
                if (x1 < lastX + 0.25 && slot == lastSlot) {
                    continue;
                }
                double bw = Math.max(1, x1 - x0);
                g.setFillStyle(Palette.color(slot));
                g.fillRect(x0, y, bw, lane - 3);
                int p = Palette.pattern(slot);
                if (p > 0) {
                    g.setFillStyle("rgba(0,0,0,.45)");
                    g.fillRect(x0, p == 1 ? y : y + lane - 7, bw, 4);
                }
                lastX = x0 + bw;
                lastSlot = slot;
            }
        }
        markers(g, fg, dark, scale);
        axis(g, fg, cssW, cpus * lane + 2, scale);
    }

    /** What lies after now is veiled, and a line marks now. */
    private void now(int cssW, int cssH, double dpr, boolean dark, long now) {
        CanvasRenderingContext2D g = (CanvasRenderingContext2D) overlay.getContext("2d");
        g.setTransform(dpr, 0, 0, dpr, 0, 0);
        g.clearRect(0, 0, cssW, cssH);
        int lanesH = history.cpus() * lane + 2;
        double scale = (cssW - LABEL) / (double) Math.max(1, t1 - t0);
        double xn = LABEL + (now - t0) * scale;
        if (xn > cssW) {
            return;
        }
        double from = Math.max(LABEL, xn);
        g.setFillStyle(dark ? "rgba(22,24,28,.62)" : "rgba(255,255,255,.62)");
        g.fillRect(from, 0, cssW - from, lanesH);
        if (xn >= LABEL) {
            g.setFillStyle(dark ? "#ffffff" : "#000000");
            g.fillRect(xn - 1, 0, 2, lanesH);
        }
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
        int signals = 0;
        for (int i = lo; i < tp.size(); i++) {
            TraceEvent e = tp.get(i);
            if (e.timeNs > t1) {
                break;
            }
            int kind = e.name.equals("sched_process_fork") ? 1
                : e.name.equals("sched_wakeup") || e.name.equals("sched_wakeup_new") ? 2
                : e.name.equals("sched_process_exit") ? 3
                : e.name.equals("signal_generate") ? 4 : 0;
            if (kind == 0) {
                continue;
            }
            double x = LABEL + (e.timeNs - t0) * scale;
            double y = e.cpu * lane + 2 + (lane - 3) / 2.0;
            g.setFillStyle(fg);
            g.beginPath();
            if (kind == 1) {
                g.moveTo(x, y - 6);
                g.lineTo(x + 5, y + 4);
                g.lineTo(x - 5, y + 4);
                g.closePath();
            } else if (kind == 2) {
                g.arc(x, y, 3.5, 0, 6.2832);
            } else if (kind == 4) {
                g.moveTo(x, y - 6);
                g.lineTo(x + 5, y);
                g.lineTo(x, y + 6);
                g.lineTo(x - 5, y);
                g.closePath();
                signals++;
            } else {
                g.rect(x - 4, y - 1.5, 8, 3);
                g.rect(x - 1.5, y - 4, 3, 8);
            }
            g.fill();
            g.stroke();
        }
        canvas.setAttribute("data-signals", Integer.toString(signals));
    }

    /** Tick marks on the canvas; their labels are text in the page (canvas text is slow to draw). */
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
        for (long t = (t0 + tick - 1) / tick * tick; t <= t1; t += tick) {
            double x = LABEL + (t - t0) * scale;
            g.fillRect(x, y, 1, 4);
            if (x + 60 < cssW) {
                HTMLElement l = Dom.add(axisBox, "span", null, kthreadlab.format.Time.format(t));
                l.setAttribute("style", "left:" + (int) (x + 2) + "px;top:" + (int) (y + 2) + "px");
            }
        }
    }

    /** The CPU names beside the lanes, rebuilt when the number of CPUs or the lane height changes. */
    private void labels(int cpus) {
        if (labelCpus == cpus && labelLane == lane) {
            return;
        }
        labelCpus = cpus;
        labelLane = lane;
        Dom.clear(labelBox);
        for (int c = 0; c < cpus; c++) {
            if (lane >= 12 || c % 8 == 0) {
                HTMLElement l = Dom.add(labelBox, "span", null, "CPU" + c);
                l.setAttribute("style", "top:" + (c * lane + 2) + "px;line-height:" + (lane - 3) + "px");
            }
        }
    }
}
