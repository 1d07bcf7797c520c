package kthreadlab.workqueue;

import kthreadlab.engine.Machine;
import kthreadlab.state.WorkerPool;
import kthreadlab.state.Workqueue;

/**
 * workqueue_init_early(), in start_kernel() before any step: two pools per possible CPU (pool ids
 * 2*cpu and 2*cpu+1, nice 0 and -20) and the system workqueues; events_unbound creates the first
 * unbound pool (id 2*cpus). No thread exists yet, so this takes no steps.
 */
public final class WorkqueueInitEarly {
    private WorkqueueInitEarly() {
    }

    public static void run(Machine m) {
        for (int cpu = 0; cpu < m.config.cpus; cpu++) {
            m.wq.pools.add(new WorkerPool(m.wq.pools.size(), cpu, 0));
            m.wq.pools.add(new WorkerPool(m.wq.pools.size(), cpu, -20));
        }
        AllocWorkqueue.create(m, "events", 0);
        AllocWorkqueue.create(m, "events_highpri", Workqueue.WQ_HIGHPRI);
        AllocWorkqueue.create(m, "events_long", 0);
        AllocWorkqueue.create(m, "events_unbound", Workqueue.WQ_UNBOUND);
        AllocWorkqueue.create(m, "events_freezable", Workqueue.WQ_FREEZABLE);
        AllocWorkqueue.create(m, "events_power_efficient", Workqueue.WQ_POWER_EFFICIENT);
        AllocWorkqueue.create(m, "events_freezable_power_efficient",
            Workqueue.WQ_FREEZABLE | Workqueue.WQ_POWER_EFFICIENT);
    }
}
