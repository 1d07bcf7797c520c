package kthreadlab.workqueue;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.sched.core.WakeUpProcess;

/** wake_up_worker(pool): wakes the first idle worker, if any. */
public final class WakeUpWorker extends Frame {
    static final Code CODE = new Code("kernel/workqueue.c", "wake_up_worker",
        "struct worker *worker = first_idle_worker(pool);",
        "if (likely(worker))",
        "wake_up_process(worker->task);");
    static final int FIRST_IDLE = 0, IF_WORKER = 1, WAKE = 2;
    private final int pool;
    private int worker = -1;

    public WakeUpWorker(int pool) {
        super(CODE);
        this.pool = pool;
    }

    @Override
    public void step(Exec x) {
        switch (pc) {
            case FIRST_IDLE:
                worker = Policy.firstIdleWorker(x.m.wq.pool(pool));
                pc = IF_WORKER;
                return;
            case IF_WORKER:
                if (worker < 0) {
                    x.ret(0);
                } else {
                    pc = WAKE;
                }
                return;
            default:
                x.callAndReturn(new WakeUpProcess(x.m.wq.worker(worker).task));
        }
    }
}
