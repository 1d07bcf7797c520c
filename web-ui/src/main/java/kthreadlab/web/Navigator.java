package kthreadlab.web;

import kthreadlab.history.History;
import kthreadlab.scenario.Scenario;
import kthreadlab.snapshot.Snapshot;

/**
 * Where the reader is in the run: the recorder (a History) and the step shown. Step, back, step
 * over, the next event, go to a step (recording it first when it is not recorded yet), play, and
 * recording in the background. Long moves run in slices through the Runner; each ends in go(n),
 * which takes step n's snapshot and gives it to the screen.
 */
final class Navigator {
    /** Background recording stops here; going further records on demand. */
    static final long BACKGROUND_LIMIT = 300_000;
    /** Steps recorded between two looks at the clock (early steps run slowly until the JIT warms up). */
    static final int RECORD_BATCH = 16;
    /**
     * What the checkpoints may take (estimated bytes): a run of 10,000 tasks has machines of
     * megabytes, so past this the checkpoints thin out (the interval doubles) instead of growing.
     */
    static final long CHECKPOINT_BYTES = 160L << 20;
    /**
     * Steps between checkpoints to start with, and how many before the interval doubles: a seek
     * copies a checkpoint and replays half an interval on average, and recording pays a copy per
     * interval. A checkpoint now copies only the tasks touched since the previous one (frames by
     * FrameCopy), so 64 costs recording little, and a seek replays some 32 steps less than at 128
     * (PageBench, one run each: seek p90 6.9x a Step at 128, 5.6x at 64). The byte budget keeps
     * large machines from taking that many copies.
     */
    static final int CHECKPOINT_INTERVAL = 64;
    static final int MAX_CHECKPOINTS = 4096;

    static final String[] FORK = {"sched_process_fork"};
    static final String[] SWITCH = {"sched_switch"};
    static final String[] WAKEUP = {"sched_wakeup", "sched_wakeup_new"};

    /** The recorder of the run, and the step shown. */
    private History history;
    private long pos;
    /** The snapshot of the step shown (kept when the next step cannot be shown). */
    private Snapshot snap;
    /**
     * The run is recorded in the background. False for a scenario past Workload.AUTO_STEPS until
     * the reader asks (Step still records one step at a time).
     */
    private boolean recordAllowed;

    /** How much of a step the screen draws at once. */
    enum Draw {
        /** Everything. */
        ALL,
        /** One frame of Play: all but the source pane and the large tables (Screen.playLagging draws them). */
        PLAY_FRAME,
        /** A job's last step: the small panes now, the rest part by part (Screen.drawNextPart). */
        STAGED
    }

    /** What the navigator needs of the page. */
    interface Screen {
        /** Draws the step shown (its snapshot, null when it cannot be shown), or part of it. */
        void show(Snapshot s, Draw how);

        /**
         * During Play: draws the source pane or else the large tables if it lags behind the step
         * shown long enough; true if it drew one.
         */
        boolean playLagging();

        /** After show(s, STAGED): draws the next part left out; true once all of it is drawn. */
        boolean drawNextPart();

        /** Builds, in slices, what showing s will need (the source file it opens); true when that is done. */
        boolean prepare(Snapshot s, double deadline);

        /** The task the reader follows in s (its line is current), or -1. */
        int focus(Snapshot s);

        /** Recording in the background added steps. */
        void recorded();

        /** The controls show the position again (and whether Play is on). */
        void controls(boolean playing);

        /** Steps per second of Play (0 or less: as fast as it can). */
        double speed();

        void message(String m);
    }

    private final Runner runner;
    private final Screen screen;

    Navigator(Runner runner, Screen screen) {
        this.runner = runner;
        this.screen = screen;
    }

    /** A new recorder for this scenario, at step 0 (shown by the next go). */
    void open(Scenario s) {
        // Function enter/exit records are most of a trace and only the Chrome download uses them:
        // it records the run again with them (ShareUi).
        history = new History(s, s.until, CHECKPOINT_INTERVAL, MAX_CHECKPOINTS, false, CHECKPOINT_BYTES);
        pos = 0;
    }

    /** The snapshot of the step shown, or null before the first. */
    Snapshot snapshot() {
        return snap;
    }

    boolean recordAllowed() {
        return recordAllowed;
    }

    void allowRecording(boolean allowed) {
        recordAllowed = allowed;
    }

