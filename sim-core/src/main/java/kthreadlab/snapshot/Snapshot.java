package kthreadlab.snapshot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import kthreadlab.engine.Frame;
import kthreadlab.engine.Machine;
import kthreadlab.engine.TaskStruct;
import kthreadlab.state.CfsRq;
import kthreadlab.state.Completion;
import kthreadlab.state.KthreadCreateInfo;
import kthreadlab.state.Lifecycle;
import kthreadlab.state.Rq;
import kthreadlab.state.TaskFlags;
import kthreadlab.state.TaskState;
import kthreadlab.state.Work;
import kthreadlab.state.Worker;
import kthreadlab.state.WorkerPool;
import kthreadlab.state.Workqueue;
import kthreadlab.state.Workqueues;

/**
 * Everything the view shows after one step, copied out of the machine: immutable, in stable
 * orders (CPUs by number, tasks by pid then id, run queues by vruntime). The view reads only this.
 */
public final class Snapshot {
    /** One line of source a frame is at: the anchor of its next statement. */
    public static final class FrameView {
        public final String file;
        public final String function;
        public final String text;
        public final int occurrence;
        public final String detail;

        FrameView(Frame f) {
            this.file = f.code().file;
            this.function = f.code().function;
            this.text = f.lineText();
            this.occurrence = f.code().occurrence(f.pc);
            this.detail = f.detail();
        }
    }

    public static final class TaskView {
        public final int id;
        public final int pid;
        public final int ppid;
        public final String comm;
        /** The name ps shows (wq_worker_comm): a kworker's comm plus "+wq"/"-wq" for its latest workqueue. */
        public final String psComm;
        /** The letter ps shows (R S D I P X Z). */
        public final String state;
        /** The kernel's name for __state, e.g. TASK_UNINTERRUPTIBLE. */
        public final String stateName;
        public final int cpu;
        public final boolean running;
        public final boolean onRq;
        public final long vruntime;
        public final String flags;
        public final String kthreadFlags;
        public final boolean idle;
        public final boolean creator;
        public final boolean kthread;
        public final boolean dead;
        /** Signals pending for the task, by name ("SIGKILL"), or "" when none is pending. */
        public final String pendingSignals;
        /** Call stack, innermost frame first. */
        public final List<FrameView> frames;

        TaskView(Machine m, TaskStruct t) {
            this.id = t.id;
            this.pid = t.pid;
            this.ppid = t.parent >= 0 ? m.task(t.parent).pid : 0;
            this.comm = t.comm;
            this.psComm = m.wq.psComm(t.id, t.comm, (t.flags & TaskFlags.PF_WQ_WORKER) != 0);
            this.state = t.exitState == TaskState.EXIT_ZOMBIE ? "Z" : TaskState.letter(t.state);
            this.stateName = TaskState.name(t.state);
            this.cpu = t.cpu;
            this.running = m.rqs[t.cpu].curr == t.id;
            this.onRq = t.se.onRq;
            this.vruntime = t.se.vruntime;
            this.flags = TaskFlags.describe(t.flags);
            this.kthreadFlags = t.kthread == null ? "" : t.kthread.describeFlags();
            this.idle = t.isIdle;
            this.creator = t.isCreator;
            this.kthread = t.isKthread();
            this.dead = t.reaped;
            this.pendingSignals = t.sigkillPending ? "SIGKILL" : "";
            List<FrameView> fs = new ArrayList<>();
            for (int i = t.stack.size() - 1; i >= 0; i--) {
                fs.add(new FrameView(t.stack.get(i)));
            }
            this.frames = Collections.unmodifiableList(fs);
        }
    }

    public static final class QueuedView {
        public final int task;
        public final long vruntime;

        QueuedView(int task, long vruntime) {
            this.task = task;
            this.vruntime = vruntime;
        }
    }

    public static final class CpuView {
        public final int cpu;
        public final int curr;
        public final int preemptCount;
        public final boolean needResched;
        public final boolean halted;
        public final boolean online;
        public final boolean irqsOff;
        public final long minVruntime;
        public final int nrRunning;
        /** Waiting entities in vruntime order (the running one is not in the tree). */
        public final List<QueuedView> queue;

