package kthreadlab.web;

import org.teavm.jso.browser.Window;

/** An action run at the next animation frame: once, however often it is asked for before then. */
final class NextFrame {
    private final Runnable run;
    private boolean requested;

    /** `what` names the action in the page's message if it fails. */
    NextFrame(String what, Runnable action) {
        run = () -> {
            requested = false;
            Guard.run(what, action);
        };
    }

    void request() {
        if (!requested) {
            requested = true;
            Window.requestAnimationFrame(t -> run.run());
        }
    }
}