    /** Records in the background up to BACKGROUND_LIMIT steps; true while there is more to record. */
    boolean recordInBackground(double deadline) {
        if (!recordAllowed || history.ended() || history.recorded() >= BACKGROUND_LIMIT) {
            return false;
        }
        recordUntil(Long.MAX_VALUE, deadline);
        screen.recorded();
        return !history.ended() && history.recorded() < BACKGROUND_LIMIT;
    }

    /** Records until `goal` steps, the end, or the deadline. */
    void recordUntil(long goal, double deadline) {
        while (history.recorded() < goal && !history.ended() && Dom.now() < deadline) {
            history.record((int) Math.min(RECORD_BATCH, goal - history.recorded()));
        }
    }

    /** Shows step n (0 <= n <= recorded). */
    void go(long n) {
        pos = n;
        try {
            Snapshot ready = readySnap;
            readySnap = null;
            snap = ready != null && readyHistory == history && ready.step == n ? ready : history.snapshotAt(n);
        } catch (RuntimeException e) {
            System.out.println("kthreadlab: cannot show step " + n + ": " + e);
            screen.message("Step " + n + " cannot be shown: " + e);
            screen.show(null, drawing);
            return;
        }
        screen.show(snap, drawing);
    }

    /** A job that goes to step n, recording first (for a caller that shows its progress). */
    Runner.Job seek(long n) {
        return new Seek(n);
    }

    /** Goes to step n, recording in slices first if it is not recorded yet. */
    void goFar(long n) {
        if (n <= history.recorded()) {
            go(n);
            return;
        }
        runner.start(new Seek(n));
    }

    long position() {
        return pos;
    }

    History history() {
        return history;
    }

    void step() {
        runner.cancel();
        if (pos >= history.recorded() && !history.ended()) {
            history.record(1);
        }
        if (pos < history.recorded()) {
            go(pos + 1);
        } else {
            screen.message(endNotice());
            screen.show(snap, Draw.ALL);
        }
    }

    void back() {
        runner.cancel();
        if (pos > 0) {
            go(pos - 1);
        }
    }

    void reset() {
        runner.cancel();
        go(0);
    }

    void stepOver() {
        runner.cancel();
        if (snap == null) {
            step();
            return;
        }
        int t = screen.focus(snap);
        if (t < 0) {
            t = snap.lastTask >= 0 ? snap.lastTask : snap.cpus.get(0).curr;
        }
        Snapshot.TaskView tv = snap.task(t);
        if (tv.frames.isEmpty()) {
            step();
            return;
        }
        History.StepOver search = history.stepOver(pos, t, tv.frames.size());
        String who = Fmt.task(tv);
        String fn = tv.frames.get(0).function;
        runner.start(new Search("step over") {
            @Override
            long find() {
                return search.scan();
            }

            @Override
            String notFound() {
                return who + " did not come back from " + fn + "() before the end of the run.";
            }
        });
    }

    void runToNext(String[] names, String label) {
        runner.cancel();
        long from = pos;
        runner.start(new Search("next " + label) {
            @Override
            long find() {
                return history.nextEvent(from, names);
            }

            @Override
            String notFound() {
                return "No " + label + " after step " + from + " until the end of the run.";
            }
        });
    }

    void runToEnd() {
        runner.start(new Seek(Long.MAX_VALUE));
    }

    void play() {
        if (history.ended() && pos >= history.recorded()) {
            screen.message(endNotice());
            return;
        }
        runner.start(new Play());
        screen.controls(true);
    }

    void pause() {
        if (runner.job() instanceof Play) {
            runner.cancel();
        }
        screen.controls(false);
    }

    void togglePlay() {
        if (runner.job() instanceof Play) {
            pause();
        } else {
            play();
        }
    }

    boolean playing() {
        return runner.job() instanceof Play;
    }

    private String endNotice() {
        if (history.error() != null) {
            return "The run stops here: " + history.error();
        }
        return snap != null && snap.bug != null || history.bug() != null ? "The run stops at the BUG." : "This is the end of the run.";
    }

    /** The snapshot a job just took to prepare step readySnap.step (go() uses it once instead of taking it again). */
    private Snapshot readySnap;
    private History readyHistory;

    /**
     * Before showing step n from a job: builds, in slices, the source file that step will show
     * (a large file takes longer than a slice). True when go(n) will not have to build it.
     */
    private boolean prepared(long n, double deadline) {
        try {
            Snapshot s = history.snapshotAt(n);
            readySnap = s;
            readyHistory = history;
            return screen.prepare(s, deadline);
        } catch (RuntimeException e) {
            return true;
        }
    }

