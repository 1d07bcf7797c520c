package kthreadlab.web;

import kthreadlab.format.Time;
import kthreadlab.history.History;
import kthreadlab.snapshot.Snapshot;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The status line: the step shown of the steps recorded ('+' while recording goes on), its time,
 * and which CPU ran which task in which function. Drawn again as recording adds steps.
 */
final class StatusLine implements Pane {
    private final HTMLElement root = Dom.byId("status");

    @Override
    public void render(StepView v) {
        History h = v.history;
        Snapshot s = v.snap;
        StringBuilder sb = new StringBuilder("step ").append(v.step).append(" of ").append(h.recorded());
        if (!h.ended()) {
            sb.append("+");
        }
        sb.append(" · t = ").append(Time.format(h.timeAt(v.step)));
        if (s != null && s.lastTask >= 0) {
            sb.append(" · CPU").append(s.lastCpu).append(" ran ").append(Fmt.task(s, s.lastTask)).append(" in ")
                .append(s.lastFunction).append("()");
        }
        if (h.ended() && v.step == h.recorded()) {
            sb.append(" · end of the run");
        }
        Dom.text(root, sb.toString());
    }
}
