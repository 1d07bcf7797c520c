package kthreadlab.web;

import kthreadlab.history.History;
import kthreadlab.scenario.Scenario;
import kthreadlab.scenario.ScenarioException;
import kthreadlab.scenario.ScenarioFile;
import kthreadlab.scenario.ScenarioJson;
import kthreadlab.trace.ChromeJson;
import java.util.List;
import kthreadlab.trace.Ftrace;
import kthreadlab.trace.TextExport;
import kthreadlab.trace.TraceEvent;
import org.teavm.jso.JSObject;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;

/**
 * Share, Embed, the downloads (trace as ftrace text and Chrome JSON, the scenario as JSON, the
 * single-file app), JSON import and the autosaved edit. Each button is one intent on the App.
 */
final class ShareUi {
    /** The embed fits a 720 px blog column; at that width its layout fills exactly this height (EmbedTest). */
    static final int EMBED_WIDTH = 720;
    static final int EMBED_HEIGHT = 600;
    /** A download bigger than this (estimated) is announced with its size and built only when the reader agrees. */
    static final long ASK_BYTES = 16L << 20;
    /** Characters per piece of a download (the pieces become one Blob). */
    static final int PIECE_CHARS = 1 << 20;
    /** Records written to estimate a download's size. */
    static final int ESTIMATE_SAMPLE = 4096;

    private final App app;
    private final Navigator nav;
    private final LinkSync links;
    private final HTMLElement box = Dom.byId("share-box");
    private final HTMLInputElement text = (HTMLInputElement) Dom.byId("share-text");
    private final HTMLElement note = Dom.byId("share-note");
    private final ScenarioEditor editor;
    private final Store store = new Store(new Exports.LocalStorage());
    private final KeptWork kept;
    private final Progress progress;

