package kthreadlab.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kthreadlab.scenario.Action;
import kthreadlab.scenario.Durations;
import kthreadlab.scenario.Presets;
import kthreadlab.scenario.Numbers;
import kthreadlab.scenario.Scenario;
import kthreadlab.scenario.ScenarioCheck;
import kthreadlab.scenario.ScenarioException;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.dom.html.HTMLSelectElement;

/**
 * The presets gallery and the scenario editor. The form is checked as the reader types, by the
 * same rules as scenario files (ScenarioCheck); the error shows beside its field. A valid form
 * becomes the shown scenario at once (ShareUi.edited: restart, link, autosave).
 */
final class ScenarioEditor {
    /** The editable fields of an action, in the order shown. */
    static final String[] ACTION_FIELDS = {"at", "by", "op", "name", "count", "fn", "arg", "cpu", "target", "fail"};
    private static final String[] NEW_ACTION = {"1ms", "insmod", "kthread_run", "demo/%d", "1", "sleeper", "0", "-1",
        "", ""};

    private final App app;
    private final ShareUi ui;
    private final HTMLElement gallery = Dom.byId("gallery");
    private final HTMLElement form = Dom.byId("editor");
    private final HTMLElement error = Dom.byId("editor-error");
    private final Map<String, HTMLElement> inputs = new HashMap<>();
    private final Map<String, HTMLElement> errors = new HashMap<>();
    private final List<String[]> rows = new ArrayList<>();
    private HTMLElement actionsBox;
    /** Set while the reader's own edit is being shown: the form is not rebuilt under the cursor. */
    private boolean editing;
    /** The scenario the form stands for (filled from it, or the reader's valid edit that became it). */
    private Scenario formOf;
    /** The what-ifs of the form (its checkboxes). */
    private List<String> whatIf = new ArrayList<>();
    /** The reader has typed since the form was last filled: the form is the draft. */
    private boolean dirty;
    private final Store store;
    private final KeptWork kept;

    ScenarioEditor(App app, ShareUi ui, Store store, KeptWork kept) {
        this.app = app;
        this.ui = ui;
        this.store = store;
        this.kept = kept;
    }

    /**
     * A scenario is shown: refreshes the gallery and, unless the form already stands for it (the
     * reader's own edit, or a language switch), fills the form from it. A draft the form held is
     * kept in storage and offered back first.
     */
    void show(Scenario s, String preset) {
        fillGallery(preset);
        if (editing) {
            formOf = s;
            return;
        }
        if (s == formOf) {
            return;
        }
        if (dirty) {
            dirty = false;
            kept.offerDraft(draftActions());
        }
        fill(s);
    }

    private KeptWork.DraftActions draftActions() {
        return new KeptWork.DraftActions() {
            @Override
            public void restore() {
                restoreDraft();
            }

            @Override
            public void discard() {
                store.dropDraft();
            }
        };
    }

    /** At start: a stored draft the form does not show is offered back; one this build cannot read is kept aside. */
    Store.Kept startDraft() {
        String text = store.draft();
        if (text == null) {
            return null;
        }
        Draft d = Draft.read(text);
        if (d == null) {
            String key = store.moveAside(Store.DRAFT, text);
            return new Store.Kept(key == null ? Store.DRAFT : key, text, "it is not a draft this version reads", null);
        }
        if (d.equals(current())) {
            dirty = true;
        } else {
            kept.offerDraft(draftActions());
        }
        return null;
    }

    /** Fills the form with the stored draft and checks it (a valid one runs at once). */
    private void restoreDraft() {
        Draft d = Draft.read(store.draft() == null ? "" : store.draft());
        if (d == null) {
            app.setMessage("The draft is no longer stored in this browser.");
            return;
        }
        formOf = app.scenario();
        fillFrom(d.machine, d.actions, d.whatIf);
        dirty = true;
        Dom.show(Dom.byId("scenario-panel"), true);
        changed();
    }

    /** The form as typed. */
    Draft current() {
        readRows();
        List<String> machine = new ArrayList<>();
        for (String k : Draft.MACHINE) {
            machine.add(value(k));
        }
        List<List<String>> actions = new ArrayList<>();
        for (String[] r : rows) {
            actions.add(java.util.Arrays.asList(r));
        }
        return new Draft(machine, actions, whatIf);
    }

