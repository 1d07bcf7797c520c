package kthreadlab.workqueue;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.state.Work;

/**
 * queue_work_on(cpu, wq, work): claims PENDING and queues the item; returns 0 (false) if it was
 * already pending. cpu is Policy.WORK_CPU_UNBOUND for queue_work().
 */
public final class QueueWorkOn extends Frame {
    static final Code CODE = new Code("kernel/workqueue.c", "queue_work_on",
        "local_irq_save(flags);",
        "if (!test_and_set_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(work))) {",
        "__queue_work(cpu, wq, work);",
        "ret = true;",
        "local_irq_restore(flags);",
        "return ret;");
    static final int IRQ_SAVE = 0, TEST_AND_SET = 1, QUEUE = 2, RET_TRUE = 3, IRQ_RESTORE = 4, RETURN = 5;
    private final int cpu;
    private final int wq;
    private final int work;
    private long ret;

    public QueueWorkOn(int cpu, int wq, int work) {
        super(CODE);
        this.cpu = cpu;
        this.wq = wq;
        this.work = work;
    }

    @Override
    public String detail() {
        return "";
    }

    @Override
    public void step(Exec x) {
        Work w = x.m.wq.work(work);
        switch (pc) {
            case IRQ_SAVE:
                x.rq.irqsOff++;
                pc = TEST_AND_SET;
                return;
            case TEST_AND_SET:
                if (w.pending) {
                    pc = IRQ_RESTORE;
                } else {
                    w.pending = true;
                    w.queued++;
                    pc = QUEUE;
                }
                return;
            case QUEUE:
                pc = RET_TRUE;
                x.call(new __QueueWork(cpu, wq, work));
                return;
            case RET_TRUE:
                ret = 1;
                pc = IRQ_RESTORE;
                return;
            case IRQ_RESTORE:
                x.rq.irqsOff--;
                pc = RETURN;
                return;
            default:
                x.ret(ret);
        }
    }
}
