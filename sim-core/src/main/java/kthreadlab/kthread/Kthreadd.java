package kthreadlab.kthread;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.engine.Machine;
import kthreadlab.engine.TaskStruct;
import kthreadlab.fork.Tasks;
import kthreadlab.locking.spinlock.Locks;
import kthreadlab.sched.core.Schedule;
import kthreadlab.state.KthreadCreateInfo;
import kthreadlab.state.TaskFlags;
import kthreadlab.state.TaskState;

/**
 * kthreadd(), pid 2: after a clean setup (its children inherit comm, signals, affinity) it loops:
 * set TASK_INTERRUPTIBLE, then test the list, then sleep; so a creator that queues a request and
 * calls wake_up_process() between the test and schedule() only puts it back to TASK_RUNNING and
 * no wakeup is lost. With requests queued it takes them one by one under kthread_create_lock,
 * dropping the lock around each create_kthread().
 */
public final class Kthreadd extends Frame {
    static final Code CODE = new Code("kernel/kthread.c", "kthreadd",
        "set_task_comm(tsk, \"kthreadd\");",
        "ignore_signals(tsk);",
        "set_cpus_allowed_ptr(tsk, housekeeping_cpumask(HK_FLAG_KTHREAD));",
        "set_mems_allowed(node_states[N_MEMORY]);",
        "current->flags |= PF_NOFREEZE;",
        "cgroup_init_kthreadd();",
        "set_current_state(TASK_INTERRUPTIBLE);",
        "if (list_empty(&kthread_create_list))",
        "schedule();",
        "__set_current_state(TASK_RUNNING);",
        "#1 spin_lock(&kthread_create_lock);",
        "while (!list_empty(&kthread_create_list)) {",
        "create = list_entry(kthread_create_list.next,",
        "list_del_init(&create->list);",
        "#1 spin_unlock(&kthread_create_lock);",
        "create_kthread(create);",
        "#2 spin_lock(&kthread_create_lock);",
        "#2 spin_unlock(&kthread_create_lock);");
    static final int COMM = 0, SIGNALS = 1, AFFINITY = 2, MEMS = 3, NOFREEZE = 4, CGROUP = 5, SET_STATE = 6,
        LIST_EMPTY = 7, SCHEDULE = 8, RUNNING = 9, LOCK = 10, WHILE = 11, ENTRY = 12, DEL = 13, UNLOCK = 14,
        CREATE = 15, RELOCK = 16, UNLOCK_END = 17;

    /** The KthreadCreateInfo being handled, or -1. */
    private int create = -1;

    public Kthreadd() {
        super(CODE);
    }

    @Override
    public void step(Exec x) {
        Machine m = x.m;
        TaskStruct tsk = x.cur;
        switch (pc) {
            case COMM:
                Tasks.setTaskComm(m, x.rq, tsk, "kthreadd");
                pc = SIGNALS;
                return;
            case SIGNALS:
                tsk.ignoresSigchld = true;
                tsk.sigkillPending = false;
                pc = AFFINITY;
                return;
            case AFFINITY:
                tsk.cpusMask = m.config.housekeeping();
                pc = MEMS;
                return;
            case MEMS:
                pc = NOFREEZE;
                return;
            case NOFREEZE:
                tsk.flags |= TaskFlags.PF_NOFREEZE;
                pc = CGROUP;
                return;
            case CGROUP:
                pc = SET_STATE;
                return;
            case SET_STATE:
                tsk.state = TaskState.TASK_INTERRUPTIBLE;
                pc = LIST_EMPTY;
                return;
            case LIST_EMPTY:
                pc = m.kthreadCreateList.isEmpty() ? SCHEDULE : RUNNING;
                return;
            case SCHEDULE:
                pc = RUNNING;
                x.call(new Schedule());
                return;
            case RUNNING:
                tsk.state = TaskState.TASK_RUNNING;
                pc = LOCK;
                return;
            case LOCK:
                if (Locks.spinLock(x, m.kthreadCreateLock)) {
                    pc = WHILE;
                }
                return;
            case WHILE:
                pc = m.kthreadCreateList.isEmpty() ? UNLOCK_END : ENTRY;
                return;
            case ENTRY:
                create = m.kthreadCreateList.get(0);
                pc = DEL;
                return;
            case DEL: {
                m.kthreadCreateList.remove(0);
                KthreadCreateInfo info = m.createInfo(create);
                info.stage = KthreadCreateInfo.Stage.TAKEN;
                Tasks.note(m, info, "taken off kthread_create_list by " + tsk.comm);
                pc = UNLOCK;
                return;
            }
            case UNLOCK:
                pc = CREATE;
                Locks.spinUnlock(x, m.kthreadCreateLock);
                return;
            case CREATE:
                pc = RELOCK;
                x.call(new CreateKthread(create));
                return;
            case RELOCK:
                if (Locks.spinLock(x, m.kthreadCreateLock)) {
                    create = -1;
                    pc = WHILE;
                }
                return;
            case UNLOCK_END:
                pc = SET_STATE;
                Locks.spinUnlock(x, m.kthreadCreateLock);
                return;
            default:
                throw new IllegalStateException("kthreadd pc " + pc);
        }
    }
}
