package kthreadlab.state;

import java.util.ArrayList;
import java.util.List;

/** struct worker (kernel/workqueue_internal.h): one kworker or rescuer and what it is doing. */
public final class Worker {
    public static final int WORKER_DIE = 1 << 1;
    public static final int WORKER_IDLE = 1 << 2;
    public static final int WORKER_PREP = 1 << 3;
    public static final int WORKER_CPU_INTENSIVE = 1 << 6;
    public static final int WORKER_UNBOUND = 1 << 7;
    public static final int WORKER_REBOUND = 1 << 8;
    public static final int WORKER_NOT_RUNNING = WORKER_PREP | WORKER_CPU_INTENSIVE | WORKER_UNBOUND
        | WORKER_REBOUND;

    public final int id;
    /** The pool it is attached to, or -1 (a detached rescuer). */
    public int pool = -1;
    /** Its task, or -1 before kthread_create_on_node() returned. */
    public int task = -1;
    /** worker->id: the M of kworker/N:M. */
    public int wid = -1;
    public int flags = WORKER_PREP;
    public boolean sleeping;
    /** The work item it executes, or -1; and the workqueue it belongs to. */
    public int currentWork = -1;
    public int currentWq = -1;
    /** worker->desc: the name of the workqueue of its latest item ("" before the first). */
    public String desc = "";
    public long lastActive;
    /** For a rescuer: the workqueue it rescues; -1 for a kworker. */
    public int rescueWq = -1;
    /** worker->scheduled: work item ids this worker runs next (barriers, linked items). */
    public List<Integer> scheduled = new ArrayList<>();
    /** Set when its thread returned from worker_thread(). */
    public boolean dead;

    public Worker(int id) {
        this.id = id;
    }

    public boolean idle() {
        return (flags & WORKER_IDLE) != 0;
    }

    public Worker copy() {
        Worker w = new Worker(id);
        w.pool = pool;
        w.task = task;
        w.wid = wid;
        w.flags = flags;
        w.sleeping = sleeping;
        w.currentWork = currentWork;
        w.currentWq = currentWq;
        w.desc = desc;
        w.lastActive = lastActive;
        w.rescueWq = rescueWq;
        w.scheduled = new ArrayList<>(scheduled);
        w.dead = dead;
        return w;
    }
}
