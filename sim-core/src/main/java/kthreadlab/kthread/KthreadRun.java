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
    private long k;

    public KthreadRun(KthreadCreateOnNode.Request req) {
        super(CODE, req);
    }

    @Override
    public void onReturn(long value) {
        if (pc == IS_ERR) {
            k = value;
        }
    }

    @Override
    public void step(Exec x) {
        switch (pc) {
            case CREATE:
                pc = IS_ERR;
                x.call(new KthreadCreateOnNode(req));
                return;
            case IS_ERR:
                pc = k < 0 ? RETURN : WAKE;
                return;
            case WAKE:
                pc = RETURN;
                x.call(new WakeUpProcess((int) k));
                return;
            default:
                x.ret(k);
        }
    }
}
