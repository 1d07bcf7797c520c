package kthreadlab.workqueue;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.engine.Machine;
import kthreadlab.fork.Tasks;
import kthreadlab.sched.core.Schedule;
import kthreadlab.state.TaskFlags;
import kthreadlab.state.TaskState;
import kthreadlab.state.Worker;
import kthreadlab.state.WorkerPool;

/**
 * worker_thread(worker): the thread function of every kworker. Wake, leave idle, manage if it was
 * the last idle worker, process the pool's items while keep_working(), then enter idle and sleep
 * in TASK_IDLE. A worker marked WORKER_DIE by the idle timer renames itself and returns.
 */
public final class WorkerThread extends Frame {
    static final Code CODE = new Code("kernel/workqueue.c", "worker_thread",
        "set_pf_worker(true);",
        "raw_spin_lock_irq(&pool->lock);",
        "if (unlikely(worker->flags & WORKER_DIE)) {",
        "#1 raw_spin_unlock_irq(&pool->lock);",
        "set_pf_worker(false);",
        "set_task_comm(worker->task, \"kworker/dying\");",
        "ida_free(&pool->worker_ida, worker->id);",
        "worker_detach_from_pool(worker);",
        "return 0;",
        "worker_leave_idle(worker);",
        "if (!need_more_worker(pool))",
        "goto sleep;",
        "if (unlikely(!may_start_working(pool)) && manage_workers(worker))",
        "worker_clr_flags(worker, WORKER_PREP | WORKER_REBOUND);",
        "pool->watchdog_ts = jiffies;",
        "process_one_work(worker, work);",
        "if (unlikely(!list_empty(&worker->scheduled)))",
        "#1 process_scheduled_works(worker);",
        "} while (keep_working(pool));",
        "worker_set_flags(worker, WORKER_PREP);",
        "worker_enter_idle(worker);",
        "__set_current_state(TASK_IDLE);",
        "#2 raw_spin_unlock_irq(&pool->lock);",
        "schedule();",
        "goto woke_up;");
    static final int PF = 0, WOKE_UP = 1, IF_DIE = 2, DIE_UNLOCK = 3, PF_OFF = 4, COMM = 5, IDA_FREE = 6,
        DETACH = 7, RETURN = 8, LEAVE_IDLE = 9, RECHECK = 10, GOTO_SLEEP = 11, MANAGE = 12, CLR_PREP = 13,
        WATCHDOG = 14, PROCESS = 15, IF_SCHEDULED = 16, SCHEDULED = 17, KEEP = 18, SET_PREP = 19, SLEEP = 20,
        STATE = 21, UNLOCK = 22, SCHEDULE = 23, GOTO_WOKE = 24;

    private final int worker;
    private long managed;
    /** manage_workers() returned: this step evaluates the rest of the condition. */
    private boolean afterManage;

    public WorkerThread(int worker) {
        super(CODE);
        this.worker = worker;
    }

    @Override
    public void onReturn(long value) {
        managed = value;
    }

    @Override
    public void step(Exec x) {
        Machine m = x.m;
        Worker w = m.wq.worker(worker);
        WorkerPool p = m.wq.pool(w.pool);
        switch (pc) {
            case PF:
                x.cur.flags |= TaskFlags.PF_WQ_WORKER;
                pc = WOKE_UP;
                return;
            case WOKE_UP:
                Policy.lockIrq(x);
                pc = IF_DIE;
                return;
            case IF_DIE:
                pc = (w.flags & Worker.WORKER_DIE) != 0 ? DIE_UNLOCK : LEAVE_IDLE;
                return;
            case DIE_UNLOCK:
                pc = PF_OFF;
                Policy.unlockIrq(x);
                return;
            case PF_OFF:
                x.cur.flags &= ~TaskFlags.PF_WQ_WORKER;
                pc = COMM;
                return;
            case COMM:
                Tasks.setTaskComm(m, x.rq, x.cur, "kworker/dying");
                pc = IDA_FREE;
                return;
            case IDA_FREE:
                p.freeId(w.wid);
                pc = DETACH;
                return;
            case DETACH:
                p.workers.remove(Integer.valueOf(worker));
                w.pool = p.id;
                pc = RETURN;
                return;
            case RETURN:
                w.dead = true;
                x.ret(0);
                return;
            case LEAVE_IDLE:
                pc = RECHECK;
                x.call(new WorkerLeaveIdle(worker));
                return;
            case RECHECK:
                pc = Policy.needMoreWorker(p) ? MANAGE : GOTO_SLEEP;
                return;
            case GOTO_SLEEP:
                pc = SLEEP;
                return;
            case MANAGE:
                if (afterManage) {
                    afterManage = false;
                    pc = managed != 0 ? RECHECK : CLR_PREP;
                    return;
                }
                if (Policy.mayStartWorking(p)) {
                    pc = CLR_PREP;
                    return;
                }
                managed = 0;
                afterManage = true;
                x.call(new ManageWorkers(worker));
                return;
            case CLR_PREP:
                Policy.clrFlags(m, w, Worker.WORKER_PREP | Worker.WORKER_REBOUND);
                pc = WATCHDOG;
                return;
            case WATCHDOG:
                pc = PROCESS;
                return;
            case PROCESS:
                if (p.worklist.isEmpty()) {
                    pc = SET_PREP;
                    return;
                }
                pc = IF_SCHEDULED;
                x.call(new ProcessOneWork(worker, p.worklist.get(0)));
                return;
            case IF_SCHEDULED:
                pc = w.scheduled.isEmpty() ? KEEP : SCHEDULED;
                return;
            case SCHEDULED:
                pc = KEEP;
                x.call(new ProcessScheduledWorks(worker));
                return;
            case KEEP:
                pc = Policy.keepWorking(p) ? WATCHDOG : SET_PREP;
                return;
            case SET_PREP:
                Policy.setFlags(m, w, Worker.WORKER_PREP);
                pc = SLEEP;
                return;
            case SLEEP:
                pc = STATE;
                x.call(new WorkerEnterIdle(worker));
                return;
            case STATE:
                x.cur.state = TaskState.TASK_IDLE;
                pc = UNLOCK;
                return;
            case UNLOCK:
                pc = SCHEDULE;
                Policy.unlockIrq(x);
                return;
            case SCHEDULE:
                pc = GOTO_WOKE;
                x.call(new Schedule());
                return;
            default:
                pc = WOKE_UP;
        }
    }
}
