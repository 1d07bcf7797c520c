package kthreadlab.kthread;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.state.Kthread;
import kthreadlab.state.TaskState;

/** kthread_create_on_cpu(): create, bind to the CPU before the first wakeup, remember the CPU. */
public final class KthreadCreateOnCpu extends CreateRequestFrame {
    static final Code CODE = new Code("kernel/kthread.c", "kthread_create_on_cpu",
        "p = kthread_create_on_node(threadfn, data, cpu_to_node(cpu), namefmt,",
        "if (IS_ERR(p))",
        "#1 return p;",
        "kthread_bind(p, cpu);",
        "to_kthread(p)->cpu = cpu;",
        "#2 return p;");
    static final int CREATE = 0, IS_ERR = 1, RETURN_ERR = 2, BIND = 3, SET_CPU = 4, RETURN = 5;
    private final int cpu;

    public KthreadCreateOnCpu(KthreadCreateOnNode.Request req, int cpu) {
        super(CODE, req);
        this.cpu = cpu;
    }

    @Override
    public String detail() {
        return req.namefmt + " cpu " + cpu;
    }

    @Override
    public void step(Exec x) {
        switch (pc) {
            case CREATE:
                create(x, IS_ERR);
                return;
            case IS_ERR:
                pc = created < 0 ? RETURN_ERR : BIND;
                return;
            case RETURN_ERR:
                x.ret(created);
                return;
            case BIND:
                pc = SET_CPU;
                x.call(new KthreadBind((int) created, cpu));
                return;
            case SET_CPU: {
                Kthread k = x.m.task((int) created).kthread;
                if (k != null) {
                    k.cpu = cpu;
                }
                pc = RETURN;
                return;
            }
            default:
                x.ret(created);
        }
    }
}
