package kthreadlab.kthread;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Machine;
import kthreadlab.engine.StepCost;
import kthreadlab.engine.TaskStruct;
import kthreadlab.fork.Tasks;
import kthreadlab.format.Errno;
import kthreadlab.format.Names;
import kthreadlab.locking.spinlock.Locks;
import kthreadlab.sched.completion.WaitForCompletion;
import kthreadlab.sched.completion.WaitForCompletionKillable;
import kthreadlab.sched.core.WakeUpProcess;
import kthreadlab.state.KthreadCreateInfo;

/**
 * __kthread_create_on_node() (kernel/kthread.c), run by the creator: queue a request for kthreadd,
 * wake it, wait killably for the new thread's answer, then name the thread (it was "kthreadd"
 * until now), reset its policy and affinity, free the request. A SIGKILL during the wait leaves
 * create to whoever xchg()s create->done second.
 */
public final class __KthreadCreateOnNode extends CreateRequestFrame {
    static final Code CODE = new Code("kernel/kthread.c", "__kthread_create_on_node",
        "DECLARE_COMPLETION_ONSTACK(done);",
        "struct kthread_create_info *create = kmalloc(sizeof(*create),",
        "if (!create)",
        "return ERR_PTR(-ENOMEM);",
        "create->threadfn = threadfn;",
        "create->done = &done;",
        "spin_lock(&kthread_create_lock);",
        "list_add_tail(&create->list, &kthread_create_list);",
        "spin_unlock(&kthread_create_lock);",
        "wake_up_process(kthreadd_task);",
        "if (unlikely(wait_for_completion_killable(&done))) {",
        "if (unlikely(wait_for_completion_killable(&done))) {",
        "if (xchg(&create->done, NULL))",
        "return ERR_PTR(-EINTR);",
        "wait_for_completion(&done);",
        "task = create->result;",
        "if (!IS_ERR(task)) {",
        "vsnprintf(name, sizeof(name), namefmt, args);",
        "set_task_comm(task, name);",
        "sched_setscheduler_nocheck(task, SCHED_NORMAL, &param);",
        "set_cpus_allowed_ptr(task,",
        "kfree(create);",
        "return task;");
    static final int DONE = 0, KMALLOC = 1, NULL_CHECK = 2, ENOMEM = 3, FIELDS = 4, SET_DONE = 5, LOCK = 6,
        ADD = 7, UNLOCK = 8, WAKE = 9, WAIT = 10, WAIT_RET = 11, XCHG = 12, EINTR = 13, WAIT_AGAIN = 14,
        RESULT = 15, IS_ERR = 16, NAME = 17, COMM = 18, SCHED = 19, AFFINITY = 20, KFREE = 21, RETURN = 22;

    private int done = -1;
    private int create = -1;
    private long waitResult;
    private long task;
    private String name = "";

    __KthreadCreateOnNode(KthreadCreateOnNode.Request req) {
        super(CODE, req);
    }

    @Override
    public void onReturn(long value) {
        waitResult = value;
    }

    @Override
    public void step(Exec x) {
        Machine m = x.m;
        switch (pc) {
            case DONE:
                done = m.newCompletion("done (on " + x.cur.comm + "'s stack)").id;
                pc = KMALLOC;
                return;
            case KMALLOC:
                x.cost(StepCost.KMALLOC);
                if (!req.fail.equals("kmalloc")) {
                    create = newCreate(m, x.cur);
                }
                pc = NULL_CHECK;
                return;
            case NULL_CHECK:
                pc = create < 0 ? ENOMEM : FIELDS;
                return;
            case ENOMEM:
                x.ret(-Errno.ENOMEM);
                return;
            case FIELDS:
                pc = SET_DONE;
                return;
            case SET_DONE:
                m.createInfo(create).done = done;
                pc = LOCK;
                return;
            case LOCK:
                if (Locks.spinLock(x, m.kthreadCreateLock)) {
                    pc = ADD;
                }
                return;
            case ADD: {
                m.kthreadCreateList.add(create);
                KthreadCreateInfo info = m.createInfo(create);
                info.stage = KthreadCreateInfo.Stage.QUEUED;
                Tasks.note(m, info, "queued on kthread_create_list by " + x.cur.comm);
                pc = UNLOCK;
                return;
            }
            case UNLOCK:
                pc = WAKE;
                Locks.spinUnlock(x, m.kthreadCreateLock);
                return;
            case WAKE:
                pc = WAIT;
                x.call(new WakeUpProcess(m.kthreaddTask));
                return;
            case WAIT:
                pc = WAIT_RET;
                x.call(new WaitForCompletionKillable(done));
                return;
            case WAIT_RET:
                pc = waitResult != 0 ? XCHG : RESULT;
                return;
            default:
                stepAfterWait(x, m);
        }
    }

    private void stepAfterWait(Exec x, Machine m) {
        KthreadCreateInfo info = m.createInfo(create);
        switch (pc) {
            case XCHG: {
                int old = info.done;
                info.done = -1;
                x.cost(StepCost.LOCK);
                if (old >= 0) {
                    Tasks.note(m, info, x.cur.comm + " was killed first: create->done = NULL; the new thread "
                        + "or kthreadd frees it");
                }
                pc = old >= 0 ? EINTR : WAIT_AGAIN;
                return;
            }
            case EINTR:
                x.ret(-Errno.EINTR);
                return;
            case WAIT_AGAIN:
                pc = RESULT;
                x.call(new WaitForCompletion(done));
                return;
            case RESULT:
                task = info.result;
                pc = IS_ERR;
                return;
            case IS_ERR:
                pc = task < 0 ? KFREE : NAME;
                return;
            case NAME:
                name = Names.vsnprintf(req.namefmt, req.nameArg);
                pc = COMM;
                return;
            case COMM:
                Tasks.setTaskComm(m, x.rq, m.task((int) task), name);
                pc = SCHED;
                return;
            case SCHED:
                pc = AFFINITY;
                return;
            case AFFINITY:
                m.task((int) task).cpusMask = m.config.housekeeping();
                pc = KFREE;
                return;
            case KFREE:
                Kfree.create(m, info, x.cur);
                pc = RETURN;
                return;
            default:
                x.ret(task);
        }
    }

    private int newCreate(Machine m, TaskStruct creator) {
        KthreadCreateInfo info = new KthreadCreateInfo(m.createInfos.size(), req.threadfn, req.data,
            Names.vsnprintf(req.namefmt, req.nameArg), creator.id, -1, req.fail);
        m.createInfos.add(info);
        Tasks.note(m, info, "allocated by " + creator.comm + " (pid " + creator.pid + ")");
        return info.id;
    }
}