        CpuView(Rq rq) {
            this.cpu = rq.cpu;
            this.curr = rq.curr;
            this.preemptCount = rq.preemptCount;
            this.needResched = rq.needResched;
            this.halted = rq.halted;
            this.online = rq.online;
            this.irqsOff = rq.irqsOff > 0;
            this.minVruntime = rq.cfs.minVruntime;
            this.nrRunning = rq.cfs.nrRunning;
            List<QueuedView> q = new ArrayList<>();
            for (CfsRq.Node n : rq.cfs.nodes()) {
                q.add(new QueuedView(n.task, n.vruntime));
            }
            this.queue = Collections.unmodifiableList(q);
        }
    }

    public static final class CompletionView {
        public final int id;
        public final String label;
        public final long done;
        public final List<Integer> waiters;

        CompletionView(Completion c) {
            this.id = c.id;
            this.label = c.label;
            this.done = c.done;
            this.waiters = Collections.unmodifiableList(new ArrayList<>(c.waiters));
        }
    }

    public static final class CreateView {
        public final int id;
        public final String threadfn;
        public final String name;
        public final String stage;
        /** Completion that create->done points at, or -1 (NULL). */
        public final int done;
        /** create->result: a task id, a negative errno, or Long.MIN_VALUE while unset. */
        public final long result;
        public final int creator;
        /** The lifecycle lines ("TIME what"), each formatted when first read. */
        public final Lifecycle.Lines history;

        /** Each stage's name as shown, made once (a snapshot has a view of every create info). */
        private static final String[] STAGES = new String[KthreadCreateInfo.Stage.values().length];

        static {
            for (KthreadCreateInfo.Stage st : KthreadCreateInfo.Stage.values()) {
                STAGES[st.ordinal()] = st.name().toLowerCase();
            }
        }

        CreateView(KthreadCreateInfo k) {
            this.id = k.id;
            this.threadfn = k.threadfn;
            this.name = k.namefmt;
            this.stage = STAGES[k.stage.ordinal()];
            this.done = k.done;
            this.result = k.result;
            this.creator = k.creatorTask;
            this.history = k.history.lines();
        }
    }

    /** struct worker_pool as the objects pane shows it: counts, idle list, worklist, busy workers. */
    public static final class PoolView {
        public final int id;
        /** The CPU of a per-CPU pool, or -1 for an unbound pool. */
        public final int cpu;
        public final int nice;
        public final int nrWorkers;
        public final int nrIdle;
        public final int nrRunning;
        /** POOL_MANAGER_ACTIVE: the managing worker's task, or -1. */
        public final int managerTask;
        /** Tasks of the attached workers, in attach order. */
        public final List<Integer> workers;
        /** Tasks on idle_list, most recently idle first. */
        public final List<Integer> idle;
        /** Pending items, head first: "name (function)". */
        public final List<String> worklist;
        /** Workers running an item: their task, and the item's "name (function)". */
        public final List<Integer> busy;
        public final List<String> busyWork;
        /** pool->mayday_timer is pending: the manager is trying to create a worker (maybe_create_worker). */
        public final boolean maydayTimer;
        /** The workqueues whose wq->maydays holds this pool (their rescuer was called), in creation order. */
        public final List<String> maydays;

        PoolView(Workqueues wq, WorkerPool p) {
            this.id = p.id;
            this.cpu = p.cpu;
            this.nice = p.nice;
            this.nrWorkers = p.nrWorkers;
            this.nrIdle = p.nrIdle;
            this.nrRunning = p.nrRunning;
            this.managerTask = p.managerActive && p.manager >= 0 ? wq.worker(p.manager).task : -1;
            List<Integer> ws = new ArrayList<>();
            List<Integer> busyTasks = new ArrayList<>();
            List<String> busyItems = new ArrayList<>();
            for (int w : p.workers) {
                Worker k = wq.worker(w);
                ws.add(k.task);
                if (k.currentWork >= 0) {
                    busyTasks.add(k.task);
                    busyItems.add(item(wq.work(k.currentWork)));
                }
            }
            this.workers = Collections.unmodifiableList(ws);
            this.busy = Collections.unmodifiableList(busyTasks);
            this.busyWork = Collections.unmodifiableList(busyItems);
            List<Integer> idleTasks = new ArrayList<>();
            for (int w : p.idleList) {
                idleTasks.add(wq.worker(w).task);
            }
            this.idle = Collections.unmodifiableList(idleTasks);
            List<String> items = new ArrayList<>();
            for (int w : p.worklist) {
                items.add(item(wq.work(w)));
            }
            this.worklist = Collections.unmodifiableList(items);
            this.maydayTimer = p.maydayTimerArmed;
            List<String> called = new ArrayList<>();
            for (Workqueue q : wq.wqs) {
                if (q.maydays.contains(p.id)) {
                    called.add(q.name);
                }
            }
            this.maydays = Collections.unmodifiableList(called);
        }

