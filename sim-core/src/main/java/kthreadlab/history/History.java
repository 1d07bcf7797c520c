package kthreadlab.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import kthreadlab.engine.Code;
import kthreadlab.engine.Frame;
import kthreadlab.engine.Invariants;
import kthreadlab.engine.Machine;
import kthreadlab.engine.TaskStruct;
import kthreadlab.init.main.Boot;
import kthreadlab.scenario.Scenario;
import kthreadlab.snapshot.Snapshot;
import kthreadlab.trace.TraceEvent;

/**
 * A scenario's run, recorded so the view can move through it freely. A head machine runs
 * forward and records, per step, the CPU, the task, its start time and the task's stack depth,
 * plus the whole trace; every `interval` steps it keeps a checkpoint (a deep copy). Going to step
 * n copies the nearest checkpoint at or before n and replays forward, deterministically. Nothing
 * is stored per step beyond a few numbers, so the history has no length cap: when checkpoints
 * grow past MAX_CHECKPOINTS, or their estimated size past the byte budget, every other one is
 * dropped and the interval doubles (a machine of 10,000 tasks is megabytes: count alone would let
 * a large run's checkpoints take gigabytes).
 *
 * Step numbers count executed steps: step 0 is the booted machine, step n the machine after n
 * steps. A trace record stamped `step == s` happened on the way from step s to step s + 1; a run
 * that ends busy at `until` has records stamped recorded() (events due before `until` after the
 * last step), so the trace is the straight run's, record for record.
 *
 * Recording stops at the scenario's end, at the first BUG (an invariant broke), or when the
 * simulator throws, which is reported by error() and never escapes.
 */
public final class History {
    public static final int INTERVAL = 256;
    public static final int MAX_CHECKPOINTS = 1024;
    /**
     * Going back a little (less than a checkpoint interval: Step back), the replay also keeps a copy
     * every LOCAL_INTERVAL steps, so more steps back stay short. A jump further back keeps none: a
     * copy costs more than the steps it would spare, and most jumps are not followed by Step back.
     */
    static final int LOCAL_INTERVAL = 32;
    static final int LOCAL_COPIES = 16;

    private final Scenario scenario;
    private final long until;
    private final Machine head;
    /** The command line's check, run after every recorded step: a BUG stops the recording there. */
    private final Invariants invariants = new Invariants();
    private final List<TraceEvent> trace = new ArrayList<>();
    private final List<TraceEvent> tracepoints = new ArrayList<>();
    private final IntColumn task = new IntColumn();
    /** cpu (10 bits) | depth when the line ran << 10 | depth after the step << 21 (11 bits each). */
    private final IntColumn info = new IntColumn();
    private final LongColumn time = new LongColumn();
    private final Lanes lanes;
    private final List<Machine> checkpoints = new ArrayList<>();
    private final int maxCheckpoints;
    /** Estimated bytes the checkpoints may take (see Machine.approxBytes). */
    private final long checkpointBudget;
    /** Estimated bytes of each checkpoint, in order. */
    private final List<Long> checkpointSizes = new ArrayList<>();
    private long checkpointBytes;
    private final boolean functionEvents;
    /** Recent copies made while replaying backwards, by step, oldest first; never the cursor itself. */
    private final List<Machine> local = new ArrayList<>();
    private int interval;
    private boolean ended;
    private String error;
    private Machine cursor;
    private long cursorStep = -1;
    private final long startTime;
    private final int[] preCurr;
    private final int[] preDepth;
    private final int[] prePc;
    private final Frame[] preTop;

    public History(Scenario scenario) {
        this(scenario, scenario.until, INTERVAL);
    }

    /** A history that runs `scenario` until simulated time `until`, checkpointing every `interval` steps. */
    public History(Scenario scenario, long until, int interval) {
        this(scenario, until, interval, MAX_CHECKPOINTS, true);
    }

