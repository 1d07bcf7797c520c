package kthreadlab.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The source pane's file tabs: a toolbar that is one Tab stop. ← → Home End move the focus along
 * the tabs (there they do not step the simulation); Enter or Space opens the focused file, as a
 * click does. What must hold: exactly one tab has tabindex 0 — the one last focused while the focus
 * is among the tabs, otherwise the shown file's — and only the shown file's tab is aria-pressed.
 */
final class FileTabs {
    private final HTMLElement bar;
    private final List<HTMLElement> tabs = new ArrayList<>();
    private final Map<String, HTMLElement> byFile = new HashMap<>();
    private final Map<String, HTMLElement> countByFile = new HashMap<>();
    private String pressed;

    FileTabs(HTMLElement bar) {
        this.bar = bar;
        bar.setAttribute("role", "toolbar");
        bar.addEventListener("keydown", e -> Guard.run("file tabs", () -> key((KeyboardEvent) e)));
        bar.addEventListener("focusin", e -> Guard.run("file tabs", () -> {
            HTMLElement t = Dom.closest(e.getTarget(), "tab");
            if (t != null) {
                stopAt(t);
            }
        }));
    }

    /** One tab per path, in order; `open` runs with the path when a tab is clicked (or activated by key). */
    void fill(List<String> paths, String shown, Consumer<String> open) {
        Dom.clear(bar);
        tabs.clear();
        byFile.clear();
        countByFile.clear();
        for (String path : paths) {
            HTMLElement tab = Dom.button("tab", path);
            tab.setAttribute("data-file", path);
            tab.setAttribute("aria-pressed", "false");
            countByFile.put(path, Dom.add(tab, "span", "count"));
            tab.addEventListener("click", e -> Guard.run("open file", () -> open.accept(path)));
            bar.appendChild(tab);
            tabs.add(tab);
            byFile.put(path, tab);
        }
        pressed = null;
        press(shown);
    }

    /** Marks the shown file's tab; it becomes the Tab stop unless the focus is among the tabs. */
    void press(String path) {
        HTMLElement was = byFile.get(pressed);
        if (was != null) {
            was.setAttribute("aria-pressed", "false");
        }
        pressed = path;
        HTMLElement now = byFile.get(path);
        if (now != null) {
            now.setAttribute("aria-pressed", "true");
        }
        HTMLElement f = Dom.focused();
        if (f == null || !tabs.contains(f)) {
            stopAt(now != null ? now : tabs.isEmpty() ? null : tabs.get(0));
        }
    }

    /** The text after a file's name (how many tasks are in it). */
    void count(String path, String text) {
        HTMLElement c = countByFile.get(path);
        if (c != null) {
            Dom.text(c, text);
        }
    }

    private void stopAt(HTMLElement stop) {
        for (HTMLElement t : tabs) {
            String want = t == stop ? "0" : "-1";
            if (!want.equals(t.getAttribute("tabindex"))) {
                t.setAttribute("tabindex", want);
            }
        }
    }

    private void key(KeyboardEvent e) {
        if (e.isCtrlKey() || e.isMetaKey() || e.isAltKey() || e.isShiftKey()) {
            return;
        }
        int at = tabs.indexOf(Dom.closest(e.getTarget(), "tab"));
        int to = at < 0 ? -1 : along(e.getKey(), at, tabs.size());
        if (to < 0) {
            return;
        }
        e.preventDefault();
        stopAt(tabs.get(to));
        tabs.get(to).focus();
    }

    /** The tab a key moves the focus to from tab `at` of n (← → go round), or -1 for a key that does not move it. */
    private static int along(String key, int at, int n) {
        switch (key) {
            case "ArrowRight":
                return (at + 1) % n;
            case "ArrowLeft":
                return (at + n - 1) % n;
            case "Home":
                return 0;
            case "End":
                return n - 1;
            default:
                return -1;
        }
    }

    /** Keys that move along the tabs when one of them has the focus (the page's shortcuts leave them alone). */
    static boolean movesAlong(HTMLElement target, String key) {
        return along(key, 0, 1) >= 0 && Dom.closestMatch(target, "[role=toolbar] > .tab") != null;
    }
}
