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

    private final int create;
    private long pid;
    private int done = -1;

    CreateKthread(int create) {
        this.create = create;
    }

    @Override
    public Code code() {
        return CODE;
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
            case 0:
                pc = 1;
                x.call(new KernelThread("kthread", create,
                    KernelThread.CLONE_FS | KernelThread.CLONE_FILES | KernelThread.SIGCHLD));
                return;
            case 1:
                if (pid >= 0) {
                    x.ret(0);
                    return;
                }
                pc = 2;
                return;
            case 2:
                done = info.done;
                info.done = -1;
                x.cost(StepCost.LOCK);
                pc = 3;
                return;
            case 3:
                pc = done < 0 ? 4 : 6;
                return;
            case 4:
                Kfree.create(m, info, x.cur);
                pc = 5;
                return;
            case 5:
                x.ret(0);
                return;
            case 6:
                info.result = pid;
                Tasks.note(m, info, "result = ERR_PTR(" + Errno.name(pid) + ") set by " + x.cur.comm);
                pc = 7;
                return;
            case 7:
                pc = 8;
                x.call(new Complete(done));
                return;
            default:
                x.ret(0);
        }
    }
}
