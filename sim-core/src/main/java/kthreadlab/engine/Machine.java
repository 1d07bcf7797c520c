package kthreadlab.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import kthreadlab.scenario.Scenario;
import kthreadlab.state.Completion;
import kthreadlab.state.CpuMask;
import kthreadlab.state.KthreadCreateInfo;
import kthreadlab.state.Rq;
import kthreadlab.state.Spinlock;
import kthreadlab.state.Workqueues;
import kthreadlab.state.TaskFlags;
import kthreadlab.trace.TraceEvent;
import kthreadlab.trace.TraceSink;

/**
 * The whole simulated machine: CPUs with their run queues, tasks, the kthread creation objects,
 * pending timed events and simulated time. Nothing here is static, so several machines (and
 * checkpoint copies) live side by side. Advance it with step().
 */
public final class Machine {
    public final Config config;
    public final Scenario scenario;
    /** The kernel functions the engine runs without naming them (tick, preemption, timed events). */
    public final Hooks hooks;
    public final Rq[] rqs;
    public final List<TaskStruct> tasks;
    /** Read them here; change one only through completion(id) / createInfo(id) (a replay copy shares them). */
    public final List<Completion> completions;
    public final List<KthreadCreateInfo> createInfos;
    /** kthread_create_list: ids of queued KthreadCreateInfo, head first. */
    public final List<Integer> kthreadCreateList;
    public final Spinlock kthreadCreateLock;
    /** The workqueue subsystem: worker pools, kworkers, workqueues and work items. */
    public final Workqueues wq;
    /**
     * What the demo module holds: thread name as created -> task id (the module's task pointers).
     * Never changed in place: copies share it, and putHandle replaces it (a handle is added once per
     * thread created, a machine is copied at every checkpoint and seek).
     */
    private java.util.TreeMap<String, Integer> handles;
    /** Names of the creator processes init was asked to start, in order (an index names one start). */
    public final List<String> creatorNames;
    /** Starts init has yet to fork (indices into creatorNames). */
    public final List<Integer> creatorsToFork;
    /** Starts whose child has not exec()ed yet (indices into creatorNames). */
    public final List<Integer> creatorsStarting;
    /** Actions waiting for a start to exec: start index << 32 | action index, in arrival order. */
    public final List<Long> creatorsAwaited;
    public int nextPid = 1;
    public int kthreaddTask = -1;
    public int initTask = -1;
    /** Completion id of kthreadd_done (init/main.c), or -1 before boot creates it. */
    public int kthreaddDone = -1;
    public long now;
    /** Steps executed so far. */
    public long steps;
    /** Trace records emitted so far (the sink may keep or drop them). */
    public long traceCount;
    public String bug;
    public TraceSink sink = TraceSink.DISCARD;
    /** The CPU and task of the last step, and the line it executed. */
    public int lastCpu = -1;
    public int lastTask = -1;
    public String lastFile = "";
    public String lastFunction = "";
    public String lastText = "";
    public int lastOccurrence;
    private PriorityQueue<Event> events = new PriorityQueue<>();
    private long eventSeq;
    private final Exec exec = new Exec();
    /**
     * 1, in a field that is not final (javac would inline a constant): in TeaVM's JavaScript a long
     * constant is converted to a BigInt at every use, a field is read as it is.
     */
    private long one = 1;
    /**
     * The CPUs that are not halted, as a binary heap ordered by (nextStep, cpu): its root is the
     * CPU that steps next, the one a scan of every run queue would pick (ties: lower CPU number).
     * heapPos[cpu] is the CPU's index in the heap, -1 when it is halted.
     */
    private int[] heap;
    private int[] heapPos;
    private int nActive;
    /** Counts calls of step(); tasks reached during the current one are listed in touched. */
    private int touchEpoch;
    /** For a checkpoint: the machine it was made of, and that machine's touchEpoch then (else null). */
    private Machine origin;
    private int originEpoch;
    private int[] touched = new int[16];
    private int touchedCount;
    /**
     * For a replay copy (replayCopy): lent[id] while task id is still the machine's it was copied
     * from, shared and unchanged; touch copies it first. Null for every other machine.
     */
    private boolean[] lent;
    /**
     * For a replay copy: the same for completions and create infos, which completion(id) and
     * createInfo(id) (the only ways to them for a change) copy first. Null for every other machine.
     */
    private boolean[] lentCompletions;
    private boolean[] lentInfos;

