package kthreadlab.web;

import java.util.ArrayList;
import java.util.List;
import kthreadlab.history.History;
import kthreadlab.scenario.Presets;
import kthreadlab.snapshot.Snapshot;
import org.teavm.jso.dom.events.KeyboardEvent;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.dom.html.HTMLSelectElement;

/**
 * The controls: buttons, speed, scrubber, go to step, preset, language and follow pickers, the
 * keyboard shortcuts and the help overlay. Each turns into one intent on the App.
 */
final class Controls {
    private final App app;
    private final Navigator nav;
    private final HTMLElement stepBtn = Dom.byId("btn-step");
    private final HTMLElement backBtn = Dom.byId("btn-back");
    private final HTMLElement overBtn = Dom.byId("btn-over");
    private final HTMLElement playBtn = Dom.byId("btn-play");
    private final HTMLElement pauseBtn = Dom.byId("btn-pause");
    private final HTMLElement resetBtn = Dom.byId("btn-reset");
    private final HTMLSelectElement speed = (HTMLSelectElement) Dom.byId("speed");
    private final HTMLInputElement scrubber = (HTMLInputElement) Dom.byId("scrubber");
    private final HTMLInputElement gotoField = (HTMLInputElement) Dom.byId("goto");
    private final HTMLSelectElement preset = (HTMLSelectElement) Dom.byId("preset");
    private final HTMLSelectElement lang = (HTMLSelectElement) Dom.byId("lang");
    private final HTMLSelectElement follow = (HTMLSelectElement) Dom.byId("follow");
    private final HTMLInputElement notes = (HTMLInputElement) Dom.byId("notes");
    private final HTMLElement help = Dom.byId("help");
    /** What had focus when the help opened (it gets it back when the help closes). */
    private HTMLElement helpOpener;
    /** The preset control's option for an edited scenario, or null. */
    private HTMLElement custom;
    /** Per task (by index in the snapshot): the task its Follow choice names, and the choice; null when not listed. */
    private List<Snapshot.TaskView> followShown;
    private List<HTMLElement> followOpts;
    /** Per task index: its choice is in the select; and past followTop none is. */
    private List<Boolean> followIn;
    private int followTop;
    private String scrubMax = "";
    private String scrubValue = "";

    Controls(App app, Navigator nav) {
        this.app = app;
        this.nav = nav;
        on(stepBtn, "Step", nav::step);
        on(backBtn, "Step back", nav::back);
        on(overBtn, "Step over", nav::stepOver);
        on(playBtn, "Play", nav::play);
        on(pauseBtn, "Pause", nav::pause);
        on(resetBtn, "Reset", nav::reset);
        on(Dom.byId("btn-fork"), "Next fork", () -> nav.runToNext(Navigator.FORK, "fork"));
        on(Dom.byId("btn-switch"), "Next context switch", () -> nav.runToNext(Navigator.SWITCH, "context switch"));
        on(Dom.byId("btn-wakeup"), "Next wakeup", () -> nav.runToNext(Navigator.WAKEUP, "wakeup"));
        on(Dom.byId("btn-end"), "Run to end", nav::runToEnd);
        on(Dom.byId("btn-help"), "Help", this::toggleHelp);
        on(Dom.byId("help-close"), "Close help", this::toggleHelp);
        scrubber.addEventListener("input", e -> app.intent("scrubber", () -> {
            long v = parse(scrubber.getValue());
            if (v >= 0 && v <= nav.history().recorded()) {
                if (nav.playing()) {
                    nav.pause(); // else go() updates the controls once, as pause() would first
                }
                nav.go(v);
            }
        }));
        Dom.byId("goto-form").addEventListener("submit", e -> {
            e.preventDefault();
            app.intent("go to step", () -> {
                long v = parse(gotoField.getValue().trim());
                if (v < 0) {
                    app.setMessage("Go to step: '" + clip(gotoField.getValue()) + "' is not a step number (0, 1, 2, …).");
                    return;
                }
                nav.pause();
                nav.goFar(v);
            });
        });
        preset.addEventListener("change", e -> app.intent("preset", () -> {
            if (!preset.getValue().isEmpty()) {
                app.choosePreset(preset.getValue());
            }
        }));
        lang.addEventListener("change", e -> app.intent("language", () -> app.setLang(lang.getValue())));
        follow.addEventListener("change", e -> app.intent("follow", () -> app.setFollow(Integer.parseInt(follow.getValue()))));
        notes.addEventListener("change", e -> app.intent("notes", () ->
            Dom.setClass(Dom.byId("source"), "no-notes", !notes.isChecked())));
        // capture phase: a focused <select> or button sees the key only after the shortcuts had it
        Dom.doc().addEventListener("keydown", e -> Guard.run("keyboard", () -> key((KeyboardEvent) e)), true);
        help.addEventListener("close", e -> Guard.run("help", () -> {
            if (helpOpener != null) {
                helpOpener.focus();
                helpOpener = null;
            }
        }));
        selectLang(app.lang());
    }

