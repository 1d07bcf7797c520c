package kthreadlab.workqueue;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.engine.Machine;

/**
 * workqueue_prepare_cpu(cpu), the CPU-hotplug prepare callback for a CPU coming up: the first
 * worker of each of its two pools (kworker/N:0, kworker/N:0H) if the pool has none.
 */
public final class WorkqueuePrepareCpu extends Frame {
    static final Code CODE = new Code("kernel/workqueue.c", "workqueue_prepare_cpu",
        "if (pool->nr_workers)",
        "if (!create_worker(pool))",
        "return 0;");
    static final int IF_WORKERS = 0, CREATE = 1, RETURN = 2;

    private final int cpu;
    /** 0: the normal pool, 1: the highpri one, 2: done. */
    private int which;

    public WorkqueuePrepareCpu(int cpu) {
        super(CODE);
        this.cpu = cpu;
    }

    @Override
    public String detail() {
        return "cpu " + cpu;
    }

    @Override
    public void step(Exec x) {
        Machine m = x.m;
        switch (pc) {
            case IF_WORKERS:
                if (which > 1) {
                    pc = RETURN;
                    return;
                }
                if (m.wq.pool(m.wq.cpuPool(cpu, which == 1)).nrWorkers > 0) {
                    which++;
                    return;
                }
                pc = CREATE;
                return;
            case CREATE:
                pc = IF_WORKERS;
                x.call(new CreateWorker(m.wq.cpuPool(cpu, which++ == 1)));
                return;
            default:
                x.ret(0);
        }
    }
}