    public Machine(Config config, Scenario scenario, Hooks hooks) {
        this.config = config;
        this.scenario = scenario;
        this.hooks = hooks;
        this.rqs = new Rq[config.cpus];
        this.tasks = new ArrayList<>();
        this.completions = new ArrayList<>();
        this.createInfos = new ArrayList<>();
        this.kthreadCreateList = new ArrayList<>();
        this.kthreadCreateLock = new Spinlock("kthread_create_lock");
        this.wq = new Workqueues();
        this.handles = new java.util.TreeMap<>();
        this.creatorNames = new ArrayList<>();
        this.creatorsToFork = new ArrayList<>();
        this.creatorsStarting = new ArrayList<>();
        this.creatorsAwaited = new ArrayList<>();
        this.heap = new int[config.cpus];
        this.heapPos = new int[config.cpus];
        java.util.Arrays.fill(heapPos, -1);
    }

    /**
     * A deep copy of o, but the tasks, completions and create infos `earlier` may give (see
     * checkpoint) are taken from it, and
     * with `lend` o's tasks are shared until touched (see replayCopy).
     */
    private Machine(Machine o, Machine earlier, boolean lend) {
        this.config = o.config;
        this.scenario = o.scenario;
        this.hooks = o.hooks;
        this.rqs = new Rq[o.rqs.length];
        for (int i = 0; i < rqs.length; i++) {
            rqs[i] = o.rqs[i].copy();
        }
        this.tasks = new ArrayList<>(o.tasks.size());
        int shared = earlier == null ? 0 : earlier.tasks.size();
        if (lend) {
            tasks.addAll(o.tasks);
            lent = new boolean[o.tasks.size()];
            java.util.Arrays.fill(lent, true);
        } else {
            for (int i = 0; i < o.tasks.size(); i++) {
                TaskStruct t = o.tasks.get(i);
                tasks.add(i < shared && t.touchEpoch <= earlier.originEpoch ? earlier.tasks.get(i) : t.copy());
            }
        }
        this.completions = new ArrayList<>(o.completions.size());
        this.createInfos = new ArrayList<>(o.createInfos.size());
        if (lend) {
            completions.addAll(o.completions);
            lentCompletions = new boolean[o.completions.size()];
            java.util.Arrays.fill(lentCompletions, true);
            createInfos.addAll(o.createInfos);
            lentInfos = new boolean[o.createInfos.size()];
            java.util.Arrays.fill(lentInfos, true);
        } else {
            copyObjects(o, earlier);
        }
        this.kthreadCreateList = new ArrayList<>(o.kthreadCreateList);
        this.kthreadCreateLock = o.kthreadCreateLock.copy();
        this.wq = o.wq.copy();
        this.handles = o.handles;
        this.creatorNames = new ArrayList<>(o.creatorNames);
        this.creatorsToFork = new ArrayList<>(o.creatorsToFork);
        this.creatorsStarting = new ArrayList<>(o.creatorsStarting);
        this.creatorsAwaited = new ArrayList<>(o.creatorsAwaited);
        this.nextPid = o.nextPid;
        this.kthreaddTask = o.kthreaddTask;
        this.initTask = o.initTask;
        this.kthreaddDone = o.kthreaddDone;
        this.now = o.now;
        this.steps = o.steps;
        this.traceCount = o.traceCount;
        this.bug = o.bug;
        this.lastCpu = o.lastCpu;
        this.lastTask = o.lastTask;
        this.lastFile = o.lastFile;
        this.lastFunction = o.lastFunction;
        this.lastText = o.lastText;
        this.lastOccurrence = o.lastOccurrence;
        this.events = new PriorityQueue<>(o.events);
        this.eventSeq = o.eventSeq;
        this.heap = o.heap.clone();
        this.heapPos = o.heapPos.clone();
        this.nActive = o.nActive;
        this.touchEpoch = o.touchEpoch;
    }