    /**
     * A job that ends by showing a step: it shows it in a slice of its own (recording may have
     * used the slice), the small panes first and the rest in the next slices, one part per frame,
     * so that neither a slice nor a frame draws the whole page. It ends once all is drawn.
     */
    private abstract class Showing implements Runner.Job {
        private boolean shown;

        /** Works until the deadline; returns the step to show, or -1 (not yet). */
        abstract long work(double deadline);

        @Override
        public final boolean run(double deadline) {
            if (shown) {
                return screen.drawNextPart();
            }
            long n = work(deadline);
            if (n < 0 || Dom.now() >= deadline || !prepared(n, deadline)) {
                return false;
            }
            done(n);
            drawing = Draw.STAGED;
            try {
                go(n);
            } finally {
                drawing = Draw.ALL;
            }
            shown = true;
            return false;
        }

        /** Step n is about to be shown. */
        void done(long n) {
        }

        @Override
        public int delay() {
            return shown ? Runner.AFTER_FRAME : 0;
        }

        @Override
        public void cancelled() {
            while (shown && !screen.drawNextPart()) {
                continue;
            }
        }
    }

    /** Goes to a step that may not be recorded yet (a link, "go to step", run to end). */
    private final class Seek extends Showing {
        private final long target;

        Seek(long target) {
            this.target = target;
        }

        @Override
        long work(double deadline) {
            recordUntil(target, deadline);
            if (history.recorded() >= target || history.ended()) {
                return Math.min(target, history.recorded());
            }
            Dom.text(Dom.byId("status"), "recording… step " + history.recorded() + " (going to "
                + (target == Long.MAX_VALUE ? "the end" : Long.toString(target)) + ")");
            screen.controls(false);
            return -1;
        }

        @Override
        void done(long n) {
            if (n < target && target != Long.MAX_VALUE) {
                screen.message("The run has only " + history.recorded() + " steps; showing the last one.");
            }
        }
    }

    /** Records forward until a condition on the recorded steps is met. */
    private abstract class Search extends Showing {
        private final String what;
        private long found = -1;
        private boolean missing;

        Search(String what) {
            this.what = what;
        }

        abstract long find();

        abstract String notFound();

        @Override
        long work(double deadline) {
            while (true) {
                long s = found >= 0 ? found : find();
                if (s >= 0) {
                    found = s;
                    return s;
                }
                if (history.ended()) {
                    missing = true;
                    return history.recorded();
                }
                if (Dom.now() >= deadline) {
                    Dom.text(Dom.byId("status"), what + ": searching… step " + history.recorded());
                    return -1;
                }
                recordUntil(history.recorded() + 512, deadline);
            }
        }

        @Override
        void done(long n) {
            if (missing) {
                screen.message(notFound());
            }
        }
    }

    /** How go() draws: during Play one frame, at a job's end in parts. */
    private Draw drawing = Draw.ALL;

    /** Plays forward at the chosen speed, one render per frame. */
    private final class Play implements Runner.Job {
        private double last = Dom.now();
        private double carry;

        @Override
        public boolean run(double deadline) {
            if (screen.playLagging()) {
                return false; // the source pane or the large tables took this slice; the steps due carry over
            }
            double t = Dom.now();
            double dt = Math.min(t - last, 100);
            last = t;
            double speed = screen.speed();
            long k;
            if (speed <= 0) {
                k = Long.MAX_VALUE / 4;
            } else {
                carry += speed * dt / 1000;
                k = (long) carry;
                carry -= k;
            }
            if (k == 0) {
                return false;
            }
            long target = pos + k;
            recordUntil(target, Math.min(deadline, t + 8));
            long reach = Math.min(target, history.recorded());
            if (reach > pos && !prepared(reach, deadline)) {
                if (speed > 0) {
                    carry += k;
                }
                return false;
            }
            if (reach > pos) {
                drawing = Draw.PLAY_FRAME;
                try {
                    go(reach);
                } finally {
                    drawing = Draw.ALL;
                }
            }
            if (history.ended() && pos >= history.recorded()) {
                screen.show(snap, Draw.ALL);
                screen.controls(false);
                return true;
            }
            return false;
        }

        @Override
        public int delay() {
            return 16;
        }

        /**
         * Play records what it shows; recording ahead in the background as well made every frame
         * of Play pay for copies and their garbage collection (PageProfile: most of its longest
         * tasks). Background recording goes on once Play stops.
         */
        @Override
        public boolean sharesSlices() {
            return false;
        }

        @Override
        public void cancelled() {
            screen.controls(false);
            if (snap != null) {
                screen.show(snap, Draw.ALL);
            }
        }
    }
}
