package kthreadlab.kthread;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.sched.core.WakeUpProcess;

/** kthread_run(): kthread_create() and, if that worked, wake_up_process(). */
public final class KthreadRun extends Frame {
    static final Code CODE = new Code("include/linux/kthread.h", "kthread_run",
        "= kthread_create(threadfn, data, namefmt, ## __VA_ARGS__); \\",
        "if (!IS_ERR(__k)) \\",
        "wake_up_process(__k); \\",
        "__k; \\");
    private final KthreadCreateOnNode.Request req;
    private long k;

    public KthreadRun(KthreadCreateOnNode.Request req) {
        this.req = req;
    }

    @Override
    public Code code() {
        return CODE;
    }

    @Override
    public String detail() {
        return req.namefmt;
    }

    @Override
    public void onReturn(long value) {
        if (pc == 1) {
            k = value;
        }
    }

    @Override
    public void step(Exec x) {
        switch (pc) {
            case 0:
                pc = 1;
                x.call(KthreadCreateOnNode.call(req));
                return;
            case 1:
                pc = k < 0 ? 3 : 2;
                return;
            case 2:
                pc = 3;
                x.call(new WakeUpProcess((int) k));
                return;
            default:
                x.ret(k);
        }
    }
}