    ShareUi(App app, Navigator nav, LinkSync links) {
        this.app = app;
        this.nav = nav;
        this.links = links;
        this.kept = new KeptWork(app, store);
        this.progress = new Progress(app);
        this.editor = new ScenarioEditor(app, this, store, kept);
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

    /** The progress line (downloads, and a link that opens far into a run). */
    Progress progress() {
        return progress;
    }

    private void on(String id, String what, Runnable r) {
        Dom.byId(id).addEventListener("click", e -> app.intent(what, r));
    }

    /** At start, before anything is shown: the saved edit to show, or null (see Store.start). */
    Scenario saved() {
        return store.start();
    }

    /** After the first scenario is shown: says what stored work was not opened, and offers a draft back. */
    void offerKept() {
        java.util.List<Store.Kept> items = store.kept();
        kept.showKept(items);
        Store.Kept draft = editor.startDraft();
        if (draft != null && draft.key.startsWith(Store.KEPT)) {
            kept.showKept(java.util.Collections.singletonList(draft));
        }
    }

    /** The reader's own edit (the editor or an import): shown, linked and saved. */
    void edited(Scenario s) {
        app.loadScenario(s, ShareLinks.presetOf(s));
        String why = store.save(s);
        if (why != null) {
            app.setMessage("The scenario could not be saved in this browser: " + why + ".");
        }
    }

    void scenarioChanged(Scenario s, String preset) {
        editor.show(s, preset);
    }

    // ---- share and embed --------------------------------------------------------------------

    private String shareUrl(boolean embed) {
        String l = embed ? links.embedLink() : links.link();
        return l == null ? null : Exports.pageUrl() + l;
    }

    private void share() {
        String url = shareUrl(false);
        if (url == null) {
            app.setMessage("This view cannot be written as a link.");
            return;
        }
        showBox("Link", url);
        String local = localNote();
        Exports.copy(url, why -> Guard.run("share", () -> Dom.text(note, (why.isEmpty()
            ? "Copied to the clipboard."
            : "Copy the selected link (Ctrl+C or ⌘C): " + why + ".") + local)));
    }

    private void embed() {
        String url = shareUrl(true);
        if (url == null) {
            app.setMessage("This view cannot be written as a link.");
            return;
        }
        String src = url.replace("&", "&amp;").replace("\"", "%22").replace("<", "%3C").replace(">", "%3E");
        showBox("Embed", "<iframe src=\"" + src + "\" width=\"" + EMBED_WIDTH + "\" height=\"" + EMBED_HEIGHT
            + "\" style=\"width:100%;max-width:" + EMBED_WIDTH + "px;height:" + EMBED_HEIGHT + "px;border:1px solid #ccc;box-sizing:border-box\""
            + " title=\"kthreadlab: how Linux creates kernel threads\" loading=\"lazy\"></iframe>");
        Dom.text(note, "Paste this into your page's HTML: it fits a column up to " + EMBED_WIDTH + " px wide."
            + localNote());
    }

    /** From file://, a link names a file on this computer: said, so that nobody hands it out by mistake. */
    private static String localNote() {
        return Exports.served() ? "" : " This link points to a file on this computer: it opens only here."
            + " Put the page on a web server to share it.";
    }

    private void showBox(String label, String value) {
        Dom.text(Dom.byId("share-label"), label);
        text.setValue(value);
        Dom.text(note, "");
        Dom.show(box, true);
        Exports.select(text);
    }

    // ---- downloads and import ---------------------------------------------------------------

    /** ASK_BYTES, or the page's kthreadlabExportAsk setting (bytes) when a test sets one. */
    private static long askBytes() {
        double v = Exports.askSetting();
        return v > 0 ? (long) v : ASK_BYTES;
    }

    /** kthreadlab-PRESET, or kthreadlab-TITLE for an edited scenario (its title as a file name). */
    private String baseName() {
        String p = app.presetName();
        return "kthreadlab-" + (p != null ? p : Fmt.fileName(app.scenario().title));
    }

    private void trace(boolean chrome) {
        app.startJob(new TraceJob(chrome, false));
    }

    /**
     * Records the run to its end, then builds its trace in pieces and downloads it, with progress
     * and Cancel. Past ASK_BYTES the size is stated first and the build waits for the reader.
     */
    private final class TraceJob implements Runner.Job {
        private final boolean chrome;
        private final boolean confirmed;
        private final History history = nav.history();
        /** The run recorded again with its function calls, which the page's history does not keep (Chrome JSON only). */
        private History calls;
        private TextExport writer;
        private final StringBuilder piece = new StringBuilder();
        private JSObject parts;
        private long bytes;

        TraceJob(boolean chrome, boolean confirmed) {
            this.chrome = chrome;
            this.confirmed = confirmed;
        }

        private String what() {
            return chrome ? "Perfetto JSON" : "ftrace";
        }

        @Override
        public boolean run(double deadline) {
            if (history != nav.history()) {
                progress.hide();
                return true;
            }
            if (writer == null) {
                nav.recordUntil(Long.MAX_VALUE, deadline);
                if (!history.ended()) {
                    progress.show("Recording the run for the " + what() + " download… step " + history.recorded(),
                        -1, null);
                    return false;
                }
                if (chrome && !history.functionEvents()) {
                    if (calls == null) {
                        calls = new History(history.scenario(), history.until(), History.INTERVAL, 4, true,
                            Navigator.CHECKPOINT_BYTES);
                    }
                    while (!calls.ended() && Dom.now() < deadline) {
                        calls.record(Navigator.RECORD_BATCH * 16);
                    }
                    if (!calls.ended()) {
                        progress.show("Recording the function calls for the " + what() + " download… step "
                            + calls.recorded() + " of " + history.recorded(),
                            (double) calls.recorded() / Math.max(1, history.recorded()), null);
                        return false;
                    }
                }
                long estimate = estimate();
                if (estimate > askBytes() && !confirmed) {
                    progress.show("The " + what() + " download will be about " + Fmt.bytes(estimate)
                        + ". Build it?", -1, () -> app.startJob(new TraceJob(chrome, true)));
                    return true;
                }
                writer = writer(source().trace());
                parts = Exports.parts();
            }
            while (Dom.now() < deadline) {
                boolean done = writer.next(piece, 2048);
                if (piece.length() >= PIECE_CHARS || done) {
                    bytes += piece.length();
                    Exports.push(parts, piece.toString());
                    piece.setLength(0);
                }
                if (done) {
                    Exports.downloadParts(baseName() + (chrome ? ".json" : ".trace"),
                        chrome ? "application/json" : "text/plain", parts);
                    progress.hide();
                    nav.go(nav.position());
                    return true;
                }
            }
            progress.show("Building the " + what() + " download… " + Fmt.bytes(bytes + piece.length()),
                (double) writer.done() / writer.total(), null);
            return false;
        }

        /** The history whose trace the download writes. */
        private History source() {
            return calls != null ? calls : history;
        }

        private TextExport writer(List<TraceEvent> events) {
            long n = events == source().trace() ? source().tracepoints().size() : -1;
            return chrome ? new ChromeJson.Writer(events, history.cpus(), n)
                : new Ftrace.Writer(events, history.cpus(), n, false);
        }

        /** The size from the first records written in full, scaled to all of them. */
        private long estimate() {
            List<TraceEvent> all = source().trace();
            int n = Math.min(all.size(), ESTIMATE_SAMPLE);
            if (n == 0) {
                return 0;
            }
            long sample = TextExport.all(writer(all.subList(0, n))).length();
            return sample * all.size() / n;
        }

        @Override
        public void cancelled() {
            progress.hide();
            parts = null;
            app.setMessage("The " + what() + " download was cancelled.");
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
        if (Exports.singleFile()) {
            app.setMessage("You are already using the offline app: this page is one file that works from disk"
                + " with nothing beside it. Save it (or copy it) to keep it.");
            return;
        }
        if (!Exports.served()) {
            app.setMessage("You are already using the offline app: the folder this page is in (index.html, "
                + "kthreadlab.css, kthreadlab.js) works from disk with nothing else. Copy the folder, or build "
                + "web-ui/target/kthreadlab.html, the same app as one file.");
            return;
        }
        Exports.offline(why -> Guard.run("offline", () -> app.setMessage("The offline file could not be built: "
            + ShareLinks.clip(why) + ". Save this page's folder instead.")));
    }
}
