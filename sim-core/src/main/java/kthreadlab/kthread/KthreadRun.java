package kthreadlab.kthread;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.sched.core.WakeUpProcess;

/** kthread_run(): kthread_create() and, if that worked, wake_up_process(). */
public final class KthreadRun extends CreateRequestFrame {
    static final Code CODE = new Code("include/linux/kthread.h", "kthread_run",
        "= kthread_create(threadfn, data, namefmt, ## __VA_ARGS__); \\",
        "if (!IS_ERR(__k)) \\",
        "wake_up_process(__k); \\",
        "__k; \\");
    static final int CREATE = 0, IS_ERR = 1, WAKE = 2, RETURN = 3;

    public KthreadRun(KthreadCreateOnNode.Request req) {
        super(CODE, req);
    }

    @Override
    public void step(Exec x) {
        switch (pc) {
            case CREATE:
                create(x, IS_ERR);
                return;
            case IS_ERR:
                pc = created < 0 ? RETURN : WAKE;
                return;
            case WAKE:
                pc = RETURN;
                x.call(new WakeUpProcess((int) created));
                return;
            default:
                x.ret(created);
        }
    }
}
