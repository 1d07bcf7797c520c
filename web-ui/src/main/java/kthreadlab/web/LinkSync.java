package kthreadlab.web;

import kthreadlab.scenario.View;
import org.teavm.jso.browser.Window;

/**
 * The address bar: it holds the link of the view shown (written once the view settles) and a link
 * the reader types or follows there is opened. A link is the scenario's part, made and checked
 * once per scenario, plus the view (step, language, file, followed pid, embed).
 */
final class LinkSync {
    /** Quiet time after the last change of the view before the address bar is written (ms). */
    static final int LINK_SETTLE_MS = 150;

    private final Runner runner;
    private final Page page;
    /** The scenario's part of every link. */
    private String scenarioPart;
    /** The view changed since the address bar was last written. */
    private boolean dirty;
    /** The debounce timer of the address bar (0: none). */
    private int timer;

    /** What the address bar needs of the page. */
    interface Page {
        /** The view shown, or null before a scenario. */
        View view();

        /** Shows what a link holds (a readable one). */
        void open(ShareLinks.Opened o);

        void message(String m);
    }

    LinkSync(Runner runner, Page page) {
        this.runner = runner;
        this.page = page;
    }

    /** A new scenario is shown; `part` is its part of every link. */
    void scenario(String part) {
        scenarioPart = part;
    }

    /** The link holds the scenario shown. */
    boolean shows(ShareLinks.Opened o) {
        return scenarioPart != null && scenarioPart.equals(o.scenarioPart);
    }

    /** The link of the view shown, with '#' (or null if it cannot be written). */
    String link() {
        View v = page.view();
        return v == null ? null : ShareLinks.link(scenarioPart, v);
    }

    /** The link of the view shown, embedded (for the Embed snippet), or null. */
    String embedLink() {
        View v = page.view();
        return v == null ? null : ShareLinks.link(scenarioPart, v.withEmbed(true));
    }

    /** The address bar changed (the reader typed or followed a link): a link that differs is opened. */
    void hashChanged() {
        String h = Dom.fragment();
        if (h.equals(link())) {
            return;
        }
        ShareLinks.Opened o = ShareLinks.open(h);
        if (o == null) {
            return;
        }
        if (o.error != null) {
            page.message(o.error + " The current view is kept.");
            return;
        }
        page.open(o);
    }

    /**
     * The view changed. The address bar is written only once it settles: never while a job (Play,
     * Run to end, a search) moves the view, and LINK_SETTLE_MS after the last change when idle.
     * Writing it forces a synchronous layout of the whole page, too slow for every step.
     * #page[data-link] is "pending" until the address bar shows the view (tests wait on it).
     * An embedded view's link to the full app is written at once (it forces no layout), so a
     * reader who opens it mid-Play gets the step shown.
     */
    void viewChanged() {
        View v = page.view();
        if (v != null && v.embed && scenarioPart != null) {
            embedOpen(ShareLinks.link(scenarioPart, v));
        }
        if (!dirty) {
            dirty = true;
            Dom.byId("page").setAttribute("data-link", "pending");
        }
        if (!runner.busy()) {
            settle();
        }
    }

    /** A job started or ended: once none runs, the address bar catches up with the view. */
    void busyChanged() {
        if (!runner.busy() && dirty) {
            settle();
        }
    }

    /** (Re)arms the debounce: the address bar is written when the view has been still for a while. */
    private void settle() {
        if (timer != 0) {
            Window.clearTimeout(timer);
        }
        timer = Window.setTimeout(() -> Guard.run("link", () -> {
            timer = 0;
            if (!runner.busy()) {
                flush();
            }
        }), LINK_SETTLE_MS);
    }

    /** Writes the address bar now if the view changed since it was last written. */
    void flush() {
        if (timer != 0) {
            Window.clearTimeout(timer);
            timer = 0;
        }
        if (dirty) {
            dirty = false;
            replaceFragment();
            Dom.byId("page").setAttribute("data-link", "settled");
        }
    }

    private void replaceFragment() {
        String l = link();
        if (l != null) {
            Dom.replaceFragment(l.substring(1));
        }
    }

    /** The embedded view's link to the full app at the same view (its link without embed=1). */
    private static void embedOpen(String l) {
        int at = l.lastIndexOf("&embed=1");
        String full = at < 0 ? l : l.substring(0, at) + l.substring(at + "&embed=1".length());
        Dom.byId("embed-open").setAttribute("href", Exports.pageUrl() + full);
    }
}
