package kthreadlab.web;

import kthreadlab.history.History;
import kthreadlab.scenario.Scenario;
import kthreadlab.scenario.ScenarioException;
import kthreadlab.scenario.ScenarioFile;
import kthreadlab.scenario.ScenarioJson;
import kthreadlab.trace.ChromeJson;
import kthreadlab.trace.Ftrace;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;

/**
 * Share, Embed, the downloads (trace as ftrace text and Chrome JSON, the scenario as JSON, the
 * single-file app), JSON import and the autosaved edit. Each button is one intent on the App.
 */
final class ShareUi {
    /** localStorage key of the reader's edited scenario (scenario JSON). */
    static final String SAVED = "kthreadlab.scenario.v1";
    static final int EMBED_WIDTH = 900;
    static final int EMBED_HEIGHT = 560;

    private final App app;
    private final HTMLElement box = Dom.byId("share-box");
    private final HTMLInputElement text = (HTMLInputElement) Dom.byId("share-text");
    private final HTMLElement note = Dom.byId("share-note");
    private final ScenarioEditor editor;

    ShareUi(App app) {
        this.app = app;
        this.editor = new ScenarioEditor(app, this);
        on("btn-share", "Share", this::share);
        on("btn-embed", "Embed", this::embed);
        on("share-close", "Close", () -> Dom.show(box, false));
        on("btn-scenario", "Scenario", () -> {
            HTMLElement panel = Dom.byId("scenario-panel");
            Dom.show(panel, panel.hasAttribute("hidden"));
        });
        on("dl-trace", "Download ftrace text", () -> trace(false));
        on("dl-chrome", "Download Chrome JSON", () -> trace(true));
        on("dl-scenario", "Download scenario JSON", this::exportScenario);
        on("dl-offline", "Download the offline app", this::offline);
        HTMLElement file = Dom.byId("import-file");
        file.addEventListener("change", e -> Exports.readChosen(file, ScenarioFile.MAX_BYTES,
            (size, bytes) -> app.intent("import", () -> importFile(size, bytes)),
            why -> app.intent("import", () -> app.setMessage("Import: the file cannot be read (" + why + ")."))));
        Exports.onDrop(Dom.byId("page"), ScenarioFile.MAX_BYTES,
            (size, bytes) -> app.intent("import", () -> importFile(size, bytes)),
            why -> app.intent("import", () -> app.setMessage("Import: the file cannot be read (" + why + ").")));
    }

    private void on(String id, String what, Runnable r) {
        Dom.byId(id).addEventListener("click", e -> app.intent(what, r));
    }

    /** The autosaved edit, or null. */
    Scenario saved() {
        String json = Exports.load(SAVED);
        if (json.isEmpty()) {
            return null;
        }
        try {
            return ScenarioJson.read(json);
        } catch (ScenarioException | RuntimeException e) {
            return null;
        }
    }

    /** The reader's own edit (the editor or an import): shown, linked and saved. */
    void edited(Scenario s) {
        app.loadScenario(s, ShareLinks.presetOf(s));
        try {
            Exports.save(SAVED, ScenarioJson.write(s));
        } catch (ScenarioException e) {
            app.setMessage("The scenario could not be saved: " + e.getMessage());
        }
    }

    void scenarioChanged(Scenario s, String preset) {
        editor.show(s, preset);
    }

    // ---- share and embed --------------------------------------------------------------------

    private String shareUrl(boolean embed) {
        String l = app.link();
        if (l == null) {
            return null;
        }
        if (embed && !app.embedded()) {
            l += "&embed=1";
        }
        return Exports.pageUrl() + l;
    }

    private void share() {
        String url = shareUrl(false);
        if (url == null) {
            app.setMessage("This view cannot be written as a link.");
            return;
        }
        showBox("Link", url);
        Exports.copy(url, why -> App.guard("share", () -> Dom.text(note, why.isEmpty()
            ? "Copied to the clipboard."
            : "Copy the selected link (Ctrl+C or ⌘C): " + why + ".")));
    }

    private void embed() {
        String url = shareUrl(true);
        if (url == null) {
            app.setMessage("This view cannot be written as a link.");
            return;
        }
        String src = url.replace("&", "&amp;").replace("\"", "%22").replace("<", "%3C").replace(">", "%3E");
        showBox("Embed", "<iframe src=\"" + src + "\" width=\"" + EMBED_WIDTH + "\" height=\"" + EMBED_HEIGHT
            + "\" title=\"kthreadlab\" loading=\"lazy\"></iframe>");
        Dom.text(note, "Paste this into your page's HTML.");
    }

    private void showBox(String label, String value) {
        Dom.text(Dom.byId("share-label"), label);
        text.setValue(value);
        Dom.text(note, "");
        Dom.show(box, true);
        Exports.select(text);
    }

    // ---- downloads and import ---------------------------------------------------------------

    /** kthreadlab-PRESET, or kthreadlab-TITLE for an edited scenario (its title as a file name). */
    private String baseName() {
        String p = app.presetName();
        return "kthreadlab-" + (p != null ? p : Fmt.fileName(app.scenario().title));
    }

    private void trace(boolean chrome) {
        app.startJob(new TraceJob(chrome));
    }

    /** Records the run to its end in slices, then downloads its trace. */
    private final class TraceJob implements Runner.Job {
        private final boolean chrome;
        private final History history = app.history();

        TraceJob(boolean chrome) {
            this.chrome = chrome;
        }

        @Override
        public boolean run(double deadline) {
            if (history != app.history()) {
                return true;
            }
            app.recordUntil(Long.MAX_VALUE, deadline);
            if (!history.ended()) {
                Dom.text(Dom.byId("status"), "recording the whole run for the download… step " + history.recorded());
                return false;
            }
            if (chrome) {
                Exports.download(baseName() + ".json", "application/json",
                    ChromeJson.write(history.trace(), history.scenario()));
            } else {
                Exports.download(baseName() + ".trace", "text/plain", Ftrace.format(history.trace(), history.cpus()));
            }
            app.go(app.position());
            return true;
        }
    }

    private void exportScenario() {
        try {
            Exports.download(baseName() + ".scenario.json", "application/json", ScenarioJson.write(app.scenario()));
        } catch (ScenarioException e) {
            app.setMessage("Export: " + e.getMessage());
        }
    }

    /** A chosen or dropped file: the same checks and messages as the command line's run FILE. */
    private void importFile(double size, String bytes) {
        try {
            ScenarioFile.checkSize((long) size);
            byte[] b = new byte[bytes.length()];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) bytes.charAt(i);
            }
            edited(ScenarioFile.read(b));
        } catch (ScenarioException e) {
            app.setMessage("Import: " + ShareLinks.clip(e.getMessage()) + ". The current scenario is kept.");
        }
    }

    private void offline() {
        if (!Exports.served()) {
            app.setMessage("You are already using the offline app: the folder this page is in (index.html, "
                + "kthreadlab.css, kthreadlab.js) works from disk with nothing else. Copy the folder, or build "
                + "web-ui/target/kthreadlab.html, the same app as one file.");
            return;
        }
        Exports.offline(why -> App.guard("offline", () -> app.setMessage("The offline file could not be built: "
            + ShareLinks.clip(why) + ". Save this page's folder instead.")));
    }
}
