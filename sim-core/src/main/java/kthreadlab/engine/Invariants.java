package kthreadlab.engine;

import kthreadlab.state.CfsRq;
import kthreadlab.state.KthreadCreateInfo;
import kthreadlab.state.Rq;
import kthreadlab.state.TaskState;
import kthreadlab.state.Work;
import kthreadlab.state.Worker;
import kthreadlab.state.WorkerPool;

/**
 * The machine's invariants, checked after a step. The first one broken becomes the machine's
 * `BUG: ...` line; the others (scheduling while atomic, double free, negative completion) are
 * checked where they happen. {@link #checkStep} is what the command line and the page run: the
 * same rules as {@link #check}, applied to every run queue and to the tasks the step touched
 * (Machine.touched), so a step costs O(CPUs + touched tasks), not O(tasks). InvariantsTest runs
 * both on every preset and on generated scenarios and requires the same verdict at the same step.
 */
public final class Invariants {
    private long[] lastMinVruntime;
    private int[] order = new int[16];

    /** The rules over every task (O(tasks)): the reference for {@link #checkStep}. */
    public void check(Machine m) {
        if (m.bug != null) {
            return;
        }
        int[] currOf = new int[m.tasks.size()];
        int[] trees = new int[m.tasks.size()];
        for (Rq rq : m.rqs) {
            for (CfsRq.Node n : rq.cfs.nodes()) {
                trees[n.task]++;
            }
        }
        for (Rq rq : m.rqs) {
            currOf[rq.curr]++;
        }
        if (!checkRqs(m)) {
            return;
        }
        for (TaskStruct t : m.tasks) {
            if (currOf[t.id] > 1) {
                m.bug(who(t) + " is the current task of " + currOf[t.id] + " CPUs");
                return;
            }
            if (t.onCpu && currOf[t.id] == 0) {
                m.bug(who(t) + " is marked on_cpu but no CPU runs it");
                return;
            }
            if (!checkQueued(m, t, trees[t.id])) {
                return;
            }
        }
        if (!checkWorkqueues(m)) {
            return;
        }
        checkLock(m);
    }

    /** After one step: the run queues' rules, then each touched task's, in id order (as check() meets them). */
    public void checkStep(Machine m) {
        if (m.bug != null) {
            return;
        }
        if (!checkRqs(m)) {
            return;
        }
        int n = sortedTouched(m);
        for (int i = 0; i < n; i++) {
            TaskStruct t = m.tasks.get(order[i]);
            // Every run queue's curr is marked on its CPU (above), so a task is curr of at most one.
            if (t.onCpu && m.rqs[t.cpu].curr != t.id) {
                m.bug(who(t) + " is marked on_cpu but no CPU runs it");
                return;
            }
            if (!checkQueued(m, t, t.se.inTrees)) {
                return;
            }
        }
        if (!checkWorkqueues(m)) {
            return;
        }
        checkLock(m);
    }

    /** Every run queue's rules (O(CPUs)); false once one is broken (the machine has its BUG). */
    private boolean checkRqs(Machine m) {
        if (lastMinVruntime == null) {
            lastMinVruntime = new long[m.rqs.length];
        }
        for (Rq rq : m.rqs) {
            TaskStruct curr = m.tasks.get(rq.curr);
            if (!curr.onCpu || curr.cpu != rq.cpu) {
                m.bug("CPU " + rq.cpu + " runs " + who(curr) + " but it is not marked on that CPU");
                return false;
            }
            if (rq.cfs.minVruntime < lastMinVruntime[rq.cpu]) {
                m.bug("min_vruntime of CPU " + rq.cpu + " went backwards");
                return false;
            }
            lastMinVruntime[rq.cpu] = rq.cfs.minVruntime;
            if (rq.halted && rq.cfs.nrRunning > 0 && !beingWoken(m, rq)) {
                m.bug("CPU " + rq.cpu + " sleeps in idle with " + rq.cfs.nrRunning + " runnable task(s) queued");
                return false;
            }
        }
        return true;
    }

