package kthreadlab.web;

import kthreadlab.scenario.Presets;
import kthreadlab.scenario.Scenario;
import kthreadlab.scenario.ScenarioException;
import kthreadlab.scenario.ScenarioLink;
import kthreadlab.scenario.View;

/**
 * The page's side of share links (docs/links.md): a fragment is read by ScenarioLink.decode, whose
 * upgrade ladder also opens the pre-v1 form ({@code #preset=seed&step=42&lang=en&until=NS}, rung
 * v0). Plain Java: no DOM, tested on the JVM.
 */
final class ShareLinks {
    /** Longest piece of an error message shown in the page. */
    static final int MAX_MESSAGE = 300;

    /** A fragment read: the scenario, the preset it equals (or null) and the view; or an error. */
    static final class Opened {
        final Scenario scenario;
        final String preset;
        final View view;
        /** The scenario's part of its links (ScenarioLink.scenarioPart), or null with an error. */
        final String scenarioPart;
        /** One line naming the key and the problem, or null. */
        final String error;

        Opened(Scenario scenario, String preset, View view, String scenarioPart, String error) {
            this.scenario = scenario;
            this.preset = preset;
            this.view = view;
            this.scenarioPart = scenarioPart;
            this.error = error;
        }
    }

    private ShareLinks() {
    }

    /** Reads a fragment (with or without '#'); null when there is none. */
    static Opened open(String hash) {
        String h = hash == null ? "" : hash;
        if (h.startsWith("#")) {
            h = h.substring(1);
        }
        if (h.isEmpty()) {
            return null;
        }
        try {
            ScenarioLink.Decoded d = ScenarioLink.decode("#" + h);
            return new Opened(d.scenario, d.preset, d.view, d.scenarioPart, null);
        } catch (ScenarioException e) {
            return failed(e.getMessage());
        } catch (RuntimeException e) {
            return failed("the link cannot be read (" + e + ")");
        }
    }

    /** The scenario's part of its links (checked once here), or null when it cannot go into a link. */
    static String scenarioPart(Scenario s) {
        try {
            return ScenarioLink.scenarioPart(s);
        } catch (ScenarioException | RuntimeException e) {
            return null;
        }
    }

    /** The link of a view of the scenario whose part this is: no check of the scenario, so cheap per step. */
    static String link(String scenarioPart, View v) {
        if (scenarioPart == null) {
            return null;
        }
        try {
            return ScenarioLink.withView(scenarioPart, v);
        } catch (ScenarioException | RuntimeException e) {
            return null;
        }
    }

    /** The fragment (with '#') of a scenario and view, or null when they cannot go into a link. */
    static String link(Scenario s, View v) {
        try {
            return ScenarioLink.encode(s, v);
        } catch (ScenarioException | RuntimeException e) {
            return null;
        }
    }

    /** The preset a scenario equals, or null. */
    static String presetOf(Scenario s) {
        String l = link(s, View.DEFAULT);
        String head = "#v=" + ScenarioLink.VERSION + "&preset=";
        if (l == null || !l.startsWith(head)) {
            return null;
        }
        Presets.Preset p = Presets.get(l.substring(head.length()));
        return p == null ? null : p.name;
    }

    /** The one message for a link not opened: this prefix, then the reason (which carries none). */
    private static Opened failed(String why) {
        String w = clip(why);
        return new Opened(null, null, null, null, "This link could not be opened: " + w
            + (w.endsWith(".") || w.endsWith("…") ? "" : "."));
    }

    static String clip(String s) {
        return s.length() > MAX_MESSAGE ? s.substring(0, MAX_MESSAGE) + "…" : s;
    }
}
