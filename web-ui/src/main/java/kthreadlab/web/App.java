package kthreadlab.web;

import kthreadlab.history.History;
import kthreadlab.scenario.Presets;
import kthreadlab.scenario.Scenario;
import kthreadlab.scenario.ScenarioLink;
import kthreadlab.scenario.View;
import kthreadlab.scenario.Workload;
import kthreadlab.snapshot.Snapshot;
import kthreadlab.source.Annotations;
import kthreadlab.source.Corpus;
import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.html.HTMLElement;

/**
 * The page's wiring. The Navigator moves through the run (step, back, seek, play…) and hands the
 * snapshot of the step shown to the panes, drawn here from one StepView each time. The panes never
 * touch the simulator. Long work runs in slices through the Runner.
 */
public final class App {
    /** The bundled source files, and later also those of corpus-more.js (see on-demand.txt). */
    private Corpus corpus = Corpus.loadAvailable(NoteScripts::corpusText);
    private final Locator loc = new Locator(corpus);
    private final Language language;
    private final Runner runner = new Runner(this::failed, this::busyChanged);
    private final SourcePane source;
    private final SourceFind find;
    private final TimelinePane timeline;
    private final TaskPane tasks;
    private final StatusLine statusLine = new StatusLine();
    /** Drawn at every step shown, in this order, after the source pane (Play draws it apart). */
    private final Pane[] panes;
    /** The source pane: drawn at every step, but during Play at most every PLAY_SOURCE_MS, in a slice of its own. */
    private final PlayApart sourceApart;
    /**
     * The large tables: drawn at every step, but during Play at most every PLAY_FULL_MS, each in a
     * slice of its own. The task table comes first: at a job's end it may grow tall enough to push
     * the kernel objects out of view, whose layout the browser then skips (content-visibility);
     * drawn in the same frame, the objects were laid out in full (Run to end on many-threads: a
     * frame of 3,000 objects, 35-45 ms of layout).
     */
    private final PlayApart tasksApart;
    private final PlayApart objectsApart;
    /** Drawn after the others, also when the step cannot be shown. */
    private final Pane[] runPanes;
    private final Controls controls;

    private String preset = Presets.DEFAULT;
    private final Navigator nav;
    /** The view the panes last drew. */
    private StepView shown;
    private final Follow follow = new Follow();
    private final LinkSync links;
    private final LinkStep linkStep;
    private String message = "";
    /** The scenario shown (a preset's, or an edited one when preset is null). */
    private Scenario scenario;
    /** The file a link opened (kept in links while the source pane follows a task). */
    private String linkFile = "";
    private boolean embed;
    private ShareUi share;
    /** Every source file's rows are built (in the background, after load). */
    private boolean prebuilt;
    static final double PLAY_FULL_MS = 150;
    /**
     * During Play the source pane is drawn at most this often (ms), in a slice of its own. Following
     * the task that stepped last, it switches files, re-marks lines and scrolls at nearly every
     * step; drawn with the other panes at every frame, it made most of the browser's style,
     * layout and paint per frame (Chrome trace of Play at 1000 steps/s on many-threads: frames with
     * the source pane hidden cost a third). A frame now restyles either the source pane or the
     * others, and the source pane some 8 times a second at the fastest speeds.
     */
    static final double PLAY_SOURCE_MS = 120;

