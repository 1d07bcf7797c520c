package kthreadlab.workqueue;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.kthread.KthreadShouldStop;
import kthreadlab.sched.core.Schedule;
import kthreadlab.state.TaskFlags;
import kthreadlab.state.TaskState;
import kthreadlab.state.Weights;
import kthreadlab.engine.Machine;
import kthreadlab.engine.TaskStruct;
import kthreadlab.state.CpuMask;
import kthreadlab.state.Kthread;
import kthreadlab.state.Worker;
import kthreadlab.state.WorkerPool;
import kthreadlab.state.Workqueue;

/**
 * rescuer_thread(rescuer): sleeps in TASK_IDLE until a pool that cannot create workers sends a
 * mayday (pool_mayday_timeout), or until kthread_stop(). For each pool on wq->maydays it attaches
 * to the pool, takes this workqueue's items off the worklist and runs them itself, then detaches.
 */
public final class RescuerThread extends Frame {
    static final Code CODE = new Code("kernel/workqueue.c", "rescuer_thread",
        "set_user_nice(current, RESCUER_NICE_LEVEL);",
        "set_pf_worker(true);",
        "set_current_state(TASK_IDLE);",
        "should_stop = kthread_should_stop();",
        "while (!list_empty(&wq->maydays)) {",
        "if (should_stop) {",
        "#2 __set_current_state(TASK_RUNNING);",
        "set_pf_worker(false);",
        "return 0;",
        "schedule();",
        "goto repeat;",
        "#1 __set_current_state(TASK_RUNNING);",
        "list_del_init(&pwq->mayday_node);",
        "worker_attach_to_pool(rescuer, pool);",
        "raw_spin_lock_irq(&pool->lock);",
        "move_linked_works(work, scheduled, &n);",
        "if (!list_empty(scheduled)) {",
        "process_scheduled_works(rescuer);",
        "if (pwq->nr_active && need_to_create_worker(pool)) {",
        "if (need_more_worker(pool))",
        "wake_up_worker(pool);",
        "raw_spin_unlock_irq(&pool->lock);",
        "worker_detach_from_pool(rescuer);");
    static final int NICE = 0, PF = 1, SET_IDLE = 2, SHOULD_STOP = 3, WHILE = 4, STOP = 5, STOP_RUNNING = 6,
        PF_OFF = 7, RETURN = 8, SCHEDULE = 9, GOTO_REPEAT = 10, RUNNING = 11, DEL = 12, ATTACH = 13,
        LOCK = 14, SLURP = 15, IF_SCHEDULED = 16, PROCESS = 17, REQUEUE = 18, IF_MORE = 19, WAKE = 20,
        UNLOCK = 21, DETACH = 22;
    private final int rescuer;
    private long stop;
    /** The pool of the pwq being rescued. */
    private int pool = -1;

    public RescuerThread(int rescuer) {
        super(CODE);
        this.rescuer = rescuer;
    }

    @Override
    public void onReturn(long value) {
        if (pc == WHILE) {
            stop = value;
        }
    }

    @Override
    public void step(Exec x) {
        switch (pc) {
            case NICE:
                x.cur.prio = 100;
                x.cur.se.weight = Weights.ofNice(-20);
                pc = PF;
                return;
            case PF:
                x.cur.flags |= TaskFlags.PF_WQ_WORKER;
                pc = SET_IDLE;
                return;
            case SET_IDLE:
                x.cur.state = TaskState.TASK_IDLE;
                pc = SHOULD_STOP;
                return;
            case SHOULD_STOP:
                pc = WHILE;
                x.call(new KthreadShouldStop());
                return;
            case WHILE:
                pc = x.m.wq.wq(x.m.wq.worker(rescuer).rescueWq).maydays.isEmpty() ? STOP : RUNNING;
                return;
            case STOP:
                pc = stop != 0 ? STOP_RUNNING : SCHEDULE;
                return;
            case STOP_RUNNING:
                x.cur.state = TaskState.TASK_RUNNING;
                pc = PF_OFF;
                return;
            case PF_OFF:
                x.cur.flags &= ~TaskFlags.PF_WQ_WORKER;
                pc = RETURN;
                return;
            case RETURN:
                x.m.wq.worker(rescuer).dead = true;
                x.ret(0);
                return;
            case SCHEDULE:
                pc = GOTO_REPEAT;
                x.call(new Schedule());
                return;
            case GOTO_REPEAT:
                pc = SET_IDLE;
                return;
            default:
                rescue(x);
        }
    }