    /**
     * A checkpoint takes the completions and create infos of `earlier` that are as they are now
     * (checkpoints are never changed, so they may share them; a run keeps every create info it ever
     * made, and copying them all at every checkpoint was most of a long run's heap); other copies
     * (earlier null) copy them all.
     */
    private void copyObjects(Machine o, Machine earlier) {
        for (int i = 0; i < o.completions.size(); i++) {
            Completion c = o.completions.get(i);
            Completion e = earlier != null && i < earlier.completions.size() ? earlier.completions.get(i) : null;
            completions.add(e != null && e.sameAs(c) ? e : c.copy());
        }
        for (int i = 0; i < o.createInfos.size(); i++) {
            KthreadCreateInfo k = o.createInfos.get(i);
            KthreadCreateInfo e = earlier != null && i < earlier.createInfos.size() ? earlier.createInfos.get(i) : null;
            createInfos.add(e != null && e.sameAs(k) ? e : k.copy());
        }
    }

    /**
     * Roughly what a copy of this machine takes in memory, in bytes (JavaScript objects, which are
     * larger than the JVM's): the history budgets its checkpoints with it.
     */
    public long approxBytes() {
        long frames = 0;
        for (TaskStruct t : tasks) {
            frames += t.stack.size();
        }
        return 4096L + rqs.length * 400L + tasks.size() * 700L + frames * 160L + completions.size() * 120L
            + createInfos.size() * 200L + events.size() * 80L + wq.approxBytes();
    }

    /** An independent deep copy (a checkpoint); its sink discards until replaced. */
    public Machine copy() {
        return new Machine(this, null, false);
    }

    /**
     * A copy to step forward while this machine is never changed again (a checkpoint replayed to a
     * step): it shares this machine's tasks, completions and create infos and copies each only when
     * it first reaches it (touch, completion, createInfo), so a replay of a few dozen steps copies
     * the few they reach instead of all of them.
     */
    public Machine replayCopy() {
        return new Machine(this, null, true);
    }

    /**
     * A copy for keeping, never to be stepped or changed (a history's checkpoint; copy() it to
     * replay). The tasks this machine has not touched since it made `earlier` (an earlier
     * checkpoint of it, or null) are not copied again: the two checkpoints share them. Every change
     * to a task touches it (see touch), so those tasks are as they were then. A run of many
     * sleeping tasks checkpoints only the few that ran.
     */
    public Machine checkpoint(Machine earlier) {
        Machine c = new Machine(this, earlier != null && earlier.origin == this ? earlier : null, false);
        c.origin = this;
        c.originEpoch = touchEpoch;
        return c;
    }

    // ---- objects -------------------------------------------------------------------------

    /** Creates the per-CPU idle tasks swapper/N and their run queues. */
    public void createCpus(java.util.function.Supplier<Frame> idleLoop) {
        for (int c = 0; c < config.cpus; c++) {
            TaskStruct idle = newTask(0, "swapper/" + c);
            idle.isIdle = true;
            idle.flags = TaskFlags.PF_IDLE | TaskFlags.PF_KTHREAD;
            idle.cpu = c;
            idle.onCpu = true;
            idle.cpusMask = CpuMask.of(c);
            idle.stack.add(idleLoop.get());
            Rq rq = new Rq(c, idle.id);
            rq.halted = true;
            rq.nextTick = -1;
            rqs[c] = rq;
        }
    }

    public TaskStruct newTask(int pid, String comm) {
        TaskStruct t = new TaskStruct(tasks.size(), pid, comm);
        tasks.add(t);
        touch(t);
        return t;
    }

    /** The task id the demo module holds under this name, or null. */
    public Integer handle(String name) {
        return handles.get(name);
    }

    /** The demo module keeps the task under this name (see handles). */
    public void putHandle(String name, int task) {
        java.util.TreeMap<String, Integer> h = new java.util.TreeMap<>(handles);
        h.put(name, task);
        handles = h;
    }

    /** The task with this id; it counts as touched by the current step (see touched). */
    public TaskStruct task(int id) {
        return touch(tasks.get(id));
    }