    private App() {
        language = new Language(new NoteScripts(), Dom.prefersChinese() ? "zh" : "en", languagePage());
        nav = new Navigator(runner, screen());
        links = new LinkSync(runner, linkPage());
        linkStep = new LinkStep(nav, runner, linkStepPage());
        source = new SourcePane(corpus, loc, NoteScripts.none(language.lang()));
        find = new SourceFind(source);
        language.start();
        tasks = new TaskPane(Dom.byId("task-table"), loc, new TaskPane.Actions() {
            @Override
            public void showLine(String file, int line) {
                source.show(file, line);
            }

            @Override
            public void follow(int taskId) {
                setFollow(taskId);
            }
        });
        timeline = new TimelinePane(ns -> intent("timeline", () -> nav.go(nav.history().stepAtTime(ns))));
        panes = new Pane[] {new CpuPane(Dom.byId("cpu-cards")), new StripPane(Dom.byId("strip"))};
        sourceApart = new PlayApart(PLAY_SOURCE_MS, source);
        tasksApart = new PlayApart(PLAY_FULL_MS, tasks);
        objectsApart = new PlayApart(PLAY_FULL_MS, new ObjectsPane(), new PoolsPane());
        runPanes = new Pane[] {new BugBanner(), new EventLog(Dom.byId("log-lines"), Dom.byId("log-count")), timeline};
        controls = new Controls(this, nav);
    }

    public static void main(String[] args) {
        try {
            FrameCopy.install();
            App app = new App();
            app.start();
        } catch (RuntimeException e) {
            System.out.println("kthreadlab: cannot start: " + e);
            try {
                HTMLElement m = Dom.byId("message");
                Dom.text(m, "kthreadlab could not start: " + e);
                Dom.show(m, true);
            } catch (RuntimeException ignored) {
                // no page to report to
            }
        }
    }

    private void start() {
        double began = Dom.now();
        controls.fillPresets(language.lang());
        share = new ShareUi(this, nav, links);
        String h = Dom.fragment();
        ShareLinks.Opened o = ShareLinks.open(h);
        if (o == null || o.error != null) {
            // A link meant for an iframe stays compact even when it cannot be read.
            embed = o != null && ScenarioLink.asksEmbed(h);
            Dom.setClass(Dom.byId("page"), "embed", embed);
            Scenario saved = share.saved();
            if (saved != null) {
                loadScenario(saved, null);
            } else {
                load(Presets.DEFAULT);
            }
            if (o != null) {
                setMessage(o.error + " Showing " + (saved != null ? "your saved scenario" : "the seed walkthrough")
                    + " instead.");
            }
        } else {
            openLink(o);
        }
        share.offerKept();
        Window.current().addEventListener("hashchange", e -> intent("link", links::hashChanged));
        Window.current().addEventListener("pagehide", e -> Guard.run("link", links::flush));
        runner.exportProbes();
        // For the hostile-input test: how long this first task took (ms).
        Dom.byId("page").setAttribute("data-start-ms", Long.toString(Math.round(Dom.now() - began)));
        if (corpus.complete()) {
            ready();
        } else {
            NoteScripts.inject("corpus-more.js", () -> Guard.run("load the source", this::corpusArrived),
                () -> Guard.run("load the source", () -> {
                    setMessage("Some kernel source files cannot be shown: corpus-more.js could not be loaded"
                        + " (it belongs beside index.html).");
                    ready();
                }));
        }
    }

    /** The page has everything it loads by itself (tests wait for this). */
    private void ready() {
        // For the hostile-input test: when the page was ready (ms since it began loading).
        Dom.byId("page").setAttribute("data-ready-ms", Long.toString(Math.round(Dom.now())));
        Dom.byId("page").setAttribute("data-ready", "true");
    }

    /** The source files loaded after the first paint are here: every pane shows them from now on. */
    private void corpusArrived() {
        Corpus all = Corpus.loadAvailable(NoteScripts::corpusText);
        if (!all.complete()) {
            setMessage("Some kernel source files cannot be shown: corpus-more.js does not hold them all.");
        }
        corpus = all;
        loc.use(all);
        source.setCorpus(all);
        tasks.forget();
        prebuilt = false;
        runner.background(this::background);
        if (!linkFile.isEmpty()) {
            source.showFile(linkFile);
        }
        redraw();
        ready();
    }

    // ---- error handling ---------------------------------------------------------------------

