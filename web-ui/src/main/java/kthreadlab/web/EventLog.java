package kthreadlab.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kthreadlab.history.History;
import kthreadlab.trace.Ftrace;
import kthreadlab.trace.TraceEvent;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.xml.Node;

/**
 * The trace in ftrace form up to the shown step, newest last; the log box (CSS column-reverse)
 * keeps its bottom in view without a forced layout. The events of the last step are marked. The box
 * offers the last WINDOW lines, and only those near its view are in the page: after a jump (a seek,
 * a fresh load) the last NEAR, above them a padding of the others' height; the reader scrolling the
 * box or moving into it brings in the rest. Moving by a step adds and removes lines at the ends
 * instead of rebuilding.
 */
final class EventLog implements Pane {
    static final int WINDOW = 60;
    /** Lines in the page after a jump: the box shows about six. */
    static final int NEAR = 12;
    /** Formatted lines kept: a power of two, a few windows. */
    private static final int RING = 256;

    private final HTMLElement root;
    private final HTMLElement count;
    private final List<HTMLElement> marked = new ArrayList<>();
    private History history;
    private long step;
    /** Lines wanted in the page: NEAR after a jump, WINDOW once the reader went into the box. */
    private int want = NEAR;
    /** Lines of padding above the first line, standing for those of the window not in the page. */
    private int padded;
    /** The box is scrolled up from its last line, or has the focus: a jump keeps the whole window. */
    private boolean scrolledUp;
    private boolean focused;
    /**
     * Formatted lines by tracepoint index (formatting costs more than inserting): line i at
     * [i % RING] while textIndex there is i. Only the lines near the window are kept, so that
     * stepping back and forth reuses them; a seek's lines are forgotten a few seeks later instead
     * of being kept for the page's life (each seek made 60 more, all promoted to the old heap).
     */
    private final String[] text = new String[RING];
    private final int[] textIndex = new int[RING];
    private int from;
    private int to;

    EventLog(HTMLElement root, HTMLElement count) {
        this.root = root;
        this.count = count;
        Arrays.fill(textIndex, -1);
        HTMLElement box = (HTMLElement) root.getParentNode();
        // column-reverse: scrollTop is 0 with the last line at the bottom, negative above it
        box.addEventListener("scroll", e -> Guard.run("event log", () -> {
            scrolledUp = Math.abs(box.getScrollTop()) > 1;
            bringAll();
        }));
        box.addEventListener("focusin", e -> Guard.run("event log", () -> {
            focused = true;
            bringAll();
        }));
        box.addEventListener("focusout", e -> focused = false);
    }

    /** The reader scrolls the box or moves into it: the whole window comes into the page. */
    private void bringAll() {
        if (want < WINDOW && history != null) {
            want = WINDOW;
            render(history, step);
        }
    }

    @Override
    public void render(StepView v) {
        render(v.history, v.step);
    }

    private void render(History h, long n) {
        step = n;
        List<TraceEvent> tp = h.tracepoints();
        // At the end of a run cut at `until`, the events due after the last step are shown too.
        int end = h.ended() && n >= h.recorded() ? tp.size() : h.firstTracepointAfter(n);
        int start = Math.max(0, end - want);
        if (h != history) {
            Arrays.fill(textIndex, -1);
        }
        if (h != history || start >= to || end <= from) {
            history = h;
            want = scrolledUp || focused ? WINDOW : NEAR;
            start = Math.max(0, end - want);
            rewrite(tp, start, end);
        }
        while (to > end) {
            root.removeChild(root.getLastChild());
            to--;
        }
        while (from < start) {
            root.removeChild(root.getFirstChild());
            from++;
        }
        while (from > start) {
            from--;
            root.insertBefore(line(tp, from), root.getFirstChild());
        }
        while (to < end) {
            root.appendChild(line(tp, to));
            to++;
        }
        for (HTMLElement e : marked) {
            e.getClassList().remove("now");
        }
        marked.clear();
        Node child = root.getLastChild();
        for (int i = end - 1; i >= start && tp.get(i).step == n - 1 && child != null; i--) {
            HTMLElement e = (HTMLElement) child;
            e.getClassList().add("now");
            marked.add(e);
            child = child.getPreviousSibling();
        }
        pad(Math.min(WINDOW, end) - (end - start));
        Dom.text(count, end == 0 ? "no events yet" : Fmt.count(end, "event") + (end > WINDOW ? ", last " + WINDOW + " shown" : ""));
    }

    /** Keeps the box's height for the window's lines not in the page (each 1.4em, as the stylesheet's). */
    private void pad(int lines) {
        if (lines != padded) {
            padded = lines;
            if (lines > 0) {
                root.setAttribute("style", "padding-top:calc(" + lines + " * 1.4em)");
            } else {
                root.removeAttribute("style");
            }
        }
    }

    /**
     * Shows lines [start, end) in the lines there are (a jump far from the lines shown: a seek),
     * each rewritten as line() would make it; lines are added or removed at the end to match.
     */
    private void rewrite(List<TraceEvent> tp, int start, int end) {
        marked.clear();
        Node child = root.getFirstChild();
        int i = start;
        for (; i < end && child != null; i++) {
            // a line is a div holding one text node (line())
            ((HTMLElement) child).setClassName(cls(tp, i));
            child.getFirstChild().setNodeValue(text(tp, i));
            child = child.getNextSibling();
        }
        while (child != null) {
            Node next = child.getNextSibling();
            root.removeChild(child);
            child = next;
        }
        from = start;
        to = i;
    }

    private HTMLElement line(List<TraceEvent> tp, int i) {
        return Dom.el("div", cls(tp, i), text(tp, i));
    }

    /** A signal stands out: it changes what the target does next (SIGKILL ends a waiting creator). */
    private static String cls(List<TraceEvent> tp, int i) {
        return tp.get(i).name.startsWith("signal_") ? "ev signal" : "ev";
    }

    private String text(List<TraceEvent> tp, int i) {
        int k = i & (RING - 1);
        if (textIndex[k] != i) {
            text[k] = Ftrace.line(tp.get(i));
            textIndex[k] = i;
        }
        return text[k];
    }
}
