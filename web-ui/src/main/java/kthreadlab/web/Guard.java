package kthreadlab.web;

import org.teavm.jso.dom.html.HTMLElement;

/** Event handlers run guarded: an exception is reported on the page and in the console, never thrown. */
final class Guard {
    private Guard() {
    }

    static void run(String what, Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            System.out.println("kthreadlab: " + what + " failed: " + e);
            try {
                HTMLElement m = Dom.byId("message");
                Dom.text(m, "Something went wrong (" + what + "): " + e);
                Dom.show(m, true);
            } catch (RuntimeException ignored) {
                // nothing more to do
            }
        }
    }
}