    /** The touched task ids in ascending order, in order[0..n). */
    private int sortedTouched(Machine m) {
        int n = m.touchedCount();
        if (order.length < n) {
            order = new int[Math.max(n, order.length * 2)];
        }
        for (int i = 0; i < n; i++) {
            int id = m.touched(i);
            int j = i;
            while (j > 0 && order[j - 1] > id) {
                order[j] = order[j - 1];
                j--;
            }
            order[j] = id;
        }
        return n;
    }

    /** A waker holding p->pi_lock has queued p here and has yet to kick this CPU. */
    private static boolean beingWoken(Machine m, Rq rq) {
        for (CfsRq.Node n : rq.cfs.nodes()) {
            if (m.tasks.get(n.task).piLock >= 0) {
                return true;
            }
        }
        return false;
    }

    /** A task with se.on_rq is in exactly one tree or is its CPU's running entity; others are in none. */
    private static boolean checkQueued(Machine m, TaskStruct t, int trees) {
        if (t.isIdle) {
            return true;
        }
        CfsRq home = m.rqs[t.cpu].cfs;
        // trees: the nodes of t over every run queue's tree.
        boolean running = home.curr == t.id;
        if (t.se.onRq && trees + (running ? 1 : 0) != 1) {
            m.bug(who(t) + " is runnable but queued on " + trees + " run queues");
            return false;
        }
        if (!t.se.onRq && trees != 0) {
            m.bug(who(t) + " is not runnable but sits on a run queue");
            return false;
        }
        boolean runnable = t.state == TaskState.TASK_RUNNING && t.exitState == 0 && !t.reaped;
        if (runnable && t.piLock < 0 && !t.se.onRq && !t.onCpu && !t.stack.isEmpty()) {
            m.bug(who(t) + " is TASK_RUNNING but on no run queue (a lost task)");
            return false;
        }
        return true;
    }

    /** A spinlock holder is running on the CPU that took the lock. */
    private static void checkLock(Machine m) {
        int holder = m.kthreadCreateLock.holderTask;
        if (holder >= 0 && m.rqs[m.kthreadCreateLock.holderCpu].curr != holder) {
            m.bug(who(m.tasks.get(holder)) + " slept while holding kthread_create_lock");
        }
    }

    /** At the end of a scenario: every request that reached an end was freed exactly once. */
    public static String leaks(Machine m) {
        for (KthreadCreateInfo k : m.createInfos) {
            if (k.stage != KthreadCreateInfo.Stage.FREED) {
                return "kthread_create_info #" + k.id + " (" + k.namefmt + ") was never freed";
            }
        }
        return null;
    }

    static String who(TaskStruct t) {
        return t.comm + "/" + t.pid;
    }

    /**
     * Workqueues: a work item runs exactly once per queueing (started == queued - pending); no
     * worker is both idle (WORKER_IDLE or on its pool's idle list) and running an item; a pool
     * never counts fewer than 0 running or more idle workers than it has. (The idle flag, the idle
     * list and nr_idle change one statement apart under pool->lock, so they are not compared.)
     */
    private static boolean checkWorkqueues(Machine m) {
        for (Work w : m.wq.works) {
            if (w.started != w.queued - (w.pending ? 1 : 0)) {
                m.bug("work " + w.name + " queued " + w.queued + " times but started " + w.started + " times");
                return false;
            }
        }
        for (Worker k : m.wq.workers) {
            if (k.dead || k.pool < 0 || k.currentWork < 0) {
                continue;
            }
            if (k.idle() || m.wq.pool(k.pool).idleList.contains(k.id)) {
                m.bug("kworker " + k.id + " of pool " + k.pool + " is idle while it runs an item");
                return false;
            }
        }
        for (WorkerPool p : m.wq.pools) {
            if (p.nrRunning < 0 || p.nrIdle > p.nrWorkers) {
                m.bug("pool " + p.id + " counts nr_running " + p.nrRunning + ", nr_idle " + p.nrIdle
                    + " of nr_workers " + p.nrWorkers);
                return false;
            }
        }
        return true;
    }
}
