package kthreadlab.scenario;

/**
 * What a valid scenario will cost to run, estimated from its actions alone (linear, no run): the
 * steps and the memory a recorded run needs. The page starts a scenario by itself (a link, the
 * saved edit) only up to {@link #AUTO_STEPS}; past that it says these figures and asks first.
 * The figures are rough (within a factor of about two for the presets and the bench); they are
 * calibrated on runs of the command line (docs/scenario-files.md, "Limits").
 */
public final class Workload {
    /** Estimated steps the page records without asking (about a minute on a slow machine). */
    public static final long AUTO_STEPS = 1_000_000;
    /** Bytes a recorded step holds in the page: its columns, its share of trace records and checkpoints. */
    static final long BYTES_PER_STEP = 120;
    /** Booting: per CPU (idle tasks, per-CPU threads of the boot profiles). */
    static final long BOOT_STEPS_PER_CPU = 200;
    /** kthread_run/kthread_create of one thread, to its first sleep (measured: about 310 on 2 CPUs). */
    static final long STEPS_PER_THREAD = 400;
    /** kthread_stop, park, unpark, wake or bind of one thread (measured: about 145 for a stop). */
    static final long STEPS_PER_TARGET = 150;
    /** One wake-up and sleep again of a sleeping thread function (measured: about 15). */
    static final long STEPS_PER_WAKE = 20;
    /** A CPU kept busy by a spinner, per millisecond (measured: about 145, ticks included). */
    static final long BUSY_STEPS_PER_MS = 150;
    private static final long MS = 1_000_000;

    public final long threads;
    public final long targets;
    public final long steps;
    public final long bytes;

    private Workload(long threads, long targets, long steps) {
        this.threads = threads;
        this.targets = targets;
        this.steps = steps;
        this.bytes = steps * BYTES_PER_STEP;
    }

    /** The estimate for a scenario that passed {@link ScenarioCheck} (so every sum below is bounded). */
    public static Workload of(Scenario s) {
        long threads = ScenarioCheck.threads(s);
        long targets = ScenarioCheck.targets(s);
        long steps = BOOT_STEPS_PER_CPU * s.cpus + threads * STEPS_PER_THREAD + targets * STEPS_PER_TARGET;
        long spinners = 0;
        long busyFrom = s.until;
        for (Action a : s.actions) {
            if (!a.creates()) {
                continue;
            }
            long left = Math.max(0, s.until - a.at);
            if (a.fn.equals("spinner")) {
                spinners += a.count;
                busyFrom = Math.min(busyFrom, a.at);
            } else {
                // sleeper: arg is its period in ms; the others wake about once a tick or less.
                long period = a.fn.equals("sleeper") ? Math.max(1, a.arg) * MS : 4 * MS;
                steps += a.count * (left / period) * STEPS_PER_WAKE;
            }
        }
        long busyCpus = Math.min(spinners, s.cpus);
        steps += busyCpus * ((s.until - busyFrom) / MS) * BUSY_STEPS_PER_MS;
        return new Workload(threads, targets, steps);
    }

    /** Null if the page may start this scenario by itself, else why not (one line, with the estimate). */
    public String overAuto() {
        if (steps <= AUTO_STEPS) {
            return null;
        }
        return "it creates " + threads + " threads and needs about " + steps + " steps (about "
            + Math.max(1, bytes / MS) + " MB in the page); the page starts at most " + AUTO_STEPS
            + " estimated steps by itself";
    }
}