    void fillGallery(String current) {
        Dom.clear(gallery);
        boolean zh = "zh".equals(app.lang());
        for (Presets.Preset p : Presets.all()) {
            HTMLElement b = Dom.add(gallery, "button", p.name.equals(current) ? "preset-card current" : "preset-card");
            b.setAttribute("type", "button");
            b.setAttribute("data-preset", p.name);
            Dom.add(b, "b", null, p.name);
            HTMLElement title = Dom.add(b, "span", null, zh ? p.zh : p.en);
            if (zh) {
                title.setAttribute("lang", "zh-CN");
            }
            b.addEventListener("click", e -> app.intent("preset " + p.name, () -> app.choosePreset(p.name)));
        }
    }

    // ---- building the form --------------------------------------------------------------------

    private void fill(Scenario s) {
        formOf = s;
        StringBuilder nohz = new StringBuilder();
        for (int c : s.nohzFull) {
            nohz.append(nohz.length() == 0 ? "" : ",").append(c);
        }
        List<String> machine = java.util.Arrays.asList(s.title, Integer.toString(s.cpus), nohz.toString(), s.boot,
            s.preempt, Integer.toString(s.hz), Durations.format(s.until));
        List<List<String>> actions = new ArrayList<>();
        for (Action a : s.actions) {
            actions.add(java.util.Arrays.asList(Durations.format(a.at), a.by, a.op, a.name, Integer.toString(a.count),
                a.fn, Long.toString(a.arg), Integer.toString(a.cpu), a.target, a.fail));
        }
        fillFrom(machine, actions, s.whatIf);
    }

    /** Builds the form with these field texts (Draft.MACHINE order, ACTION_FIELDS order per action). */
    private void fillFrom(List<String> m, List<List<String>> actions, List<String> whatIfs) {
        Dom.clear(form);
        inputs.clear();
        errors.clear();
        whatIf = new ArrayList<>(whatIfs);
        HTMLElement machine = Dom.add(form, "div", "editor-machine");
        text(machine, "Title", "title", m.get(0), 24);
        text(machine, "CPUs", "cpus", m.get(1), 4);
        text(machine, "nohz_full", "nohz_full", m.get(2), 8);
        choice(machine, "Boot", "boot", ScenarioCheck.BOOT, m.get(3));
        choice(machine, "Preemption", "preempt", ScenarioCheck.PREEMPT, m.get(4));
        String[] hz = new String[ScenarioCheck.HZ.length];
        for (int i = 0; i < hz.length; i++) {
            hz[i] = Integer.toString(ScenarioCheck.HZ[i]);
        }
        choice(machine, "HZ", "hz", hz, m.get(5));
        text(machine, "Until", "until", m.get(6), 7);
        whatIfs(Dom.add(form, "fieldset", "editor-whatif"));
        rows.clear();
        for (List<String> a : actions) {
            rows.add(a.toArray(new String[0]));
        }
        actionsBox = Dom.add(form, "div", "editor-actions");
        HTMLElement add = Dom.add(form, "button", null, "Add action");
        add.setAttribute("type", "button");
        add.setAttribute("id", "editor-add");
        add.addEventListener("click", e -> app.intent("add action", () -> {
            readRows();
            rows.add(NEW_ACTION.clone());
            fillRows();
            changed();
        }));
        fillRows();
        Dom.text(error, "");
    }

    /** What each what-if changes, as the checkbox says it. */
    static String whatIfLabel(String name) {
        if (name.equals("no_preempt_disable")) {
            return "kthread() without its preempt_disable() around complete(done)";
        }
        return name.equals("kworker_enomem")
            ? "create_worker() gets no memory once workqueues are online (the rescuer steps in)" : name;
    }

