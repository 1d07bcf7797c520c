package kthreadlab.web;

import java.util.ArrayList;
import java.util.List;
import kthreadlab.history.History;
import kthreadlab.trace.Ftrace;
import kthreadlab.trace.TraceEvent;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.xml.Node;

/**
 * The trace in ftrace form up to the shown step, newest last and scrolled into view; the events of
 * the last step are marked. Only the last WINDOW lines are in the page; moving by a step adds and
 * removes lines at the ends instead of rebuilding.
 */
final class EventLog {
    static final int WINDOW = 250;

    private final HTMLElement root;
    private final HTMLElement count;
    private final List<HTMLElement> marked = new ArrayList<>();
    private History history;
    private int from;
    private int to;

    EventLog(HTMLElement root, HTMLElement count) {
        this.root = root;
        this.count = count;
    }

    void render(History h, long n) {
        List<TraceEvent> tp = h.tracepoints();
        int end = h.firstTracepointAfter(n);
        int start = Math.max(0, end - WINDOW);
        if (h != history || start >= to || end <= from) {
            Dom.clear(root);
            history = h;
            marked.clear();
            from = start;
            to = start;
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
            root.insertBefore(line(tp.get(from)), root.getFirstChild());
        }
        while (to < end) {
            root.appendChild(line(tp.get(to)));
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
        Dom.text(count, end == 0 ? "no events yet" : Fmt.count(end, "event") + (start > 0 ? ", last " + (end - start) + " shown" : ""));
        root.setScrollTop(root.getScrollHeight());
    }

    private static HTMLElement line(TraceEvent e) {
        HTMLElement d = Dom.el("div", "ev", Ftrace.line(e));
        d.setAttribute("data-step", Long.toString(e.step + 1));
        return d;
    }
}