    /**
     * A history with at most about `maxCheckpoints` checkpoints (then the interval doubles) that
     * keeps function enter/exit records in trace() only if `functionEvents` (they are most of the
     * records; the live view needs only the tracepoints).
     */
    public History(Scenario scenario, long until, int interval, int maxCheckpoints, boolean functionEvents) {
        this(scenario, until, interval, maxCheckpoints, functionEvents, Long.MAX_VALUE);
    }

    /** As above, with checkpoints thinned out whenever their estimated size passes `checkpointBudget` bytes. */
    public History(Scenario scenario, long until, int interval, int maxCheckpoints, boolean functionEvents,
            long checkpointBudget) {
        if (interval < 1 || maxCheckpoints < 2) {
            throw new IllegalArgumentException("checkpoint interval must be >= 1 and the maximum >= 2: "
                + interval + ", " + maxCheckpoints);
        }
        this.scenario = scenario;
        this.until = until;
        this.interval = interval;
        this.maxCheckpoints = maxCheckpoints;
        this.checkpointBudget = checkpointBudget;
        this.functionEvents = functionEvents;
        this.head = Boot.machine(scenario);
        this.startTime = head.now;
        int cpus = head.rqs.length;
        this.lanes = new Lanes(cpus);
        this.preCurr = new int[cpus];
        this.preDepth = new int[cpus];
        this.prePc = new int[cpus];
        this.preTop = new Frame[cpus];
        addCheckpoint(head.checkpoint(null));
        head.sink = e -> {
            if (e.kind == TraceEvent.EVENT) {
                tracepoints.add(e);
            } else if (!this.functionEvents && (e.kind == TraceEvent.FUNC_ENTER || e.kind == TraceEvent.FUNC_EXIT)) {
                return;
            }
            trace.add(e);
        };
    }

    public Scenario scenario() {
        return scenario;
    }

    public long until() {
        return until;
    }

    public int cpus() {
        return lanes.cpus();
    }

    /** Steps recorded so far: every step from 0 to recorded() can be shown. */
    public long recorded() {
        return task.size();
    }

    /** True when no step will follow recorded(): the scenario ended, a BUG stopped it, or the simulator failed. */
    public boolean ended() {
        return ended;
    }

    /** The "BUG: … (step N)" line that stopped the recording (as the command line prints it), or null. */
    public String bug() {
        return head.bug;
    }

    /** "simulator error in step N: ..." if the simulator threw while recording, else null. */
    public String error() {
        return error;
    }

    /** Function enter/exit records are kept in trace(). */
    public boolean functionEvents() {
        return functionEvents;
    }

    /** The current checkpoint interval in steps. */
    public int interval() {
        return interval;
    }

    public int checkpointCount() {
        return checkpoints.size();
    }

    /** Records up to `max` more steps; returns how many it recorded (0 once ended). */
    public int record(int max) {
        int done = 0;
        while (done < max && !ended) {
            capture();
            boolean more;
            try {
                more = head.step(until);
            } catch (RuntimeException e) {
                ended = true;
                error = "simulator error in step " + (recorded() + 1) + ": " + e;
                dropUnfinishedTrace();
                break;
            }
            if (!more) {
                // The due events handled on the way (a timer firing at `until`) are part of the run,
                // as in a straight run: their records stay, stamped step == recorded().
                ended = true;
                break;
            }
            invariants.checkStep(head);
            note();
            done++;
            if (recorded() % interval == 0) {
                checkpoint();
            }
            if (head.bug != null) {
                ended = true;
            }
        }
        return done;
    }

    /** Records until the end; for tests and the command line. */
    public void recordAll() {
        while (!ended) {
            record(1 << 16);
        }
    }

    /** Before a step: what each CPU's current task is doing, to tell later which frame ran the line. */
    private void capture() {
        for (int c = 0; c < preCurr.length; c++) {
            TaskStruct t = head.task(head.rqs[c].curr);
            int n = t.stack.size();
            Frame top = n == 0 ? null : t.stack.get(n - 1);
            preCurr[c] = t.id;
            preDepth[c] = n;
            preTop[c] = top;
            prePc[c] = top == null ? -1 : top.pc;
        }
    }