    /** One checkbox per what-if (Scenario.WHATIFS); the list keeps their order. */
    private void whatIfs(HTMLElement box) {
        Dom.add(box, "legend", null, "What if");
        for (String w : Scenario.WHATIFS) {
            HTMLElement label = Dom.add(box, "label", "whatif");
            HTMLInputElement c = (HTMLInputElement) Dom.add(label, "input", null);
            c.setAttribute("type", "checkbox");
            c.setAttribute("data-whatif", w);
            c.setChecked(whatIf.contains(w));
            Dom.add(label, "code", null, w);
            Dom.addText(label, ": " + whatIfLabel(w));
            c.addEventListener("change", e -> app.intent("what-if " + w, () -> {
                List<String> next = new ArrayList<>();
                for (String x : Scenario.WHATIFS) {
                    if (x.equals(w) ? c.isChecked() : whatIf.contains(x)) {
                        next.add(x);
                    }
                }
                whatIf = next;
                changed();
            }));
        }
    }

    private void fillRows() {
        Dom.clear(actionsBox);
        for (int i = 0; i < rows.size(); i++) {
            final int at = i;
            String[] r = rows.get(i);
            HTMLElement row = Dom.add(actionsBox, "div", "editor-action");
            row.setAttribute("data-row", Integer.toString(i));
            Dom.add(row, "span", "muted", "#" + i);
            String key = "actions[" + i + "]";
            for (int f = 0; f < ACTION_FIELDS.length; f++) {
                String name = ACTION_FIELDS[f];
                String[] options = name.equals("op") ? Action.OPS : name.equals("fn") ? fnChoices(r[f])
                    : name.equals("fail") ? Action.FAILS : null;
                HTMLElement wrap = options != null ? choice(row, name, key + "." + name, options, r[f])
                    : text(row, name, key + "." + name, r[f], name.equals("at") || name.equals("count")
                        || name.equals("arg") || name.equals("cpu") ? 5 : 10);
                wrap.setAttribute("data-field", name);
            }
            errors.put(key, Dom.add(row, "span", "field-error"));
            rowButton(row, "↑", "Move up", at > 0, () -> {
                swap(at, at - 1);
                focusRow(at - 1, "Move up");
            });
            rowButton(row, "↓", "Move down", at < rows.size() - 1, () -> {
                swap(at, at + 1);
                focusRow(at + 1, "Move down");
            });
            rowButton(row, "✕", "Remove", true, () -> {
                readRows();
                rows.remove(at);
                fillRows();
                changed();
                focusRow(Math.min(at, rows.size() - 1), "Remove");
            });
            relevant(row, r[2]);
        }
    }

    /**
     * After the rows are rebuilt, focus goes to this row's button of the same kind (or its first
     * enabled one, or Add action): never to the page.
     */
    private void focusRow(int i, String what) {
        HTMLElement row = i < 0 ? null : actionsBox.querySelector("[data-row=\"" + i + "\"]");
        HTMLElement b = row == null ? null : row.querySelector("button[aria-label=\"" + what + "\"]:not([disabled])");
        if (b == null && row != null) {
            b = row.querySelector("button:not([disabled])");
        }
        (b != null ? b : Dom.byId("editor-add")).focus();
    }

    private void rowButton(HTMLElement row, String label, String what, boolean enabled, Runnable r) {
        HTMLElement b = Dom.add(row, "button", "icon", label);
        b.setAttribute("type", "button");
        b.setAttribute("aria-label", what);
        b.setAttribute("title", what);
        if (!enabled) {
            b.setAttribute("disabled", "");
        }
        b.addEventListener("click", e -> app.intent(what, r));
    }

    private void swap(int i, int j) {
        readRows();
        String[] t = rows.get(i);
        rows.set(i, rows.get(j));
        rows.set(j, t);
        fillRows();
        changed();
    }

    /** Hides the fields an op does not take. */
    private static void relevant(HTMLElement row, String op) {
        boolean creates = op.equals("kthread_run") || op.equals("kthread_create");
        for (String f : ACTION_FIELDS) {
            boolean on;
            if (isWorkqueueOp(op)) {
                on = workqueueField(op, f);
                HTMLElement w = Dom.closest(row.querySelector("[data-field=\"" + f + "\"]"), "field");
                if (w != null) {
                    Dom.show(w, on);
                }
                continue;
            }
            switch (f) {
                case "name": case "fn": case "arg": case "fail":
                    on = creates;
                    break;
                case "target":
                    on = !creates;
                    break;
                case "cpu":
                    on = creates || op.equals("kthread_bind");
                    break;
                case "count":
                    on = !op.equals("sigkill");
                    break;
                default:
                    on = true;
            }
            HTMLElement w = Dom.closest(row.querySelector("[data-field=\"" + f + "\"]"), "field");
            if (w != null) {
                Dom.show(w, on);
            }
        }
    }