    /** One statement of the loop over wq->maydays. */
    private void rescue(Exec x) {
        Machine m = x.m;
        Worker w = m.wq.worker(rescuer);
        Workqueue q = m.wq.wq(w.rescueWq);
        switch (pc) {
            case RUNNING:
                x.cur.state = TaskState.TASK_RUNNING;
                pc = DEL;
                return;
            case DEL:
                pool = q.maydays.remove(0);
                pc = ATTACH;
                return;
            case ATTACH:
                attach(m, w, m.wq.pool(pool));
                pc = LOCK;
                return;
            case LOCK:
                Policy.lockIrq(x);
                pc = SLURP;
                return;
            case SLURP:
                slurp(m, w, q, m.wq.pool(pool));
                pc = IF_SCHEDULED;
                return;
            case IF_SCHEDULED:
                pc = w.scheduled.isEmpty() ? IF_MORE : PROCESS;
                return;
            case PROCESS:
                pc = REQUEUE;
                x.call(new ProcessScheduledWorks(rescuer));
                return;
            case REQUEUE:
                requeue(m, q, m.wq.pool(pool));
                pc = IF_MORE;
                return;
            case IF_MORE:
                pc = Policy.needMoreWorker(m.wq.pool(pool)) ? WAKE : UNLOCK;
                return;
            case WAKE:
                pc = UNLOCK;
                x.call(new WakeUpWorker(pool));
                return;
            case UNLOCK:
                Policy.unlockIrq(x);
                pc = DETACH;
                return;
            default:
                detach(m, w, m.wq.pool(pool));
                pool = -1;
                pc = WHILE;
        }
    }

    /**
     * worker_attach_to_pool() for a rescuer: it joins the pool's workers (WORKER_PREP stays set, so
     * it never counts in nr_running) and takes the pool's CPU mask (set_cpus_allowed_ptr).
     */
    static void attach(Machine m, Worker w, WorkerPool p) {
        CreateWorker.attach(m, w, p);
        m.task(w.task).cpusMask = p.cpu >= 0 ? CpuMask.of(p.cpu) : CpuMask.first(m.config.cpus);
    }

    /** The loop over the worklist: every item of this workqueue moves to rescuer->scheduled, in order. */
    static void slurp(Machine m, Worker w, Workqueue q, WorkerPool p) {
        for (int i = 0; i < p.worklist.size();) {
            int id = p.worklist.get(i);
            if (m.wq.work(id).wq == q.id) {
                p.worklist.remove(i);
                w.scheduled.add(id);
            } else {
                i++;
            }
        }
    }

    /** Items of this workqueue still pending while the pool still cannot start a worker: back on maydays. */
    static void requeue(Machine m, Workqueue q, WorkerPool p) {
        boolean active = false;
        for (int id : p.worklist) {
            active |= m.wq.work(id).wq == q.id;
        }
        if (active && Policy.needToCreateWorker(p) && q.rescuer >= 0 && !q.maydays.contains(p.id)) {
            q.maydays.add(p.id);
        }
    }

    /** worker_detach_from_pool(): off the pool's workers; a bound pool's per-CPU mark is dropped. */
    static void detach(Machine m, Worker w, WorkerPool p) {
        p.workers.remove(Integer.valueOf(w.id));
        w.pool = -1;
        w.flags &= ~(Worker.WORKER_UNBOUND | Worker.WORKER_REBOUND);
        TaskStruct t = m.task(w.task);
        if (t.kthread != null) {
            t.kthread.clearBit(Kthread.KTHREAD_IS_PER_CPU);
        }
    }
}
