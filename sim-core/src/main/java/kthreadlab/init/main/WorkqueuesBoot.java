package kthreadlab.init.main;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.workqueue.WorkqueueInit;

/**
 * kernel_init_freeable() of the "workqueues" boot profile: the minimal boot plus workqueue_init(),
 * so that every pool has its first kworker before the scenario's actions (workqueue_init_early()
 * ran in Boot, before any step).
 */
public final class WorkqueuesBoot extends Frame {
    static final Code CODE = new Code("init/main.c", "kernel_init_freeable",
        "workqueue_init();");

    public WorkqueuesBoot() {
        super(CODE);
    }

    @Override
    public String detail() {
        return "workqueues boot";
    }

    @Override
    public void step(Exec x) {
        x.callAndReturn(new WorkqueueInit());
    }
}
