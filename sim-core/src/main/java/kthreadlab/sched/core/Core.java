package kthreadlab.sched.core;

import kthreadlab.engine.Exec;
import kthreadlab.engine.Machine;
import kthreadlab.engine.TaskStruct;
import kthreadlab.sched.Rqs;
import kthreadlab.sched.fair.Fair;
import kthreadlab.state.CpuMask;
import kthreadlab.state.Rq;
import kthreadlab.state.TaskState;

/**
 * The pieces of kernel/sched/core.c that happen inside one line of a step machine (activate_task,
 * select_task_rq, set_task_cpu, ttwu_runnable, ttwu_do_wakeup) and have no step machine of their
 * own. A function that has one (try_to_wake_up, check_preempt_curr, update_curr) is never redone
 * here: an atomic context runs that step machine with Exec.runToReturn.
 */
public final class Core {
    private Core() {
    }

    /** activate_task: enqueue on p's CPU. `wakeup` = ENQUEUE_WAKEUP; `renorm` = vruntime is relative. */
    public static void activateTask(Machine m, TaskStruct p, boolean wakeup, boolean renorm) {
        Rq rq = Rqs.rqOf(m, p);
        Rqs.updateRqClock(m, rq);
        Fair.enqueueEntity(m, rq, p, wakeup, renorm);
    }

    /** deactivate_task(DEQUEUE_SLEEP) when `sleep`, else a plain dequeue (vruntime made relative). */
    public static void deactivateTask(Machine m, TaskStruct p, boolean sleep) {
        Rq rq = Rqs.rqOf(m, p);
        Rqs.updateRqClock(m, rq);
        Fair.dequeueEntity(m, rq, p, sleep);
    }

    private static boolean idleCpu(Machine m, int cpu) {
        Rq rq = m.rqs[cpu];
        return m.task(rq.curr).isIdle && rq.cfs.nrRunning == 0;
    }

    /**
     * select_task_rq_fair for WF_FORK, simplified as find_idlest_cpu behaves on a flat machine:
     * an allowed idle CPU (lowest number), else the least loaded allowed CPU, preferring prev.
     */
    public static int selectTaskRqFork(Machine m, TaskStruct p, int prev) {
        CpuMask allowed = online(m, p.cpusMask);
        if (allowed.weight() == 1) {
            return allowed.firstSet();
        }
        for (int c = 0; c < m.config.cpus; c++) {
            if (allowed.test(c) && idleCpu(m, c)) {
                return c;
            }
        }
        int best = allowed.test(prev) ? prev : allowed.firstSet();
        for (int c = 0; c < m.config.cpus; c++) {
            if (allowed.test(c) && load(m, c) < load(m, best)) {
                best = c;
            }
        }
        return best;
    }

    /** The allowed CPUs that are online; a task bound only to offline CPUs keeps its mask. */
    private static CpuMask online(Machine m, CpuMask allowed) {
        CpuMask r = allowed;
        for (int c = 0; c < m.config.cpus; c++) {
            if (!m.rqs[c].online) {
                r = r.without(c);
            }
        }
        return r.weight() == 0 ? allowed : r;
    }

    private static int load(Machine m, int cpu) {
        Rq rq = m.rqs[cpu];
        return rq.cfs.nrRunning + (m.task(rq.curr).isIdle ? 0 : 1);
    }

    /**
     * select_task_rq_fair for WF_TTWU, simplified as select_idle_sibling behaves with one shared
     * LLC: prev if it is idle, else the first idle allowed CPU after prev, else prev.
     */
    public static int selectTaskRqWake(Machine m, TaskStruct p, int prev) {
        CpuMask allowed = online(m, p.cpusMask);
        if (allowed.weight() == 1) {
            return allowed.firstSet();
        }
        if (allowed.test(prev) && idleCpu(m, prev)) {
            return prev;
        }
        int n = m.config.cpus;
        for (int i = 1; i <= n; i++) {
            int c = (prev + i) % n;
            if (allowed.test(c) && idleCpu(m, c)) {
                return c;
            }
        }
        return allowed.test(prev) ? prev : allowed.firstSet();
    }

    /** set_task_cpu for a waking task: vruntime leaves the old CPU relative (migrate_task_rq_fair). */
    public static boolean setTaskCpu(Machine m, Rq from, TaskStruct p, int cpu) {
        if (p.cpu == cpu) {
            return false;
        }
        m.tracepoint(from, "sched_migrate_task", () -> "comm=" + p.comm + " pid=" + p.pid + " prio=" + p.prio
                + " orig_cpu=" + p.cpu + " dest_cpu=" + cpu);
        p.se.vruntime -= m.rqs[p.cpu].cfs.minVruntime;
        p.cpu = cpu;
        return true;
    }

    /** The end of ttwu_do_wakeup: the task is runnable again, and the trace says so. */
    public static void ttwuDoWakeup(Machine m, Rq from, TaskStruct p) {
        p.state = TaskState.TASK_RUNNING;
        m.tracepoint(from, "sched_wakeup", () -> wakeArgs(p));
    }

    /**
     * ttwu_runnable (kernel/sched/core.c:3636): p never left its runqueue. Under p's rq lock,
     * ttwu_do_wakeup runs as for any wakeup: check_preempt_curr, TASK_RUNNING, and the
     * sched_wakeup record (one preempt level deeper for the rq lock).
     */
    public static void ttwuRunnable(Machine m, Rq from, TaskStruct p) {
        Rq rq = Rqs.rqOf(m, p);
        from.preemptCount++;
        if (rq.curr != p.id) {
            Exec.runToReturn(m, from, new CheckPreemptCurr(p.id, false));
        }
        ttwuDoWakeup(m, from, p);
        from.preemptCount--;
    }

    public static String wakeArgs(TaskStruct p) {
        return "comm=" + p.comm + " pid=" + p.pid + " prio=" + p.prio + " target_cpu=" + pad3(p.cpu);
    }

    public static String pad3(int n) {
        String s = Integer.toString(n);
        while (s.length() < 3) {
            s = "0" + s;
        }
        return s;
    }

    /**
     * finish_task_switch for a TASK_DEAD prev: an autoreaped (EXIT_DEAD) task loses its last
     * reference and is freed; a zombie stays until its parent reaps it (Exit.reap).
     */
    public static void release(Machine m, Rq rq, TaskStruct prev) {
        if (prev.exitState != TaskState.EXIT_DEAD) {
            return;
        }
        prev.reaped = true;
        m.tracepoint(rq, "sched_process_free", () -> "comm=" + prev.comm + " pid=" + prev.pid + " prio=" + prev.prio);
    }
}