    private HTMLElement text(HTMLElement parent, String label, String key, String value, int size) {
        HTMLElement wrap = Dom.add(parent, "label", "field");
        Dom.add(wrap, "span", "field-label", label);
        HTMLInputElement in = (HTMLInputElement) Dom.add(wrap, "input", null);
        in.setAttribute("type", "text");
        in.setAttribute("size", Integer.toString(size));
        in.setAttribute("autocomplete", "off");
        in.setAttribute("spellcheck", "false");
        in.setAttribute("data-key", key);
        in.setValue(value);
        in.addEventListener("input", e -> app.intent("edit " + key, this::changed));
        inputs.put(key, in);
        errors.put(key, Dom.add(wrap, "span", "field-error"));
        return in;
    }

    private HTMLElement choice(HTMLElement parent, String label, String key, String[] options, String value) {
        HTMLElement wrap = Dom.add(parent, "label", "field");
        Dom.add(wrap, "span", "field-label", label);
        HTMLSelectElement sel = (HTMLSelectElement) Dom.add(wrap, "select", null);
        sel.setAttribute("data-key", key);
        for (String o : options) {
            HTMLElement opt = Dom.add(sel, "option", null, o.isEmpty() ? "none" : o);
            opt.setAttribute("value", o);
        }
        sel.setValue(value);
        sel.addEventListener("change", e -> app.intent("edit " + key, () -> {
            if (key.endsWith(".op")) {
                relevant((HTMLElement) Dom.closest(sel, "editor-action"), sel.getValue());
            }
            changed();
        }));
        inputs.put(key, sel);
        errors.put(key, Dom.add(wrap, "span", "field-error"));
        return sel;
    }

    // ---- reading the form ----------------------------------------------------------------------

    private String value(String key) {
        HTMLElement e = inputs.get(key);
        if (e instanceof HTMLSelectElement) {
            return ((HTMLSelectElement) e).getValue();
        }
        return ((HTMLInputElement) e).getValue();
    }