    /**
     * Marks a task reached by the current step. Every change to a task goes through task(id),
     * newTask, or a loop over `tasks` that calls this for what it changes; so the tasks not
     * touched in a step are unchanged by it (the incremental invariant check relies on this).
     * Returns the task to read and change from now on: in a replay copy, a task still shared is
     * copied here, so a caller changes only what touch returns, never the object it passed.
     */
    public TaskStruct touch(TaskStruct t) {
        if (lent != null && t.id < lent.length && lent[t.id]) {
            lent[t.id] = false;
            t = tasks.get(t.id).copy();
            tasks.set(t.id, t);
        }
        if (t.touchEpoch == touchEpoch) {
            return t;
        }
        t.touchEpoch = touchEpoch;
        if (touchedCount == touched.length) {
            touched = java.util.Arrays.copyOf(touched, touchedCount * 2);
        }
        touched[touchedCount++] = t.id;
        return t;
    }

    /** How many tasks the last step touched. */
    public int touchedCount() {
        return touchedCount;
    }

    /** The i-th task id the last step touched (in the order reached). */
    public int touched(int i) {
        return touched[i];
    }

    public Completion newCompletion(String label) {
        Completion c = new Completion(completions.size(), label);
        completions.add(c);
        return c;
    }

    public Completion completion(int id) {
        if (lentCompletions != null && id < lentCompletions.length && lentCompletions[id]) {
            lentCompletions[id] = false;
            completions.set(id, completions.get(id).copy());
        }
        return completions.get(id);
    }

    public KthreadCreateInfo createInfo(int id) {
        if (lentInfos != null && id < lentInfos.length && lentInfos[id]) {
            lentInfos[id] = false;
            createInfos.set(id, createInfos.get(id).copy());
        }
        return createInfos.get(id);
    }

    public TaskStruct current(int cpu) {
        return task(rqs[cpu].curr);
    }

    /** Finds a live task by comm (first in pid order), or null. */
    public TaskStruct findByComm(String comm) {
        TaskStruct best = null;
        for (TaskStruct t : tasks) {
            if (!t.reaped && !t.isIdle && t.comm.equals(comm) && (best == null || t.pid < best.pid)) {
                best = t;
            }
        }
        return best;
    }

    // ---- events --------------------------------------------------------------------------

    public void post(long time, int kind, int target, long generation) {
        events.add(new Event(time, eventSeq, kind, target, generation));
        eventSeq += one;
    }

    /**
     * del_timer of a timed event: removes the pending events of this kind and target, so that a
     * deleted timer leaves no trace in the run (not even a stale event that advances the clock).
     */
    public void cancel(int kind, int target) {
        events.removeIf(e -> e.kind == kind && e.target == target);
    }

    /** Starts a CPU's tick at the next jiffy boundary after now, unless it is already armed. */
    public void armTick(Rq rq) {
        if (rq.nextTick >= 0) {
            return;
        }
        long t = config.tickNs();
        rq.nextTick = (now / t + 1) * t;
        post(rq.nextTick, Event.TICK, rq.cpu, 0);
    }

    /** Halts a CPU (it takes no steps) or gets it going at its nextStep (set that first). */
    public void setHalted(Rq rq, boolean halted) {
        if (rq.halted == halted) {
            return;
        }
        rq.halted = halted;
        if (halted) {
            int i = heapPos[rq.cpu];
            heapPos[rq.cpu] = -1;
            nActive--;
            if (i < nActive) {
                heap[i] = heap[nActive];
                heapPos[heap[i]] = i;
                fixHeap(i);
            }
        } else {
            heap[nActive] = rq.cpu;
            heapPos[rq.cpu] = nActive;
            nActive++;
            fixHeap(nActive - 1);
        }
    }

    /** CPU a steps before CPU b: earlier nextStep, then lower number. */
    private boolean before(int a, int b) {
        long x = rqs[a].nextStep;
        long y = rqs[b].nextStep;
        return x < y || x == y && a < b;
    }

