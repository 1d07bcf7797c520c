package kthreadlab.web;

import kthreadlab.scenario.Workload;

/**
 * Opening a link's step. The page records by itself at most LINK_SEEK_STEPS steps to get there, and
 * none for a large scenario (past Workload.AUTO_STEPS); past that it asks the reader. The recording
 * runs in slices with the progress line and its Cancel.
 */
final class LinkStep {
    /** The most steps a link makes the page record by itself to reach its step; past it the reader is asked. */
    static final long LINK_SEEK_STEPS = 100_000;

    private final Navigator nav;
    private final Page page;
    private final Runner runner;

    /** What opening a link's step needs of the page. */
    interface Page {
        Progress progress();

        /** The reader asked to record a large scenario: background recording starts. */
        void allowRecording();

        void message(String m);
    }

    LinkStep(Navigator nav, Runner runner, Page page) {
        this.nav = nav;
        this.runner = runner;
        this.page = page;
    }

    /** Shows a link's step: at once when it is recorded, else after recording it (or asking first). */
    void open(long step) {
        if (step <= nav.history().recorded()) {
            nav.go(step);
            return;
        }
        if (step <= LINK_SEEK_STEPS && nav.recordAllowed()) {
            runner.start(new LinkSeek(step));
            return;
        }
        String why = nav.recordAllowed() ? "the page records at most " + LINK_SEEK_STEPS + " steps by itself"
            : "the scenario is large (" + Workload.of(nav.history().scenario()).overAuto() + ")";
        page.progress().ask("This link shows step " + step + "; " + why + ".", -1, "Go to step " + step, () -> {
            page.allowRecording();
            runner.start(new LinkSeek(step));
        }, "The link's step " + step + " was not recorded; showing step " + nav.position() + ".");
    }

    /** Seek for a link: the same work, with the progress line and its Cancel. */
    private final class LinkSeek implements Runner.Job {
        private final long target;
        private final Runner.Job seek;

        LinkSeek(long target) {
            this.target = target;
            this.seek = nav.seek(target);
        }

        @Override
        public boolean run(double deadline) {
            boolean done = seek.run(deadline);
            if (done) {
                page.progress().hide();
            } else if (nav.position() != target) {
                page.progress().show("Opening the link: recording step " + nav.history().recorded() + " of " + target
                    + "…", (double) nav.history().recorded() / target, null);
            }
            return done;
        }

        @Override
        public int delay() {
            return seek.delay();
        }

        @Override
        public void cancelled() {
            seek.cancelled();
            page.progress().hide();
            if (nav.position() == target) {
                return; // shown: only parts of the page were still to be drawn
            }
            page.message("Stopped at step " + nav.history().recorded() + " of the link's " + target
                + "; showing step " + nav.position() + ".");
        }
    }
}