    private void note() {
        int c = head.lastCpu;
        int t = head.lastTask;
        int after = head.task(t).stack.size();
        int exec = preCurr[c] == t ? preDepth[c] + (pushedBeforeLine(c) ? 1 : 0) : after;
        task.add(t);
        time.add(head.now);
        info.add(c | Math.min(exec, 2047) << 10 | Math.min(after, 2047) << 21);
        lanes.add(c, t, head.now, head.rqs[c].nextStep);
    }

    /** Whether the step ran a frame pushed on entry (the tick, or an interrupt-return preemption). */
    private boolean pushedBeforeLine(int c) {
        Frame f = preTop[c];
        if (f == null) {
            return true;
        }
        try {
            Code code = f.code();
            return !(code.function.equals(head.lastFunction) && code.file.equals(head.lastFile)
                && code.text(prePc[c]).equals(head.lastText) && code.occurrence(prePc[c]) == head.lastOccurrence);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void dropUnfinishedTrace() {
        long n = recorded();
        while (!trace.isEmpty() && trace.get(trace.size() - 1).step >= n) {
            trace.remove(trace.size() - 1);
        }
        while (!tracepoints.isEmpty() && tracepoints.get(tracepoints.size() - 1).step >= n) {
            tracepoints.remove(tracepoints.size() - 1);
        }
    }

    private void checkpoint() {
        addCheckpoint(head.checkpoint(checkpoints.get(checkpoints.size() - 1)));
        while (checkpoints.size() > 2
            && (checkpoints.size() > maxCheckpoints || checkpointBytes > checkpointBudget)) {
            List<Machine> kept = new ArrayList<>();
            List<Long> sizes = new ArrayList<>();
            checkpointBytes = 0;
            for (int i = 0; i < checkpoints.size(); i += 2) {
                kept.add(checkpoints.get(i));
                sizes.add(checkpointSizes.get(i));
                checkpointBytes += checkpointSizes.get(i);
            }
            checkpoints.clear();
            checkpoints.addAll(kept);
            checkpointSizes.clear();
            checkpointSizes.addAll(sizes);
            interval *= 2;
        }
    }

    private void addCheckpoint(Machine m) {
        long size = m.approxBytes();
        checkpoints.add(m);
        checkpointSizes.add(size);
        checkpointBytes += size;
    }

    /** Estimated bytes the checkpoints take now. */
    public long checkpointBytes() {
        return checkpointBytes;
    }

    // ---- going to a step ------------------------------------------------------------------

    /**
     * The machine after n steps, for reading only. It is this history's replay machine: valid until
     * the next call, and never to be stepped or changed by the caller.
     */
    Machine machineAt(long n) {
        if (n < 0 || n > recorded()) {
            throw new IllegalArgumentException("step " + n + " is outside the recorded 0.." + recorded());
        }
        if (cursor != null && cursorStep == n) {
            return cursor;
        }
        int k = (int) Math.min(n / interval, checkpoints.size() - 1);
        Machine from = checkpoints.get(k);
        long fromStep = (long) k * interval;
        for (Machine m : local) {
            if (m.steps <= n && m.steps > fromStep) {
                from = m;
                fromStep = m.steps;
            }
        }
        boolean back = cursor != null && n < cursorStep;
        boolean keep = back && cursorStep - n < interval;
        if (cursor == null || cursorStep > n || cursorStep < fromStep) {
            if (!back) {
                local.clear();
            }
            cursor = from.replayCopy();
            cursorStep = fromStep;
        }
        while (cursorStep < n) {
            if (!cursor.step(until)) {
                throw new IllegalStateException("replay ended at step " + cursorStep + " before step " + n);
            }
            cursorStep++;
            if (keep && cursorStep % LOCAL_INTERVAL == 0 && cursorStep < n && cursorStep % interval != 0) {
                keepLocal(cursor.copy());
            }
        }
        return cursor;
    }

    private void keepLocal(Machine m) {
        for (int i = 0; i < local.size(); i++) {
            if (local.get(i).steps == m.steps) {
                return;
            }
        }
        local.add(m);
        if (local.size() > LOCAL_COPIES) {
            local.remove(0);
        }
    }

    /** The view after n steps (0 <= n <= recorded()). */
    public Snapshot snapshotAt(long n) {
        return Snapshot.of(machineAt(n));
    }

    // ---- per-step records (step numbers 1..recorded()) -----------------------------------

    private int index(long step) {
        if (step < 1 || step > recorded()) {
            throw new IllegalArgumentException("step " + step + " is outside the recorded 1.." + recorded());
        }
        return (int) (step - 1);
    }

    /** The task id that executed step `step`. */
    public int taskOf(long step) {
        return task.get(index(step));
    }

    public int cpuOf(long step) {
        return info.get(index(step)) & 1023;
    }

    /** Simulated time at which step `step` executed; the time shown after it. */
    public long timeOf(long step) {
        return time.get(index(step));
    }

    /** The stepping task's stack depth at the frame whose line the step ran. */
    public int depthRun(long step) {
        return info.get(index(step)) >>> 10 & 2047;
    }

    /** The stepping task's stack depth after the step. */
    public int depthAfter(long step) {
        return info.get(index(step)) >>> 21;
    }

    /** Simulated time after n steps. */
    public long timeAt(long n) {
        return n == 0 ? startTime : timeOf(n);
    }

    /** The last step n (0..recorded()) whose time is at or before ns. */
    public long stepAtTime(long ns) {
        long lo = 0;
        long hi = recorded();
        while (lo < hi) {
            long mid = (lo + hi + 1) >>> 1;
            if (timeOf(mid) <= ns) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    public Lanes lanes() {
        return lanes;
    }

    // ---- the trace -------------------------------------------------------------------------

    /** Every trace record so far (tracepoints, function enter/exit unless left out, API), in order. */
    public List<TraceEvent> trace() {
        return Collections.unmodifiableList(trace);
    }

    /** The ftrace tracepoint records (kind EVENT) so far, in order. */
    public List<TraceEvent> tracepoints() {
        return Collections.unmodifiableList(tracepoints);
    }

    /** Index of the first tracepoint that happened after step n (tracepoints().size() if none yet). */
    public int firstTracepointAfter(long n) {
        int lo = 0;
        int hi = tracepoints.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (tracepoints.get(mid).step < n) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The first step after n whose execution emitted a tracepoint with one of these names: the
     * step to show so that the event has just happened. -1 if none is recorded yet.
     */
    public long nextEvent(long n, String... names) {
        for (int i = firstTracepointAfter(n); i < tracepoints.size(); i++) {
            TraceEvent e = tracepoints.get(i);
            if (e.step >= recorded()) {
                return -1;
            }
            for (String name : names) {
                if (e.name.equals(name)) {
                    return e.step + 1;
                }
            }
        }
        return -1;
    }

    /** Starts a "step over" from step n for the task with this id, whose stack has `depth` frames there. */
    public StepOver stepOver(long n, int taskId, int depth) {
        return new StepOver(n, taskId, depth);
    }

    /**
     * A resumable search for the end of "step over": the task first runs the line it is at
     * (a step at its current depth, after any interrupt taken on top of it), and the search stops at
     * the first step of that task which leaves it at that depth or shallower.
     */
    public final class StepOver {
        private final int taskId;
        private final int depth;
        private long next;
        private boolean ranLine;

        StepOver(long from, int taskId, int depth) {
            this.taskId = taskId;
            this.depth = depth;
            this.next = from + 1;
        }

        /** Scans the recorded steps; the step to show, or -1 if it is not recorded yet. */
        public long scan() {
            while (next <= recorded()) {
                long s = next++;
                if (taskOf(s) != taskId) {
                    continue;
                }
                if (!ranLine) {
                    if (depthRun(s) > depth) {
                        continue;
                    }
                    ranLine = true;
                }
                if (depthAfter(s) <= depth) {
                    return s;
                }
            }
            return -1;
        }

        /** The last step examined: where a search that cannot finish has got to. */
        public long scanned() {
            return next - 1;
        }
    }
}
