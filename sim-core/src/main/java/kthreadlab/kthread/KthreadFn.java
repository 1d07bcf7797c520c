package kthreadlab.kthread;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.engine.Machine;
import kthreadlab.engine.StepCost;
import kthreadlab.engine.TaskStruct;
import kthreadlab.exit.DoExit;
import kthreadlab.fork.Tasks;
import kthreadlab.format.Errno;
import kthreadlab.sched.completion.Complete;
import kthreadlab.sched.core.SchedulePreemptDisabled;
import kthreadlab.state.Kthread;
import kthreadlab.state.KthreadCreateInfo;
import kthreadlab.state.TaskState;

/**
 * kthread(_create) (kernel/kthread.c), the first C code of every new kthread, still named
 * "kthreadd". It claims create->done with xchg (NULL means the creator was killed and left: free
 * create and exit), reports itself through create->result, wakes the creator with preemption
 * disabled and sleeps TASK_UNINTERRUPTIBLE until the first wake_up_process or kthread_stop.
 */
public final class KthreadFn extends Frame {
    static final Code CODE = new Code("kernel/kthread.c", "kthread",
        "set_kthread_struct(current);",
        "self = to_kthread(current);",
        "done = xchg(&create->done, NULL);",
        "if (!done) {",
        "kfree(create);",
        "do_exit(-EINTR);",
        "if (!self) {",
        "create->result = ERR_PTR(-ENOMEM);",
        "#1 complete(done);",
        "do_exit(-ENOMEM);",
        "self->threadfn = threadfn;",
        "self->data = data;",
        "init_completion(&self->exited);",
        "init_completion(&self->parked);",
        "current->vfork_done = &self->exited;",
        "__set_current_state(TASK_UNINTERRUPTIBLE);",
        "create->result = current;",
        "preempt_disable();",
        "#2 complete(done);",
        "schedule_preempt_disabled();",
        "preempt_enable();",
        "ret = -EINTR;",
        "if (!test_bit(KTHREAD_SHOULD_STOP, &self->flags)) {",
        "cgroup_kthread_ready();",
        "__kthread_parkme(self);",
        "ret = threadfn(data);",
        "do_exit(ret);");
    static final int SET_STRUCT = 0, SELF = 1, XCHG = 2, NOT_DONE = 3, KFREE = 4, EXIT_EINTR = 5, NOT_SELF = 6,
        ENOMEM_RESULT = 7, COMPLETE_ENOMEM = 8, EXIT_ENOMEM = 9, THREADFN = 10, DATA = 11, INIT_EXITED = 12,
        INIT_PARKED = 13, VFORK_DONE = 14, UNINTERRUPTIBLE = 15, RESULT = 16, PREEMPT_OFF = 17, COMPLETE = 18,
        SCHEDULE = 19, PREEMPT_ON = 20, EINTR = 21, SHOULD_STOP = 22, CGROUP = 23, PARKME = 24, CALL_FN = 25,
        EXIT = 26;

    private final int create;
    private String threadfn = "";
    private long data;
    private int done = -1;
    private long ret;

    public KthreadFn(int create) {
        super(CODE);
        this.create = create;
    }

    /**
     * What-if no_preempt_disable: preempt_disable()/preempt_enable() do nothing and the thread sleeps
     * with a plain schedule(). With full preemption the woken creator then preempts the new thread
     * inside complete(done), while it is still queued in TASK_UNINTERRUPTIBLE, and kthread_bind's
     * wait_task_inactive() has to sleep until it is gone: the cost the kernel comment warns about.
     */
    private static boolean skipPreemptDisable(Machine m) {
        return m.scenario.whatIf("no_preempt_disable");
    }

    @Override
    public String detail() {
        return threadfn;
    }

    @Override
    public void onReturn(long value) {
        ret = value;
    }

    @Override
    public void step(Exec x) {
        Machine m = x.m;
        TaskStruct cur = x.cur;
        KthreadCreateInfo info = m.createInfo(create);
        switch (pc) {
            case SET_STRUCT:
                threadfn = info.threadfn;
                data = info.data;
                if (!info.fail.equals("set_kthread_struct")) {
                    cur.kthread = new Kthread();
                }
                x.cost(StepCost.KMALLOC);
                pc = SELF;
                return;
            case SELF:
                pc = XCHG;
                return;
            case XCHG:
                done = info.done;
                info.done = -1;
                x.cost(StepCost.LOCK);
                pc = NOT_DONE;
                return;
            case NOT_DONE:
                pc = done < 0 ? KFREE : NOT_SELF;
                return;
            case KFREE:
                Kfree.create(m, info, cur);
                pc = EXIT_EINTR;
                return;
            case EXIT_EINTR:
                x.call(new DoExit(-Errno.EINTR));
                return;
            case NOT_SELF:
                pc = cur.kthread == null ? ENOMEM_RESULT : THREADFN;
                return;
            case ENOMEM_RESULT:
                info.result = -Errno.ENOMEM;
                Tasks.note(m, info, "result = ERR_PTR(-ENOMEM) set by " + cur.comm + " (pid " + cur.pid + ")");
                pc = COMPLETE_ENOMEM;
                return;
            case COMPLETE_ENOMEM:
                pc = EXIT_ENOMEM;
                x.call(new Complete(done));
                return;
            case EXIT_ENOMEM:
                x.call(new DoExit(-Errno.ENOMEM));
                return;
            case THREADFN:
                cur.kthread.threadfn = threadfn;
                pc = DATA;
                return;
            case DATA:
                cur.kthread.data = data;
                pc = INIT_EXITED;
                return;
            case INIT_EXITED:
                cur.kthread.exited = m.newCompletion("self->exited of pid " + cur.pid).id;
                pc = INIT_PARKED;
                return;
            case INIT_PARKED:
                cur.kthread.parked = m.newCompletion("self->parked of pid " + cur.pid).id;
                pc = VFORK_DONE;
                return;
            case VFORK_DONE:
                cur.vforkDone = cur.kthread.exited;
                pc = UNINTERRUPTIBLE;
                return;
            case UNINTERRUPTIBLE:
                cur.state = TaskState.TASK_UNINTERRUPTIBLE;
                pc = RESULT;
                return;
            case RESULT:
                info.result = cur.id;
                Tasks.note(m, info, "result = task pid " + cur.pid + " set by the new thread");
                pc = PREEMPT_OFF;
                return;
            case PREEMPT_OFF:
                if (!skipPreemptDisable(m)) {
                    x.preemptDisable();
                }
                pc = COMPLETE;
                return;
            case COMPLETE:
                pc = SCHEDULE;
                x.call(new Complete(done));
                return;
            case SCHEDULE:
                pc = PREEMPT_ON;
                x.call(skipPreemptDisable(m) ? new kthreadlab.sched.core.Schedule() : new SchedulePreemptDisabled());
                return;
            case PREEMPT_ON:
                pc = EINTR;
                if (!skipPreemptDisable(m)) {
                    x.preemptEnable();
                }
                return;
            case EINTR:
                ret = -Errno.EINTR;
                pc = SHOULD_STOP;
                return;
            case SHOULD_STOP:
                pc = cur.kthread.testBit(Kthread.KTHREAD_SHOULD_STOP) ? EXIT : CGROUP;
                return;
            case CGROUP:
                pc = PARKME;
                return;
            case PARKME:
                pc = CALL_FN;
                x.call(new __KthreadParkme());
                return;
            case CALL_FN:
                pc = EXIT;
                x.call(m.hooks.threadFn(threadfn, data));
                return;
            default:
                x.call(new DoExit(ret));
        }
    }
}