    private void readRows() {
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            for (int f = 0; f < ACTION_FIELDS.length; f++) {
                String key = "actions[" + i + "]." + ACTION_FIELDS[f];
                if (inputs.containsKey(key)) {
                    r[f] = value(key);
                }
            }
        }
    }

    /** The form as a scenario; a field that is not even the right kind of value throws. */
    Scenario read() throws ScenarioException {
        readRows();
        List<Integer> nohz = new ArrayList<>();
        String n = value("nohz_full").trim();
        if (!n.isEmpty()) {
            int start = 0;
            while (start <= n.length()) {
                int comma = n.indexOf(',', start);
                int end = comma < 0 ? n.length() : comma;
                nohz.add((int) whole(n.substring(start, end).trim(), "nohz_full", 0, ScenarioCheck.MAX_CPUS));
                start = end + 1;
            }
        }
        List<Action> actions = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            actions.add(action(rows.get(i), "actions[" + i + "]"));
        }
        return new Scenario(value("title"), (int) whole(value("cpus").trim(), "cpus", 1, ScenarioCheck.MAX_CPUS),
            nohz, Integer.parseInt(value("hz")), value("preempt"), value("boot"),
            Durations.parse(value("until").trim(), "until"), actions, whatIf);
    }

    /** fn choices: the thread functions, then alloc_workqueue flag sets (and the current value if other). */
    static String[] fnChoices(String current) {
        List<String> out = new ArrayList<>();
        for (String f : Action.FNS) {
            out.add(f);
        }
        out.add("0");
        for (String f : Action.WQ_FLAGS) {
            out.add(f);
        }
        out.add("unbound|highpri");
        if (current != null && !current.isEmpty() && !out.contains(current)) {
            out.add(current);
        }
        return out.toArray(new String[0]);
    }

    static boolean isWorkqueueOp(String op) {
        kthreadlab.scenario.Op o = kthreadlab.scenario.Op.ofLong(op);
        return o != null && o.workqueue;
    }

    /** The fields a workqueue op takes: alloc_workqueue name+fn, queue_work name+cpu+target, others target. */
    static boolean workqueueField(String op, String f) {
        switch (f) {
            case "at": case "by": case "op":
                return true;
            case "name":
                return op.equals("alloc_workqueue") || op.equals("queue_work");
            case "fn":
                return op.equals("alloc_workqueue");
            case "cpu":
                return op.equals("queue_work");
            case "target":
                return !op.equals("alloc_workqueue");
            default:
                return false;
        }
    }

    private static Action action(String[] r, String key) throws ScenarioException {
        String op = r[2];
        long at = Durations.parse(r[0].trim(), key + ".at");
        if (isWorkqueueOp(op)) {
            int cpu = op.equals("queue_work") ? (int) whole(r[7].trim(), key + ".cpu", -1, ScenarioCheck.MAX_CPUS) : -1;
            return new Action(at, r[1], op, workqueueField(op, "name") ? r[3] : "", 1,
                op.equals("alloc_workqueue") ? r[5] : "", 0, cpu, workqueueField(op, "target") ? r[8] : "", "");
        }
        boolean creates = op.equals("kthread_run") || op.equals("kthread_create");
        int count = op.equals("sigkill") ? 1 : (int) whole(r[4].trim(), key + ".count", -1, ScenarioCheck.MAX_COUNT);
        if (creates) {
            return new Action(at, r[1], op, r[3], count, r[5], whole(r[6].trim(), key + ".arg", 0, ScenarioCheck.MAX_ARG),
                (int) whole(r[7].trim(), key + ".cpu", -1, ScenarioCheck.MAX_CPUS), "", r[9]);
        }
        int cpu = op.equals("kthread_bind") ? (int) whole(r[7].trim(), key + ".cpu", -1, ScenarioCheck.MAX_CPUS) : -1;
        return new Action(at, op.equals("sigkill") ? "" : r[1], op, "", count, "", 0, cpu, r[8], "");
    }

    /** A whole number in [min, max] (the finer range rules are ScenarioCheck's), by the scenarios' one parser. */
    private static long whole(String t, String key, long min, long max) throws ScenarioException {
        return Numbers.whole(t, key, min, max, min + " to " + max);
    }

    // ---- checking ------------------------------------------------------------------------------

    /** After any change: keeps the draft, shows the first problem beside its field, or runs the new scenario. */
    private void changed() {
        keepDraft();
        for (Map.Entry<String, HTMLElement> e : errors.entrySet()) {
            Dom.text(e.getValue(), "");
        }
        for (HTMLElement in : inputs.values()) {
            Dom.setClass(in, "invalid", false);
        }
        Dom.text(error, "");
        Scenario s;
        try {
            s = read();
            ScenarioCheck.check(s);
        } catch (ScenarioException e) {
            problem(e);
            return;
        }
        editing = true;
        try {
            ui.edited(s);
        } finally {
            editing = false;
        }
    }

    /**
     * Stores the form as the draft, unless a kept draft is on offer: then the reader is asked
     * first whether the new edit may replace it.
     */
    private void keepDraft() {
        if (kept.askReplaceDraft(() -> {
            dirty = true;
            saveDraft();
        }, this::restoreDraft)) {
            return;
        }
        dirty = true;
        saveDraft();
    }

    private void saveDraft() {
        if (!store.saveDraft(current().write())) {
            Dom.text(error, "Your edit could not be kept in this browser (storage is full or disabled).");
        }
    }

    private void problem(ScenarioException e) {
        String key = e.key;
        HTMLElement in = inputs.get(key);
        if (in != null) {
            Dom.setClass(in, "invalid", true);
        }
        HTMLElement where = errors.get(key);
        int dot = key.lastIndexOf('.');
        if (where == null && key.startsWith("actions[") && dot > 0) {
            where = errors.get(key.substring(0, dot));
        }
        if (where == null && key.startsWith("actions[") && key.endsWith("]")) {
            where = errors.get(key);
        }
        if (where != null) {
            Dom.text(where, e.problem);
        }
        Dom.text(error, "Not run yet: " + ShareLinks.clip(e.getMessage()));
    }
}