    /** The page says whether long work is under way (tests and the benchmark wait on it). */
    private void busyChanged() {
        Dom.byId("page").setAttribute("data-busy", runner.busy() ? "true" : "false");
        links.busyChanged();
    }

    private void failed(String what, RuntimeException e) {
        System.out.println("kthreadlab: " + what + " failed: " + e);
        setMessage("Something went wrong (" + what + "): " + e);
        controls.update(nav.history(), nav.position(), nav.playing());
    }

    /** A user intent: clears the last notice, then runs. */
    void intent(String what, Runnable r) {
        Guard.run(what, () -> {
            setMessage("");
            r.run();
        });
    }

    void setMessage(String m) {
        message = m == null ? "" : m;
        HTMLElement e = Dom.byId("message");
        Dom.text(e, message);
        Dom.show(e, !message.isEmpty());
    }

    // ---- loading -----------------------------------------------------------------------------

    /** Starts a new history for a preset (an unknown name says so and loads the default one). */
    void load(String name) {
        Presets.Preset p = Presets.get(name);
        if (p == null) {
            setMessage("There is no preset named '" + name + "'.");
            p = Presets.get(Presets.DEFAULT);
        }
        loadScenario(p.scenario, p.name);
    }

    /** Starts a new history for a scenario; `presetName` is the preset it equals, or null. */
    void loadScenario(Scenario s, String presetName) {
        loadScenario(s, presetName, ShareLinks.scenarioPart(s));
    }

    /** As above, with the scenario's link part already made (a decoded link has it). */
    private void loadScenario(Scenario s, String presetName, String link) {
        runner.cancel();
        scenario = s;
        links.scenario(link);
        preset = presetName;
        nav.open(s);
        controls.selectPreset(preset, scenario == null ? "" : scenario.title);
        String over = Workload.of(s).overAuto();
        nav.allowRecording(over == null);
        if (share != null) {
            share.progress().hide();
        }
        runner.background(this::background);
        if (over != null && share != null) {
            share.progress().ask("This scenario is large: " + over + ". Step records one step at a time.", -1,
                "Record it", this::allowRecording, "The run is not recorded ahead; Step records one step at a time.");
        }
        if (share != null) {
            share.scenarioChanged(s, presetName);
        }
        nav.go(0);
    }

    Scenario scenario() {
        return scenario;
    }

    /** The preset the scenario equals, or null for an edited one. */
    String presetName() {
        return preset;
    }

    /** Runs a long job (an export) in slices, as the only foreground job. */
    void startJob(Runner.Job j) {
        runner.start(j);
    }

    /** Stops the foreground job (Cancel of a download). */
    void cancelJob() {
        runner.cancel();
        controls.update(nav.history(), nav.position(), false);
    }

    /** Background work: every source file's rows first, then recording. True while there is more. */
    private boolean background(double deadline) {
        if (!prebuilt) {
            prebuilt = !source.prebuild(deadline);
            return true;
        }
        return nav.recordInBackground(deadline);
    }

    /** What the navigator sees of the page. */
    private Navigator.Screen screen() {
        return new Navigator.Screen() {
            @Override
            public void show(Snapshot s, Navigator.Draw how) {
                render(s, how);
            }

            @Override
            public boolean playLagging() {
                return sourceApart.drawIfLagging(shown) || tasksApart.drawIfLagging(shown)
                    || objectsApart.drawIfLagging(shown);
            }

            @Override
            public boolean drawNextPart() {
                if (tasksApart.draw(shown)) {
                    objectsWait = true;
                    return false;
                }
                if (objectsWait) {
                    objectsWait = false;
                    return false;
                }
                if (objectsApart.draw(shown)) {
                    return !runStale;
                }
                drawRun();
                return true;
            }

            @Override
            public boolean prepare(Snapshot s, double deadline) {
                int f = follow.choice();
                return f == StepView.NONE || source.ready(source.fileFor(s, StepView.focus(s, f)), deadline);
            }

            @Override
            public int focus(Snapshot s) {
                return StepView.focus(s, follow.choice());
            }

            @Override
            public void recorded() {
                History h = nav.history();
                controls.update(h, nav.position(), nav.playing());
                if (shown != null && shown.history == h) {
                    statusLine.render(shown);
                    if (h.ended() || h.recorded() % 8192 < 512) {
                        timeline.render(shown);
                    }
                }
            }

            @Override
            public void controls(boolean playing) {
                controls.update(nav.history(), nav.position(), playing);
            }

            @Override
            public double speed() {
                return controls.speed();
            }

            @Override
            public void message(String m) {
                setMessage(m);
            }
        };
    }

