package kthreadlab.web;

import org.teavm.jso.dom.html.HTMLElement;

/**
 * The line that shows long work's progress (a download, opening a link far into a run), above the
 * message line: what is being done, a progress bar when the share done is known, Cancel, and a go
 * button when the page asks first. Cancel stops the foreground job (its cancelled() says what was
 * stopped), or, while asking, declines and says so.
 */
final class Progress {
    private final HTMLElement box;
    private final HTMLElement text;
    private final HTMLElement bar;
    private final HTMLElement go;
    private Runnable onGo;
    /** Said when the reader declines what the page asked. */
    private String declined = "";

    Progress(App app) {
        box = Dom.el("div", "bar export-progress");
        box.setAttribute("id", "export-progress");
        box.setAttribute("role", "status");
        text = Dom.add(box, "span", "export-text");
        bar = Dom.add(box, "progress", null);
        bar.setAttribute("max", "1");
        bar.setAttribute("aria-label", "Download progress");
        // the buttons sit at the line's right end, Cancel last: Cancel stays where it is when the
        // text changes or "Build it" appears, so a click on its way never lands on "Build it"
        HTMLElement actions = Dom.add(box, "span", "export-actions");
        go = Dom.button(null, "Build it");
        go.setAttribute("id", "export-build");
        actions.appendChild(go);
        HTMLElement cancel = Dom.button(null, "Cancel");
        cancel.setAttribute("id", "export-cancel");
        actions.appendChild(cancel);
        go.addEventListener("click", e -> app.intent("build the download", () -> {
            Runnable r = onGo;
            hide();
            if (r != null) {
                r.run();
            }
        }));
        cancel.addEventListener("click", e -> app.intent("cancel", () -> {
            boolean asking = onGo != null;
            String said = declined;
            hide();
            if (asking) {
                app.setMessage(said);
            } else {
                app.cancelJob();
            }
        }));
        HTMLElement message = Dom.byId("message");
        message.getParentNode().insertBefore(box, message);
        Dom.show(box, false);
    }

    /** Shows the line: `done` in [0, 1] fills the bar (negative: no bar); `onGo` non-null asks first. */
    void show(String what, double done, Runnable onGo) {
        ask(what, done, "Build it", onGo, "The download was not built.");
    }

    /** Shows the line and asks first: `goLabel` runs `onGo`; Cancel says `declined`. */
    void ask(String what, double done, String goLabel, Runnable onGo, String declined) {
        this.onGo = onGo;
        this.declined = declined;
        Dom.text(go, goLabel);
        Dom.text(text, what);
        Dom.show(bar, done >= 0);
        if (done >= 0) {
            bar.setAttribute("value", Double.toString(Math.min(1, done)));
        }
        Dom.show(go, onGo != null);
        Dom.show(box, true);
    }

    void hide() {
        onGo = null;
        Dom.show(box, false);
    }
}
