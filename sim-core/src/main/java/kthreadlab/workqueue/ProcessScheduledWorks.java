package kthreadlab.workqueue;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.state.Worker;

/** process_scheduled_works(worker): runs the items on the worker's scheduled list (e.g. a flush barrier). */
public final class ProcessScheduledWorks extends Frame {
    static final Code CODE = new Code("kernel/workqueue.c", "process_scheduled_works",
        "while (!list_empty(&worker->scheduled)) {",
        "process_one_work(worker, work);");
    static final int WHILE = 0, PROCESS = 1;
    private final int worker;

    public ProcessScheduledWorks(int worker) {
        super(CODE);
        this.worker = worker;
    }

    @Override
    public void step(Exec x) {
        Worker w = x.m.wq.worker(worker);
        if (pc == WHILE) {
            if (w.scheduled.isEmpty()) {
                x.ret(0);
            } else {
                pc = PROCESS;
            }
            return;
        }
        pc = WHILE;
        x.call(new ProcessOneWork(worker, w.scheduled.get(0)));
    }
}
