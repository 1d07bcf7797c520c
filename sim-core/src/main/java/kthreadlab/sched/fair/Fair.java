package kthreadlab.sched.fair;

import kthreadlab.engine.Machine;
import kthreadlab.engine.TaskStruct;
import kthreadlab.state.CfsRq;
import kthreadlab.state.Rq;
import kthreadlab.state.SchedEntity;
import kthreadlab.state.Weights;

/**
 * CFS of kernel/sched/fair.c (v5.15): accounting, placement, slices and preemption tests.
 * Tunables scale by 1 + ilog2(min(ncpus, 8)) (SCHED_TUNABLESCALING_LOG), as update_sysctl() does.
 * Features as in v5.15's features.h: START_DEBIT, GENTLE_FAIR_SLEEPERS, WAKEUP_PREEMPTION,
 * ALT_PERIOD and BASE_SLICE on; NEXT_BUDDY off; sysctl_sched_child_runs_first = 0.
 */
public final class Fair {
    public static final long BASE_LATENCY = 6_000_000L;
    public static final long BASE_MIN_GRANULARITY = 750_000L;
    public static final long BASE_WAKEUP_GRANULARITY = 1_000_000L;
    public static final int SCHED_NR_LATENCY = 8;
    public static final boolean CHILD_RUNS_FIRST = false;

    private Fair() {
    }

    public static int factor(int cpus) {
        int n = Math.min(cpus, 8);
        int log = 31 - Integer.numberOfLeadingZeros(n);
        return 1 + log;
    }

    public static long latency(Machine m) {
        return BASE_LATENCY * factor(m.config.cpus);
    }

    public static long minGranularity(Machine m) {
        return BASE_MIN_GRANULARITY * factor(m.config.cpus);
    }

    public static long wakeupGranularity(Machine m) {
        return BASE_WAKEUP_GRANULARITY * factor(m.config.cpus);
    }

    /** update_min_vruntime: min(curr, leftmost), but never backwards. */
    public static void updateMinVruntime(Machine m, CfsRq cfs) {
        long v = cfs.minVruntime;
        boolean haveCurr = false;
        if (cfs.curr >= 0 && m.task(cfs.curr).se.onRq) {
            v = m.task(cfs.curr).se.vruntime;
            haveCurr = true;
        }
        CfsRq.Node left = cfs.first();
        if (left != null) {
            v = haveCurr ? Math.min(v, left.vruntime) : left.vruntime;
        }
        cfs.minVruntime = Math.max(cfs.minVruntime, v);
    }

    /** __sched_period. */
    public static long period(Machine m, int nrRunning) {
        if (nrRunning > SCHED_NR_LATENCY) {
            return nrRunning * minGranularity(m);
        }
        return latency(m);
    }

    /** sched_slice with ALT_PERIOD and BASE_SLICE. */
    public static long slice(Machine m, CfsRq cfs, SchedEntity se) {
        int nr = cfs.nrRunning + (se.onRq ? 0 : 1);
        long load = cfs.loadWeight + (se.onRq ? 0 : se.weight);
        long slice = period(m, nr);
        if (load > 0) {
            slice = slice * se.weight / load;
        }
        return Math.max(slice, minGranularity(m));
    }

    public static long vslice(Machine m, CfsRq cfs, SchedEntity se) {
        return Weights.calcDeltaFair(slice(m, cfs, se), se.weight);
    }

    /** place_entity: START_DEBIT for a new task, half a latency of credit for a sleeper. */
    public static void placeEntity(Machine m, CfsRq cfs, SchedEntity se, boolean initial) {
        long v = cfs.minVruntime;
        if (initial) {
            v += vslice(m, cfs, se);
        } else {
            v -= latency(m) >> 1;
        }
        se.vruntime = Math.max(se.vruntime, v);
    }

    /** enqueue_entity; `wakeup` = ENQUEUE_WAKEUP, `renorm` = vruntime is relative and needs min_vruntime added. */
    public static void enqueueEntity(Machine m, Rq rq, TaskStruct p, boolean wakeup, boolean renorm) {
        CfsRq cfs = rq.cfs;
        SchedEntity se = p.se;
        boolean isCurr = cfs.curr == p.id;
        if (renorm && isCurr) {
            se.vruntime += cfs.minVruntime;
        }
        UpdateCurr.atOnce(m, rq);
        if (renorm && !isCurr) {
            se.vruntime += cfs.minVruntime;
        }
        cfs.loadWeight += se.weight;
        if (wakeup) {
            placeEntity(m, cfs, se, false);
        }
        if (!isCurr) {
            cfs.enqueue(p.id, se.vruntime);
            se.inTrees++;
        }
        se.onRq = true;
        cfs.nrRunning++;
    }

    /** dequeue_entity; a sleeper keeps its absolute vruntime, anything else becomes relative. */
    public static void dequeueEntity(Machine m, Rq rq, TaskStruct p, boolean sleep) {
        CfsRq cfs = rq.cfs;
        SchedEntity se = p.se;
        UpdateCurr.atOnce(m, rq);
        if (cfs.curr != p.id && cfs.dequeue(p.id)) {
            se.inTrees--;
        }
        se.onRq = false;
        cfs.loadWeight -= se.weight;
        cfs.nrRunning--;
        if (!sleep) {
            se.vruntime -= cfs.minVruntime;
        }
        updateMinVruntime(m, cfs);
    }

    /** wakeup_preempt_entity: 1 if se should preempt curr, 0 if close, -1 if behind. */
    public static int wakeupPreemptEntity(Machine m, SchedEntity curr, SchedEntity se) {
        long d = curr.vruntime - se.vruntime;
        if (d <= 0) {
            return -1;
        }
        long gran = Weights.calcDeltaFair(wakeupGranularity(m), se.weight);
        return d > gran ? 1 : 0;
    }

    /** put_prev_entity + pick_next_entity + set_next_entity; returns the task id or -1. */
    public static int pickNext(Machine m, Rq rq) {
        CfsRq cfs = rq.cfs;
        if (cfs.curr >= 0) {
            TaskStruct prev = m.task(cfs.curr);
            if (prev.se.onRq) {
                UpdateCurr.atOnce(m, rq);
                cfs.enqueue(prev.id, prev.se.vruntime);
                prev.se.inTrees++;
            }
            cfs.curr = -1;
        }
        CfsRq.Node left = cfs.first();
        if (left == null) {
            return -1;
        }
        SchedEntity se = m.task(left.task).se;
        if (cfs.dequeue(left.task)) {
            se.inTrees--;
        }
        cfs.curr = left.task;
        se.execStart = rq.clock;
        se.prevSumExecRuntime = se.sumExecRuntime;
        updateMinVruntime(m, cfs);
        return left.task;
    }
}