    // ---- going to a step ---------------------------------------------------------------------

    /** Draws the step shown again (the focus, the notes or the source files changed). */
    private void redraw() {
        if (nav.snapshot() != null) {
            render(nav.snapshot(), false);
        }
    }

    private void render(Snapshot s, boolean playFrame) {
        render(s, playFrame ? Navigator.Draw.PLAY_FRAME : Navigator.Draw.ALL);
    }

    /**
     * Draws a step: ALL at once; PLAY_FRAME without the source pane and the large tables (Play draws
     * each in a slice of its own, playLagging, at most every PLAY_SOURCE_MS and PLAY_FULL_MS);
     * STAGED the controls and the small panes now, the task table, the kernel objects and then the
     * run panes at the next calls of drawNextPart (a job calls it once per frame, so that no frame
     * lays out the whole page).
     */
    private void render(Snapshot s, Navigator.Draw how) {
        Dom.setClass(Dom.byId("state"), "stale", s == null);
        if (s != null) {
            if (follow.resolve(s)) {
                controls.selectFollow(follow.choice());
            }
            controls.showFollowChoices(s, follow.choice());
        }
        shown = new StepView(nav.history(), nav.position(), s, follow.choice());
        tasksApart.stale = s != null;
        objectsApart.stale = s != null;
        sourceApart.stale = s != null;
        runStale = true;
        if (s != null) {
            if (how != Navigator.Draw.PLAY_FRAME) {
                sourceApart.draw(shown);
            }
            for (Pane p : panes) {
                p.render(shown);
            }
        }
        controls.update(shown.history, shown.step, nav.playing());
        statusLine.render(shown);
        if (how == Navigator.Draw.ALL) {
            tasksApart.draw(shown);
            objectsApart.draw(shown);
        }
        if (how != Navigator.Draw.STAGED) {
            drawRun();
        }
    }

    /**
     * Panes that Play draws apart from the others (see render): in a slice of their own, once they
     * lag the view shown by `everyMs`. Must hold: after draw(v), they show v.
     */
    private static final class PlayApart {
        private final double everyMs;
        private final Pane[] panes;
        /** They do not show the view shown. */
        boolean stale;
        private double lastDrawn;

        PlayApart(double everyMs, Pane... panes) {
            this.everyMs = everyMs;
            this.panes = panes;
        }

        /** Draws v if they do not show it yet; true if they drew. */
        boolean draw(StepView v) {
            if (!stale) {
                return false;
            }
            stale = false;
            for (Pane p : panes) {
                p.render(v);
            }
            lastDrawn = Dom.now();
            return true;
        }

        /** During Play: draws v if they have not shown it for everyMs; true if they drew. */
        boolean drawIfLagging(StepView v) {
            return stale && Dom.now() - lastDrawn >= everyMs && draw(v);
        }
    }

    /** The run panes of the view shown, and the page's step (tests wait for it): the last part drawn. */
    private void drawRun() {
        if (runStale) {
            runStale = false;
            for (Pane p : runPanes) {
                p.render(shown);
            }
            Dom.byId("page").setAttribute("data-step", Long.toString(shown.step));
            links.viewChanged();
        }
    }

