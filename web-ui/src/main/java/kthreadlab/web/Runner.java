package kthreadlab.web;

import org.teavm.jso.JSBody;
import org.teavm.jso.JSFunctor;
import org.teavm.jso.JSObject;
import org.teavm.jso.browser.Window;

/**
 * Runs long work in slices so the page never blocks: one foreground job at a time (a play, a
 * seek far ahead, a search), and otherwise background recording. Each slice gets a deadline
 * SLICE_MS away; work checks it often. Errors end the job and are reported, never thrown.
 */
final class Runner {
    static final double SLICE_MS = 8;
    /** Job.delay(): the next slice runs once the browser has drawn a frame (at most FRAME_WAIT_MS later). */
    static final int AFTER_FRAME = Integer.MAX_VALUE;
    /** How long AFTER_FRAME waits for a frame (none comes while the page is hidden). */
    static final int FRAME_WAIT_MS = 100;

    /** A piece of long work. */
    interface Job {
        /** Works until done or the deadline (Performance.now() ms); true when done. */
        boolean run(double deadline);

        /** Milliseconds to wait before the next slice (0: as soon as possible; or AFTER_FRAME). */
        default int delay() {
            return 0;
        }

        /** Whether background work may use what is left of this job's slices. */
        default boolean sharesSlices() {
            return true;
        }

        /** Called once when the job is replaced or cancelled before it finished. */
        default void cancelled() {
        }
    }

    /** Background work: returns true while it has more to do. */
    interface Background {
        boolean run(double deadline);
    }

    /** Receives failures of jobs. */
    interface Failure {
        void failed(String what, RuntimeException e);
    }

    private final Failure failure;
    private final Runnable changed;
    private Job job;
    private Background background;
    private boolean scheduled;
    private int timer;
    /** The animation frame an AFTER_FRAME slice waits for (0: none). */
    private int frame;
    private double longest;

    /** `changed` runs whenever a foreground job starts or ends. */
    Runner(Failure failure, Runnable changed) {
        this.failure = failure;
        this.changed = changed;
    }

    void start(Job j) {
        cancel();
        job = j;
        changed.run();
        schedule(0);
    }

    /** Stops the foreground job (background work goes on). */
    void cancel() {
        Job j = job;
        job = null;
        if (j != null) {
            j.cancelled();
            changed.run();
        }
    }

    boolean busy() {
        return job != null;
    }

    Job job() {
        return job;
    }

    void background(Background b) {
        background = b;
        schedule(0);
    }

    /** The longest slice so far, in ms (the benchmark reads it). */
    double longest() {
        return longest;
    }

    void resetLongest() {
        longest = 0;
    }

    private void schedule(int delay) {
        if (scheduled) {
            if (delay > 0) {
                return;
            }
            Window.clearTimeout(timer);
            cancelFrame();
        }
        scheduled = true;
        if (delay != AFTER_FRAME) {
            timer = Window.setTimeout(this::tick, delay);
            return;
        }
        // the callback runs before the frame is drawn; the slice runs in a task after it
        frame = Window.requestAnimationFrame(t -> {
            frame = 0;
            Window.clearTimeout(timer);
            timer = Window.setTimeout(this::tick, 0);
        });
        timer = Window.setTimeout(() -> {
            cancelFrame();
            tick();
        }, FRAME_WAIT_MS);
    }

    private void cancelFrame() {
        if (frame != 0) {
            Window.cancelAnimationFrame(frame);
            frame = 0;
        }
    }

    private void tick() {
        scheduled = false;
        double start = Dom.now();
        double deadline = start + SLICE_MS;
        int next = -1;
        Job j = job;
        try {
            if (j != null) {
                if (j.run(deadline)) {
                    if (job == j) {
                        job = null;
                    }
                } else if (job == j) {
                    next = j.delay();
                }
            }
            if (background != null && (job == null || j.sharesSlices() && Dom.now() < deadline - 2)) {
                if (!background.run(deadline)) {
                    background = null;
                }
                if (background != null && next < 0) {
                    next = 0;
                }
            }
        } catch (RuntimeException e) {
            if (job == j) {
                job = null;
            }
            failure.failed("background work", e);
        }
        if (j != null && job == null) {
            changed.run();
        }
        longest = Math.max(longest, Dom.now() - start);
        if (job != null && next < 0) {
            next = job.delay();
        }
        if (next >= 0 && !scheduled) {
            schedule(next);
        }
    }

    /** A number from Java, callable from JavaScript. */
    @JSFunctor
    interface NumberProbe extends JSObject {
        double get();
    }

    /** For the benchmark and tests: window.kthreadlabLongestSlice() (ms) and kthreadlabResetLongestSlice(). */
    void exportProbes() {
        exportProbes(this::longest, this::resetLongest);
    }

    @JSBody(params = {"longest", "reset"}, script = "window.kthreadlabLongestSlice = longest;"
        + "window.kthreadlabResetLongestSlice = reset;")
    private static native void exportProbes(NumberProbe longest, JsAction reset);
}