        private static String item(Work w) {
            return w.name + " (" + w.fn + ")";
        }

        /** The pool's name as the kernel's show_workqueue_state() would place it: per-CPU or unbound. */
        public String label() {
            return "pool " + id + (cpu >= 0 ? " · cpu " + cpu + (nice < 0 ? " H" : "") : " · unbound");
        }
    }

    public final long step;
    public final long timeNs;
    public final String bug;
    public final int lastCpu;
    public final int lastTask;
    public final String lastFile;
    public final String lastFunction;
    public final String lastText;
    public final int lastOccurrence;
    public final List<CpuView> cpus;
    /** Every task ever created (dead ones marked), by pid then id. */
    public final List<TaskView> tasks;
    public final List<Integer> createList;
    public final int lockHolder;
    public final int lockHolderCpu;
    public final List<Integer> lockSpinners;
    public final List<CompletionView> completions;
    public final List<CreateView> creates;
    /** The worker pools by pool id (none with the minimal boot). */
    public final List<PoolView> pools;
    private final List<TaskView> byId;

    private Snapshot(Machine m) {
        this.step = m.steps;
        this.timeNs = m.now;
        this.bug = m.bug;
        this.lastCpu = m.lastCpu;
        this.lastTask = m.lastTask;
        this.lastFile = m.lastFile;
        this.lastFunction = m.lastFunction;
        this.lastText = m.lastText;
        this.lastOccurrence = m.lastOccurrence;
        List<CpuView> cs = new ArrayList<>();
        for (Rq rq : m.rqs) {
            cs.add(new CpuView(rq));
        }
        this.cpus = Collections.unmodifiableList(cs);
        List<TaskView> ids = new ArrayList<>();
        for (TaskStruct t : m.tasks) {
            ids.add(new TaskView(m, t));
        }
        this.byId = Collections.unmodifiableList(ids);
        List<TaskView> ts = new ArrayList<>(ids);
        ts.sort((a, b) -> a.pid != b.pid ? Integer.compare(a.pid, b.pid) : Integer.compare(a.id, b.id));
        this.tasks = Collections.unmodifiableList(ts);
        this.createList = Collections.unmodifiableList(new ArrayList<>(m.kthreadCreateList));
        this.lockHolder = m.kthreadCreateLock.holderTask;
        this.lockHolderCpu = m.kthreadCreateLock.holderCpu;
        this.lockSpinners = Collections.unmodifiableList(new ArrayList<>(m.kthreadCreateLock.spinners));
        List<CompletionView> cv = new ArrayList<>();
        for (Completion c : m.completions) {
            cv.add(new CompletionView(c));
        }
        this.completions = Collections.unmodifiableList(cv);
        List<CreateView> kv = new ArrayList<>();
        for (KthreadCreateInfo k : m.createInfos) {
            kv.add(new CreateView(k));
        }
        this.creates = Collections.unmodifiableList(kv);
        List<PoolView> pv = new ArrayList<>();
        for (WorkerPool p : m.wq.pools) {
            pv.add(new PoolView(m.wq, p));
        }
        this.pools = Collections.unmodifiableList(pv);
    }

    public static Snapshot of(Machine m) {
        return new Snapshot(m);
    }

    /** The task with this simulator id. */
    public TaskView task(int id) {
        return byId.get(id);
    }
}