    /** Restores the heap order around index i after its CPU's nextStep changed. */
    private void fixHeap(int i) {
        int c = heap[i];
        while (i > 0) {
            int parent = (i - 1) >> 1;
            if (!before(c, heap[parent])) {
                break;
            }
            heap[i] = heap[parent];
            heapPos[heap[i]] = i;
            i = parent;
        }
        while (true) {
            int l = 2 * i + 1;
            if (l >= nActive) {
                break;
            }
            int m = l + 1 < nActive && before(heap[l + 1], heap[l]) ? l + 1 : l;
            if (!before(heap[m], c)) {
                break;
            }
            heap[i] = heap[m];
            heapPos[heap[i]] = i;
            i = m;
        }
        heap[i] = c;
        heapPos[c] = i;
    }

    /** Gets a halted (idle) CPU going again: it takes its next step after an IPI's latency. */
    public void kick(Rq rq, long latency) {
        if (rq.halted) {
            rq.nextStep = Math.max(rq.nextStep, now + latency);
            setHalted(rq, false);
            armTick(rq);
        }
    }

    // ---- trace ---------------------------------------------------------------------------

    /** The five ftrace flag characters for a record emitted on this CPU now. */
    public String traceFlags(Rq rq) {
        char irq = rq.irqsOff > 0 ? 'd' : '.';
        char nr = rq.needResched ? 'N' : '.';
        char hard = rq.inIrq ? 'h' : rq.inSoftirq ? 's' : '.';
        int depth = rq.preemptCount;
        char pd = depth == 0 ? '.' : (char) ('0' + Math.min(depth, 9));
        return new String(new char[] {irq, nr, hard, pd, '.'});
    }

    /** The arguments of a trace record, formatted only when a sink keeps the record. */
    public interface TraceArgs {
        String text();
    }

    /** A sink keeps the records (their text is worth building). */
    public boolean tracing() {
        return sink != TraceSink.DISCARD;
    }

    /** Counts a record no sink keeps. */
    public void countTrace() {
        traceCount += one;
    }

    public void emit(int kind, Rq rq, String name, String args) {
        traceCount += one;
        if (sink == TraceSink.DISCARD) {
            return;
        }
        TaskStruct cur = tasks.get(rq.curr);
        sink.emit(new TraceEvent(kind, steps, now, rq.cpu, cur.id, cur.pid, cur.comm, traceFlags(rq), name,
                args));
    }

    /** A record whose arguments are built only if a sink keeps it (the text is built at once, as the state is now). */
    public void emit(int kind, Rq rq, String name, TraceArgs args) {
        if (sink == TraceSink.DISCARD) {
            traceCount += one;
            return;
        }
        emit(kind, rq, name, args.text());
    }

    public void tracepoint(Rq rq, String name, String args) {
        emit(TraceEvent.EVENT, rq, name, args);
    }

    public void tracepoint(Rq rq, String name, TraceArgs args) {
        emit(TraceEvent.EVENT, rq, name, args);
    }

    // ---- running -------------------------------------------------------------------------

    /**
     * Executes one step: due events first (they are not steps), then one statement on the CPU
     * whose next step comes first (ties: the lower CPU number). Returns false when nothing is
     * left to do before `until`.
     */
    public boolean step(long until) {
        touchEpoch++;
        touchedCount = 0;
        while (true) {
            Rq next = nActive == 0 ? null : rqs[heap[0]];
            Event e = events.peek();
            if (e != null && (next == null || e.time <= next.nextStep)) {
                if (e.time > until) {
                    return false;
                }
                events.poll();
                now = Math.max(now, e.time);
                handle(e);
                continue;
            }
            if (next == null || next.nextStep > until) {
                return false;
            }
            now = next.nextStep;
            exec.run(this, next);
            if (!next.halted) {
                fixHeap(heapPos[next.cpu]);
            }
            steps += one;
            return true;
        }
    }

    private void handle(Event e) {
        switch (e.kind) {
            case Event.TICK: {
                Rq rq = rqs[e.target];
                if (rq.halted) {
                    rq.nextTick = -1;
                    return;
                }
                rq.tickPending = true;
                rq.nextTick = e.time + config.tickNs();
                post(rq.nextTick, Event.TICK, rq.cpu, 0);
                return;
            }
            default:
                hooks.dispatch(this, e);
                return;
        }
    }

    /** Records the first broken invariant; the machine stops advancing the view's trust there. */
    public void bug(String what) {
        if (bug == null) {
            bug = "BUG: " + what + " (step " + steps + ")";
        }
    }
}
