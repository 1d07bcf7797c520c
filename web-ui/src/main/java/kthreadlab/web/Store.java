package kthreadlab.web;

import java.util.ArrayList;
import java.util.List;
import kthreadlab.scenario.Scenario;
import kthreadlab.scenario.ScenarioException;
import kthreadlab.scenario.ScenarioFile;
import kthreadlab.scenario.ScenarioJson;
import kthreadlab.scenario.Workload;

/**
 * What the page keeps in the browser: the reader's saved scenario, the draft of an edit and any
 * stored text this build cannot use. Every file:// page shares one localStorage, so the keys are
 * namespaced and carry the storage version (KEYS); a value this build cannot read (a newer
 * version, truncated, not JSON, over the limits) is never loaded and never overwritten: it is
 * moved aside, untouched, under its own key, until the reader exports or discards it. A move
 * writes the new key, reads it back, and only then removes the old one.
 *
 * The older build kept the scenario under LEGACY; it is moved here once (and any later write by
 * an older copy is moved aside, never taken as this page's own).
 */
final class Store {
    /** The browser's key-value storage (localStorage in the page, a map in tests). */
    interface Storage {
        /** The value, or null if there is none or storage cannot be read. */
        String get(String key);

        /** True if the value was stored (false: quota, disabled storage). */
        boolean set(String key, String value);

        void remove(String key);
    }

    static final String PREFIX = "kthreadlab.page.v2.";
    static final String SAVED = PREFIX + "scenario";
    static final String DRAFT = PREFIX + "draft";
    /** Moved-aside values: KEPT + a number (1, 2, …). */
    static final String KEPT = PREFIX + "kept.";
    /** Where builds before storage v2 saved the scenario. */
    static final String LEGACY = "kthreadlab.scenario.v1";

    /** A stored value this build does not load by itself. */
    static final class Kept {
        final String key;
        final String raw;
        /** Why it is not loaded (one line). */
        final String why;
        /** The scenario, when it reads but is over the page's limits (the reader may still open it). */
        final Scenario scenario;

        Kept(String key, String raw, String why, Scenario scenario) {
            this.key = key;
            this.raw = raw;
            this.why = why;
            this.scenario = scenario;
        }
    }

    private final Storage storage;
    /** The saved value could not be moved aside: saving would overwrite it, so nothing is saved. */
    private boolean savedBlocked;

    Store(Storage storage) {
        this.storage = storage;
    }

    /**
     * At start: moves the older build's value here, moves aside a saved value this build cannot
     * use, and returns the saved scenario to show (or null).
     */
    Scenario start() {
        migrate();
        String raw = storage.get(SAVED);
        if (raw == null) {
            return null;
        }
        Kept k = classify(SAVED, raw);
        if (k == null) {
            try {
                return ScenarioJson.read(raw);
            } catch (ScenarioException e) {
                return null;
            }
        }
        if (moveAside(SAVED, raw) == null) {
            savedBlocked = true;
        }
        return null;
    }

    private void migrate() {
        String old = storage.get(LEGACY);
        if (old == null) {
            return;
        }
        if (storage.get(SAVED) == null) {
            if (storage.set(SAVED, old) && old.equals(storage.get(SAVED))) {
                storage.remove(LEGACY);
            }
        } else {
            moveAside(LEGACY, old);
        }
    }

    /** Copies `raw` to a new KEPT key, checks it, then removes `from`; the new key, or null if it failed. */
    String moveAside(String from, String raw) {
        String key = freeKeptKey();
        if (!storage.set(key, raw) || !raw.equals(storage.get(key))) {
            storage.remove(key);
            return null;
        }
        storage.remove(from);
        return key;
    }

    private String freeKeptKey() {
        for (int n = 1; ; n++) {
            if (storage.get(KEPT + n) == null) {
                return KEPT + n;
            }
        }
    }

    /** Null if `raw` is a scenario this page loads by itself, else why not. */
    static Kept classify(String key, String raw) {
        Scenario s;
        try {
            // The file's limits (ScenarioFile) and the scenario's (ScenarioCheck, inside read).
            ScenarioFile.checkSize(raw.length());
            s = ScenarioJson.read(raw);
        } catch (ScenarioException | RuntimeException e) {
            return new Kept(key, raw, ShareLinks.clip(e.getMessage()), null);
        }
        String over = Workload.of(s).overAuto();
        return over == null ? null : new Kept(key, raw, over, s);
    }

    /** The values moved aside, oldest first. */
    List<Kept> kept() {
        List<Kept> out = new ArrayList<>();
        for (int n = 1; n <= 1000; n++) {
            String raw = storage.get(KEPT + n);
            if (raw != null) {
                Kept k = classify(KEPT + n, raw);
                out.add(k != null ? k : new Kept(KEPT + n, raw, "it was stored by another copy of kthreadlab",
                    read(raw)));
            }
        }
        return out;
    }

    private static Scenario read(String raw) {
        try {
            return ScenarioJson.read(raw);
        } catch (ScenarioException e) {
            return null;
        }
    }

    void discard(String key) {
        storage.remove(key);
    }

    /** Saves the reader's scenario; null, or why it was not saved. */
    String save(Scenario s) {
        if (savedBlocked) {
            return "the scenario stored before could not be moved aside, and saving would overwrite it";
        }
        String json;
        try {
            json = ScenarioJson.write(s);
        } catch (ScenarioException e) {
            return e.getMessage();
        }
        return storage.set(SAVED, json) ? null : "the browser's storage refused it (full or disabled)";
    }

    String draft() {
        return storage.get(DRAFT);
    }

    boolean saveDraft(String text) {
        return storage.set(DRAFT, text);
    }

    void dropDraft() {
        storage.remove(DRAFT);
    }
}
