package kthreadlab.workqueue;

import kthreadlab.engine.Machine;
import kthreadlab.state.Worker;
import kthreadlab.state.WorkerPool;

/**
 * The policy functions of kernel/workqueue.c (need_more_worker and friends) and the flag helpers
 * that keep pool->nr_running in step with the workers' NOT_RUNNING flags. They run inside the
 * statement that calls them, as the kernel inlines them.
 */
public final class Policy {
    /** IDLE_WORKER_TIMEOUT: 300 * HZ, in ns. */
    public static final long IDLE_WORKER_TIMEOUT_NS = 300_000_000_000L;
    /** MAX_IDLE_WORKERS_RATIO. */
    static final int MAX_IDLE_WORKERS_RATIO = 4;
    /** WORK_CPU_UNBOUND is NR_CPUS; the trace prints it as x86_64 defconfig's 64. */
    public static final int WORK_CPU_UNBOUND = 64;

    private Policy() {
    }

    static boolean needMoreWorkerRaw(WorkerPool p) {
        return p.nrRunning == 0;
    }

    static boolean needMoreWorker(WorkerPool p) {
        return !p.worklist.isEmpty() && needMoreWorkerRaw(p);
    }

    static boolean mayStartWorking(WorkerPool p) {
        return p.nrIdle > 0;
    }

    static boolean keepWorking(WorkerPool p) {
        return !p.worklist.isEmpty() && p.nrRunning <= 1;
    }

    static boolean needToCreateWorker(WorkerPool p) {
        return needMoreWorker(p) && !mayStartWorking(p);
    }

    static boolean tooManyWorkers(WorkerPool p) {
        int nrIdle = p.nrIdle + (p.managerActive ? 1 : 0);
        int nrBusy = p.nrWorkers - nrIdle;
        return nrIdle > 2 && (nrIdle - 2) * MAX_IDLE_WORKERS_RATIO >= nrBusy;
    }

    /** first_idle_worker(): the head of idle_list, or -1. */
    static int firstIdleWorker(WorkerPool p) {
        return p.idleList.isEmpty() ? -1 : p.idleList.get(0);
    }

    /** worker_set_flags(): entering NOT_RUNNING leaves nr_running. */
    static void setFlags(Machine m, Worker w, int flags) {
        WorkerPool p = m.wq.pool(w.pool);
        if ((flags & Worker.WORKER_NOT_RUNNING) != 0 && (w.flags & Worker.WORKER_NOT_RUNNING) == 0) {
            p.nrRunning--;
        }
        w.flags |= flags;
    }

    /** worker_clr_flags(): leaving the last NOT_RUNNING flag joins nr_running. */
    static void clrFlags(Machine m, Worker w, int flags) {
        WorkerPool p = m.wq.pool(w.pool);
        int oflags = w.flags;
        w.flags &= ~flags;
        if ((flags & Worker.WORKER_NOT_RUNNING) != 0 && (oflags & Worker.WORKER_NOT_RUNNING) != 0
                && (w.flags & Worker.WORKER_NOT_RUNNING) == 0) {
            p.nrRunning++;
        }
    }

    /** raw_spin_lock_irq(&pool->lock): irqs off, preemption off (the pool lock is never contended here). */
    static void lockIrq(kthreadlab.engine.Exec x) {
        x.rq.irqsOff++;
        x.preemptDisable();
    }

    /** raw_spin_unlock_irq(&pool->lock). Returns true if a preemption was pushed. */
    static boolean unlockIrq(kthreadlab.engine.Exec x) {
        x.rq.irqsOff--;
        return x.preemptEnable();
    }

    /** %p of a work item as the trace prints it: a stable hashed-looking pointer. */
    static String ptr(int work) {
        String h = Long.toHexString(0x6a3f0000L + 0x9e3779b1L * (work + 1) % 0xfffffffL);
        StringBuilder sb = new StringBuilder();
        for (int i = h.length(); i < 16; i++) {
            sb.append('0');
        }
        return sb.append(h).toString();
    }
}
