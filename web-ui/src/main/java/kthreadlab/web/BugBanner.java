package kthreadlab.web;

import kthreadlab.snapshot.Snapshot;
import org.teavm.jso.dom.html.HTMLElement;

/** The BUG banner: a broken invariant at the shown step (with who ran last), or why the run stopped. */
final class BugBanner implements Pane {
    private final HTMLElement root = Dom.byId("bug");

    @Override
    public void render(StepView v) {
        Snapshot s = v.snap;
        if (s == null) {
            return;
        }
        String text = null;
        boolean head = v.step == v.history.recorded();
        // An invariant broken after the last recorded step is the head's (History.bug), not the replay's.
        String bug = s.bug != null ? s.bug : head ? v.history.bug() : null;
        if (bug != null) {
            text = bug;
            if (s.lastTask >= 0) {
                text += " — CPU" + s.lastCpu + " was running " + Fmt.task(s, s.lastTask) + " in " + s.lastFunction
                    + "()";
            }
        } else if (v.history.error() != null && head) {
            text = "kthreadlab: " + v.history.error() + ". The run stops at step " + v.history.recorded() + ".";
        }
        Dom.show(root, text != null);
        Dom.text(root, text == null ? "" : text);
    }
}
