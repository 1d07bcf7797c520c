package kthreadlab.kthread;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.engine.Machine;
import kthreadlab.engine.StepCost;
import kthreadlab.fork.KernelThread;
import kthreadlab.fork.Tasks;
import kthreadlab.format.Errno;
import kthreadlab.sched.completion.Complete;
import kthreadlab.state.KthreadCreateInfo;

/**
 * create_kthread(create) (kernel/kthread.c), run by kthreadd: forks a child that starts in
 * kthread(create). If the fork fails, the error goes back through create->result, unless the
 * creator was SIGKILLed and gave up (create->done already NULL): then kthreadd frees create.
 */
public final class CreateKthread extends Frame {
    static final Code CODE = new Code("kernel/kthread.c", "create_kthread",
        "pid = kernel_thread(kthread, create, CLONE_FS | CLONE_FILES | SIGCHLD);",
        "if (pid < 0) {",
        "struct completion *done = xchg(&create->done, NULL);",
        "if (!done) {",
        "kfree(create);",
        "return;",
        "create->result = ERR_PTR(pid);",
        "complete(done);",
        "complete(done);");
    static final int KERNEL_THREAD = 0, FAILED = 1, XCHG_DONE = 2, NO_DONE = 3, KFREE = 4, RETURN = 5,
        RESULT = 6, COMPLETE_FAILED = 7, COMPLETE = 8;

    private final int create;
    private long pid;
    private int done = -1;

    CreateKthread(int create) {
        super(CODE);
        this.create = create;
    }

    @Override
    public String detail() {
        return "create #" + create;
    }

    @Override
    public void onReturn(long value) {
        pid = value;
    }

    @Override
    public void step(Exec x) {
        Machine m = x.m;
        KthreadCreateInfo info = m.createInfo(create);
        switch (pc) {
            case KERNEL_THREAD:
                pc = FAILED;
                x.call(new KernelThread("kthread", create,
                    KernelThread.CLONE_FS | KernelThread.CLONE_FILES | KernelThread.SIGCHLD));
                return;
            case FAILED:
                if (pid >= 0) {
                    x.ret(0);
                    return;
                }
                pc = XCHG_DONE;
                return;
            case XCHG_DONE:
                done = info.done;
                info.done = -1;
                x.cost(StepCost.LOCK);
                pc = NO_DONE;
                return;
            case NO_DONE:
                pc = done < 0 ? KFREE : RESULT;
                return;
            case KFREE:
                Kfree.create(m, info, x.cur);
                pc = RETURN;
                return;
            case RETURN:
                x.ret(0);
                return;
            case RESULT:
                info.result = pid;
                Tasks.note(m, info, "result = ERR_PTR(" + Errno.name(pid) + ") set by " + x.cur.comm);
                pc = COMPLETE_FAILED;
                return;
            case COMPLETE_FAILED:
                pc = COMPLETE;
                x.call(new Complete(done));
                return;
            default:
                x.ret(0);
        }
    }
}