    private void on(HTMLElement b, String what, Runnable r) {
        b.addEventListener("click", e -> app.intent(what, r));
    }

    private static long parse(String s) {
        if (s.isEmpty() || s.length() > 12) {
            return -1;
        }
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static String clip(String s) {
        return s.length() > 30 ? s.substring(0, 30) + "…" : s;
    }

    /** Steps per second, or 0 for as fast as possible. */
    double speed() {
        String v = speed.getValue();
        return v.equals("max") ? 0 : Math.max(1, parse(v));
    }

    void update(History h, long pos, boolean playing) {
        boolean atEnd = h.ended() && pos >= h.recorded();
        HTMLElement focused = Dom.focused();
        setDisabled(backBtn, pos == 0);
        setDisabled(stepBtn, atEnd);
        setDisabled(overBtn, atEnd);
        setDisabled(playBtn, playing || atEnd);
        setDisabled(pauseBtn, !playing);
        if (focused != null && focused.hasAttribute("disabled")) {
            keepFocus(focused);
        }
        String max = Long.toString(h.recorded());
        if (!max.equals(scrubMax)) {
            scrubMax = max;
            scrubber.setAttribute("max", max);
        }
        String v = Long.toString(pos);
        if (!v.equals(scrubValue) || !v.equals(scrubber.getValue())) {
            scrubValue = v;
            scrubber.setValue(v);
        }
        scrubber.setAttribute("aria-valuetext", "step " + pos + " of " + h.recorded() + (h.ended() ? "" : " so far"));
        gotoField.setAttribute("placeholder", v);
    }

    /**
     * A focused button that becomes disabled hands focus to its neighbour that still works (Play to
     * Pause and back, Step to Step back and back, else Reset): focus never drops to the page.
     */
    private void keepFocus(HTMLElement was) {
        HTMLElement[] order = was == playBtn ? new HTMLElement[] {pauseBtn, stepBtn, resetBtn}
            : was == pauseBtn ? new HTMLElement[] {playBtn, stepBtn, backBtn, resetBtn}
            : was == backBtn ? new HTMLElement[] {stepBtn, playBtn, resetBtn}
            : new HTMLElement[] {backBtn, resetBtn};
        for (HTMLElement b : order) {
            if (!b.hasAttribute("disabled")) {
                b.focus();
                return;
            }
        }
    }

    private static void setDisabled(HTMLElement b, boolean d) {
        if (d != b.hasAttribute("disabled")) {
            if (d) {
                b.setAttribute("disabled", "");
            } else {
                b.removeAttribute("disabled");
            }
        }
    }

    void fillPresets(String l) {
        Dom.clear(preset);
        custom = null;
        for (Presets.Preset p : Presets.all()) {
            HTMLElement o = Dom.add(preset, "option", null, p.name + " — " + (l.equals("zh") ? p.zh : p.en));
            o.setAttribute("value", p.name);
            if (l.equals("zh")) {
                o.setAttribute("lang", "zh-CN");
            }
        }
    }

    /**
     * Shows the preset (name) or, for an edited or imported scenario (name null), an option of its
     * own at the top naming its title: the control never stands blank.
     */
    void selectPreset(String name, String title) {
        if (custom != null) {
            preset.removeChild(custom);
            custom = null;
        }
        if (name == null) {
            custom = Dom.el("option", null, "your scenario: " + (title.isEmpty() ? "untitled" : title));
            custom.setAttribute("value", "");
            custom.setAttribute("data-custom", "");
            preset.insertBefore(custom, preset.getFirstChild());
        }
        preset.setValue(name == null ? "" : name);
    }

    void selectLang(String l) {
        lang.setValue(l);
    }

    /**
     * The Follow choices list the live tasks (and the followed one, even dead), by task, after
     * the two fixed choices. Updated in place: a fork adds its tasks' choices, an exit removes
     * one, a seek changes a few; a choice is written only when its task's name changed. A choice
     * taken out (a seek to where its task is not yet, or is dead) is kept with what it shows and
     * put back when its task is listed again: a seek across the run's first forks and back moves
     * a few dozen choices without building them again. The select's value is set only when it
     * differs (selecting an option costs as much as a few dozen inserts).
     */
    void showFollowChoices(Snapshot s, int current) {
        if (followShown == null) {
            Dom.clear(follow);
            option(StepView.AUTO, "the task that stepped");
            option(StepView.NONE, "no one (read freely)");
            followShown = new ArrayList<>();
            followOpts = new ArrayList<>();
            followIn = new ArrayList<>();
        }
        int n = s.tasks.size();
        while (followOpts.size() < n) {
            followShown.add(null);
            followOpts.add(null);
            followIn.add(false);
        }
        boolean changed = false;
        for (int i = Math.min(followTop, followOpts.size()) - 1; i >= n; i--) {
            changed |= unlist(i);
        }
        followTop = n;
        HTMLElement after = null;
        for (int i = n - 1; i >= 0; i--) {
            Snapshot.TaskView t = s.tasks.get(i);
            if (t.dead && t.id != current) {
                changed |= unlist(i);
                continue;
            }
            HTMLElement o = followOpts.get(i);
            if (o == null) {
                o = Dom.el("option", null, Fmt.task(t));
                o.setAttribute("value", Integer.toString(t.id));
                followOpts.set(i, o);
            } else if (!TaskChip.same(followShown.get(i), t)) {
                Dom.text(o, Fmt.task(t));
                o.setAttribute("value", Integer.toString(t.id));
                changed = true;
            }
            followShown.set(i, t);
            if (!followIn.get(i)) {
                follow.insertBefore(o, after);
                followIn.set(i, true);
                changed = true;
            }
            after = o;
        }
        String want = Integer.toString(current);
        if (changed && !want.equals(follow.getValue())) {
            follow.setValue(want);
        }
    }

    /** Takes task i's choice out of the select (kept for when it is listed again); true if it was in. */
    private boolean unlist(int i) {
        if (!followIn.get(i)) {
            return false;
        }
        follow.removeChild(followOpts.get(i));
        followIn.set(i, false);
        return true;
    }

    void selectFollow(int id) {
        follow.setValue(Integer.toString(id));
    }

    private void option(int value, String label) {
        HTMLElement o = Dom.add(follow, "option", null, label);
        o.setAttribute("value", Integer.toString(value));
    }

    /** The help is a modal dialog: the page behind is inert and dimmed, Esc or Close closes it. */
    void toggleHelp() {
        if (Dom.dialogOpen(help)) {
            Dom.closeDialog(help);
            return;
        }
        helpOpener = Dom.focused();
        Dom.showModal(help);
        Dom.byId("help-close").focus();
    }

    /**
     * The shortcuts work wherever focus is, except where a key types text (text fields, text
     * areas, editable content) or where it is the control's own way to act: Space and Enter on
     * buttons, links, checkboxes and selects, the arrows on the scrubber, Up and Down in a select.
     */
    private void key(KeyboardEvent e) {
        if (e.isCtrlKey() || e.isMetaKey() || e.isAltKey()) {
            return;
        }
        String k = e.getKey();
        if (Dom.dialogOpen(help)) {
            // Esc and ? close it; nothing else acts behind it
            if (k.equals("?") || k.equals("Escape")) {
                e.preventDefault();
                toggleHelp();
            }
            return;
        }
        HTMLElement t = (HTMLElement) e.getTarget();
        if (typesText(t) || nativeKey(t, k) || FileTabs.movesAlong(t, k)) {
            return;
        }
        Runnable r = action(k, e.isShiftKey());
        if (r != null) {
            e.preventDefault();
            app.intent("key " + k, r);
        }
    }

    private static String tag(HTMLElement t) {
        return t == null || t.getTagName() == null ? "" : t.getTagName().toLowerCase();
    }

    /** Keys typed here are text. */
    static boolean typesText(HTMLElement t) {
        String tag = tag(t);
        if (tag.equals("textarea") || t != null && Dom.editable(t)) {
            return true;
        }
        if (!tag.equals("input")) {
            return false;
        }
        String type = t.getAttribute("type");
        type = type == null ? "text" : type.toLowerCase();
        return !(type.equals("range") || type.equals("checkbox") || type.equals("radio") || type.equals("button")
            || type.equals("submit") || type.equals("reset") || type.equals("file"));
    }

    /** This key is the focused control's own (it activates, toggles or moves it). */
    private static boolean nativeKey(HTMLElement t, String k) {
        String tag = tag(t);
        boolean activate = k.equals(" ") || k.equals("Enter");
        if (tag.equals("button") || tag.equals("a") || tag.equals("summary") || tag.equals("input") && !isRange(t)) {
            return activate;
        }
        if (tag.equals("select")) {
            return activate || k.equals("ArrowUp") || k.equals("ArrowDown");
        }
        if (isRange(t)) {
            return k.startsWith("Arrow") || k.equals("Home") || k.equals("End") || k.startsWith("Page");
        }
        return false;
    }

    private static boolean isRange(HTMLElement t) {
        return tag(t).equals("input") && "range".equals(t.getAttribute("type"));
    }

    private Runnable action(String k, boolean shift) {
        switch (k) {
            case "ArrowRight":
                return shift ? nav::stepOver : nav::step;
            case "ArrowLeft":
                return nav::back;
            case " ":
                return nav::togglePlay;
            case "o":
                return nav::stepOver;
            case "Home":
            case "r":
                return nav::reset;
            case "End":
                return nav::runToEnd;
            case "f":
                return () -> nav.runToNext(Navigator.FORK, "fork");
            case "c":
                return () -> nav.runToNext(Navigator.SWITCH, "context switch");
            case "w":
                return () -> nav.runToNext(Navigator.WAKEUP, "wakeup");
            case "g":
                return gotoField::focus;
            case "/":
                return app::findInSource;
            case "l":
                return () -> app.setLang(app.lang().equals("zh") ? "en" : "zh");
            case "?":
                return this::toggleHelp;
            default:
                return null;
        }
    }
}
