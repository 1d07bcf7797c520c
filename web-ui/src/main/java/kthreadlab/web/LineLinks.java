package kthreadlab.web;

import org.teavm.jso.JSBody;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The source's line numbers link to Elixir, but only one of them is a Tab stop (roving tabindex):
 * the current line's, else the first marked line's, else none. Every other line number has
 * tabindex -1 from the moment it is built, so Tab goes from the source to the event log at once.
 */
final class LineLinks {
    private HTMLElement stop;

    /** Moves the Tab stop to the line shown as current in the open file (its box; null: none). */
    void update(HTMLElement file) {
        HTMLElement a = file == null ? null : markedLink(file);
        if (a == stop) {
            return;
        }
        if (stop != null) {
            // back exactly as built: Step then Step back restores the row's markup
            stop.setAttribute("tabindex", "-1");
            stop.removeAttribute("aria-label");
        }
        stop = a;
        if (a != null) {
            a.setAttribute("tabindex", "0");
            a.setAttribute("aria-label", "line " + a.getTextContent() + " on Elixir");
        }
    }

    /**
     * The link of the current line, else of the first line a task is at, in one file's box (hidden
     * files keep their tasks' chips). Live class collections: no scan of the file's rows at every step.
     */
    @JSBody(params = "src", script = "var r = src.getElementsByClassName('line cur')[0]"
        + " || src.getElementsByClassName('line at')[0]; return r ? r.querySelector('a.no') : null;")
    private static native HTMLElement markedLink(HTMLElement src);
}