    /**
     * A job's last step: the task table was drawn a frame ago, and the kernel objects wait one more.
     * Chromium skips a content-visibility: auto element that has left the view only from the frame
     * after the one that laid it out of view; drawn in that frame, the objects (a thousand elements
     * at the end of many-threads) were laid out although no longer in view.
     */
    private boolean objectsWait;

    /** Whether the run panes show the view shown (see render). */
    private boolean runStale;

    // ---- following a task ---------------------------------------------------------------------

    void setFollow(int taskId) {
        follow.choose(taskId);
        controls.selectFollow(taskId);
        redraw();
    }

    // ---- language ---------------------------------------------------------------------------

    String lang() {
        return language.lang();
    }

    void setLang(String l) {
        if (!language.choose(l)) {
            return;
        }
        controls.fillPresets(l);
        controls.selectPreset(preset, scenario == null ? "" : scenario.title);
        if (share != null && scenario != null) {
            share.scenarioChanged(scenario, preset);
        }
        controls.selectLang(l);
        redraw();
    }

    private Language.Page languagePage() {
        return new Language.Page() {
            @Override
            public void showNotes(Annotations a) {
                App.this.showNotes(a);
            }

            @Override
            public void notesFailed(String message) {
                setMessage(message);
            }

            @Override
            public void redraw() {
                App.this.redraw();
            }
        };
    }

    /** Gives the source pane these notes; the page says which language's notes it shows (data-notes). */
    private void showNotes(Annotations a) {
        source.setNotes(a);
        prebuilt = false;
        runner.background(this::background);
        boolean some = !a.noteAnchors().isEmpty() || !a.purposeKeys().isEmpty();
        Dom.byId("page").setAttribute("data-notes", some ? a.lang() : "");
    }

    // ---- intents ----------------------------------------------------------------------------

    /** "/": the caret goes to Find in source. */
    void findInSource() {
        find.focus();
    }

    void choosePreset(String name) {
        load(name);
    }

    /** Shows what a decoded link holds: its scenario (restarted only if it differs), view and step. */
    private void openLink(ShareLinks.Opened o) {
        if (!o.view.lang.isEmpty()) {
            setLang(o.view.lang);
        }
        embed = o.view.embed;
        Dom.setClass(Dom.byId("page"), "embed", embed);
        linkFile = o.view.file;
        if (!links.shows(o)) {
            loadScenario(o.scenario, o.preset, o.scenarioPart);
        }
        follow.fromLink(o.view.follow);
        if (!linkFile.isEmpty()) {
            source.showFile(linkFile);
        }
        linkStep.open(o.view.step);
    }

    /** The reader asked to record a large scenario: background recording starts. */
    private void allowRecording() {
        nav.allowRecording(true);
        runner.background(this::background);
    }

    /** What the address bar sees of the page. */
    private LinkSync.Page linkPage() {
        return new LinkSync.Page() {
            @Override
            public View view() {
                return App.this.view();
            }

            @Override
            public void open(ShareLinks.Opened o) {
                openLink(o);
            }

            @Override
            public void message(String m) {
                setMessage(m);
            }
        };
    }

    /** What opening a link's step sees of the page. */
    private LinkStep.Page linkStepPage() {
        return new LinkStep.Page() {
            @Override
            public Progress progress() {
                return share.progress();
            }

            @Override
            public void allowRecording() {
                App.this.allowRecording();
            }

            @Override
            public void message(String m) {
                setMessage(m);
            }
        };
    }

    /** The view shown (step, language, file, followed pid, embed), or null before a scenario. */
    private View view() {
        if (scenario == null) {
            return null;
        }
        String file = linkFile;
        if (follow.choice() == StepView.NONE && source.shownFile() != null) {
            file = source.shownFile();
        }
        return new View(nav.position(), language.forLink(), file, follow.pid(nav.snapshot()), embed);
    }
}
