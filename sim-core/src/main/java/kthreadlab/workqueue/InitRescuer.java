package kthreadlab.workqueue;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.engine.Machine;
import kthreadlab.kthread.__KthreadBindMask;
import kthreadlab.kthread.KthreadCreateOnNode;
import kthreadlab.sched.core.WakeUpProcess;
import kthreadlab.state.CpuMask;
import kthreadlab.state.Worker;
import kthreadlab.state.Workqueue;

/** init_rescuer(wq): a WQ_MEM_RECLAIM workqueue gets its rescuer thread, named after the workqueue. */
public final class InitRescuer extends Frame {
    static final Code CODE = new Code("kernel/workqueue.c", "init_rescuer",
        "if (!(wq->flags & WQ_MEM_RECLAIM))",
        "#1 return 0;",
        "rescuer = alloc_worker(NUMA_NO_NODE);",
        "rescuer->task = kthread_create(rescuer_thread, rescuer, \"%s\", wq->name);",
        "wq->rescuer = rescuer;",
        "kthread_bind_mask(rescuer->task, cpu_possible_mask);",
        "wake_up_process(rescuer->task);",
        "#2 return 0;");
    static final int IF_RECLAIM = 0, RETURN_NONE = 1, ALLOC = 2, CREATE = 3, SET_RESCUER = 4, BIND = 5,
        WAKE = 6, RETURN = 7;
    private final int wq;
    private int rescuer = -1;
    private long task;

    public InitRescuer(int wq) {
        super(CODE);
        this.wq = wq;
    }

    @Override
    public String detail() {
        return "";
    }

    @Override
    public void onReturn(long value) {
        if (pc == SET_RESCUER) {
            task = value;
        }
    }

    @Override
    public void step(Exec x) {
        Machine m = x.m;
        Workqueue q = m.wq.wq(wq);
        switch (pc) {
            case IF_RECLAIM:
                pc = (q.flags & Workqueue.WQ_MEM_RECLAIM) == 0 ? RETURN_NONE : ALLOC;
                return;
            case RETURN_NONE:
                x.ret(0);
                return;
            case ALLOC: {
                Worker w = new Worker(m.wq.workers.size());
                w.rescueWq = wq;
                m.wq.workers.add(w);
                rescuer = w.id;
                pc = CREATE;
                return;
            }
            case CREATE:
                pc = SET_RESCUER;
                x.call(new KthreadCreateOnNode(new KthreadCreateOnNode.Request("rescuer_thread", rescuer, q.name, 0,
                    "")));
                return;
            case SET_RESCUER:
                if (task < 0) {
                    m.wq.worker(rescuer).dead = true;
                    x.ret(task);
                    return;
                }
                m.wq.worker(rescuer).task = (int) task;
                q.rescuer = rescuer;
                pc = BIND;
                return;
            case BIND:
                pc = WAKE;
                x.call(new __KthreadBindMask((int) task, CpuMask.first(m.config.cpus)));
                return;
            case WAKE:
                pc = RETURN;
                x.call(new WakeUpProcess((int) task));
                return;
            default:
                x.ret(0);
        }
    }
}
