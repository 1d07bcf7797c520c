package kthreadlab.samples.creator;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.engine.Machine;
import kthreadlab.engine.TaskStruct;
import kthreadlab.exit.DoExit;
import kthreadlab.format.Errno;
import kthreadlab.format.Names;
import kthreadlab.kthread.KthreadApi;
import kthreadlab.kthread.KthreadCreateOnNode;
import kthreadlab.scenario.Action;
import kthreadlab.sched.Rqs;
import kthreadlab.sched.core.Core;
import kthreadlab.sched.core.Schedule;
import kthreadlab.sched.core.ScheduleTail;
import kthreadlab.sched.core.WakeUpProcess;
import kthreadlab.sched.fair.Fair;
import kthreadlab.signal.Signals;
import kthreadlab.state.CpuMask;
import kthreadlab.state.Rq;
import kthreadlab.state.TaskState;
import kthreadlab.time.timer.Timers;
import kthreadlab.trace.TraceEvent;

/**
 * The scenario's creator processes (insmod and friends): user processes that, when an action
 * falls due, enter the kernel and make one kthread API call (samples/creator.c). An action whose
 * creator is still busy waits for it. SIGKILL actions are delivered directly.
 */
public final class Creator {
    static final String FILE = "samples/creator.c";

    private Creator() {
    }

    /** Encodes (action index, repetition) in one int for a creator's queue. */
    static int job(int action, int index) {
        return action << 16 | index;
    }

    /** An action's time has come. */
    public static void actionDue(Machine m, int index) {
        if (index < 0) {
            retryWake(m, -1 - index);
            return;
        }
        Action a = m.scenario.actions.get(index);
        if (a.op.equals("sigkill")) {
            if (!Signals.sigkill(m, a.target)) {
                m.post(m.now + Timers.RETRY_NS, kthreadlab.engine.Event.ACTION, index, 0);
            }
            return;
        }
        TaskStruct c = creator(m, a.by);
        if (c == null) {
            m.post(m.now + Timers.RETRY_NS, kthreadlab.engine.Event.ACTION, index, 0);
            return;
        }
        for (int i = 0; i < Math.max(1, a.count); i++) {
            c.pendingActions.add(job(index, i));
        }
        if (c.state == TaskState.TASK_INTERRUPTIBLE) {
            int woken = Core.wakeUpAtomic(m, m.rqs[c.cpu], c, TaskState.TASK_INTERRUPTIBLE);
            if (woken < 0) {
                m.post(m.now + Timers.RETRY_NS, kthreadlab.engine.Event.ACTION, -1 - c.id, 0);
            }
        }
    }

    /** Wakes a creator that was still switching out when its action came (posted as -1 - id). */
    static void retryWake(Machine m, int taskId) {
        TaskStruct c = m.task(taskId);
        if (c.state == TaskState.TASK_INTERRUPTIBLE && Core.wakeUpAtomic(m, m.rqs[c.cpu], c,
                TaskState.TASK_INTERRUPTIBLE) < 0) {
            m.post(m.now + Timers.RETRY_NS, kthreadlab.engine.Event.ACTION, -1 - taskId, 0);
        }
    }

    /**
     * The creator process with this name, started (as a child of init) on first use; null if user
     * space does not exist yet (init has not exec()ed /sbin/init: there is no kthreadd to ask and no
     * parent) or the run queue it would start on is locked right now. The caller tries again later.
     */
    static TaskStruct creator(Machine m, String name) {
        for (TaskStruct t : m.tasks) {
            if (t.isCreator && t.comm.equals(TaskStruct.truncateComm(name)) && !t.reaped) {
                return t;
            }
        }
        if (!userSpaceUp(m)) {
            return null;
        }
        TaskStruct probe = new TaskStruct(-1, 0, name);
        probe.cpusMask = CpuMask.first(m.config.cpus);
        int cpu = Core.selectTaskRqFork(m, probe, 0);
        Rq rq = m.rqs[cpu];
        if (rq.lockedBy >= 0) {
            return null;
        }
        TaskStruct t = m.newTask(m.nextPid++, name);
        t.isCreator = true;
        t.parent = m.initTask;
        t.cpusMask = probe.cpusMask;
        t.stack.add(new CreatorMain());
        t.stack.add(ScheduleTail.implicitFrame());
        t.cpu = cpu;
        Rqs.updateRqClock(m, rq);
        Fair.placeEntity(m, rq.cfs, t.se, true);
        t.se.vruntime -= rq.cfs.minVruntime;
        Core.activateTask(m, t, false, true);
        m.tracepoint(rq, "sched_wakeup_new", Core.wakeArgs(t));
        Core.checkPreemptCurr(m, rq, t, true, rq.cpu);
        return t;
    }

    /** True once kernel_init has exec()ed /sbin/init: from then on user processes can exist. */
    static boolean userSpaceUp(Machine m) {
        return m.initTask >= 0 && !m.task(m.initTask).isKthread();
    }

    /** init's user-space life: it waits (for children, for signals) forever. */
    public static final class InitMain extends Frame {
        static final Code CODE = new Code(FILE, "init_main", "pause();");

        @Override
        public Code code() {
            return CODE;
        }

        @Override
        public void step(Exec x) {
            x.cur.state = TaskState.TASK_INTERRUPTIBLE;
            x.call(new Schedule());
        }
    }

    /** creator_main(): take the next action or pause() until one comes. */
    static final class CreatorMain extends Frame {
        static final Code CODE = new Code(FILE, "creator_main",
            "if (!next_action(&act)) {",
            "pause();",
            "continue;",
            "syscall(SYS_kthdemo_action, &act);");

        @Override
        public Code code() {
            return CODE;
        }

        @Override
        public void step(Exec x) {
            TaskStruct c = x.cur;
            switch (pc) {
                case 0:
                    if (c.sigkillPending) {
                        x.call(new DoExit(9));
                        return;
                    }
                    pc = c.pendingActions.isEmpty() ? 1 : 3;
                    return;
                case 1:
                    pc = 2;
                    if (c.pendingActions.isEmpty() && !c.sigkillPending) {
                        c.state = TaskState.TASK_INTERRUPTIBLE;
                        x.call(new Schedule());
                    }
                    return;
                case 2:
                    pc = 0;
                    return;
                default: {
                    int job = c.pendingActions.remove(0);
                    pc = 0;
                    x.call(new DemoAction(job >>> 16, job & 0xffff));
                }
            }
        }
    }

    /** kthdemo_action(): the one API call an action names, and its result recorded as an API record. */
    static final class DemoAction extends Frame {
        static final Code CODE = new Code(FILE, "kthdemo_action",
            "switch (act->op) {",
            "task = kthread_run(act->threadfn, act->data, act->namefmt, act->index);",
            "#1 task = kthread_create_on_cpu(act->threadfn, act->data, act->cpu, act->namefmt);",
            "if (!IS_ERR(task))",
            "wake_up_process(task);",
            "task = kthread_create(act->threadfn, act->data, act->namefmt, act->index);",
            "#2 task = kthread_create_on_cpu(act->threadfn, act->data, act->cpu, act->namefmt);",
            "return wake_up_process(act->task);",
            "kthread_bind(act->task, act->cpu);",
            "return kthread_park(act->task);",
            "kthread_unpark(act->task);",
            "return kthread_stop(act->task);",
            "if (IS_ERR(task))",
            "return PTR_ERR(task);",
            "act->task = task;");
        static final int SWITCH = 0, RUN = 1, RUN_ON_CPU = 2, IS_ERR_ON_CPU = 3, WAKE_ON_CPU = 4, CREATE = 5,
            CREATE_ON_CPU = 6, WAKE = 7, BIND = 8, PARK = 9, UNPARK = 10, STOP = 11, IS_ERR = 12, PTR_ERR = 13,
            STORE = 14;

        private final int action;
        private final int index;
        private long result;
        private int target = -1;
        private boolean called;

        DemoAction(int action, int index) {
            this.action = action;
            this.index = index;
        }

        @Override
        public Code code() {
            return CODE;
        }

        @Override
        public String detail() {
            return "action " + action;
        }

        @Override
        public void onReturn(long value) {
            if (pc != STORE) {
                result = value;
            }
        }

        @Override
        public void step(Exec x) {
            Machine m = x.m;
            Action a = m.scenario.actions.get(action);
            switch (pc) {
                case SWITCH:
                    pc = dispatch(m, a);
                    if (pc < 0) {
                        finish(x, a, -Errno.ENOENT);
                    }
                    return;
                case RUN:
                    pc = IS_ERR;
                    x.call(new KthreadApi.Run(request(a)));
                    return;
                case RUN_ON_CPU:
                case CREATE_ON_CPU:
                    pc = pc == RUN_ON_CPU ? IS_ERR_ON_CPU : IS_ERR;
                    x.call(new KthreadApi.CreateOnCpu(requestOnCpu(a), a.cpu));
                    return;
                case IS_ERR_ON_CPU:
                    pc = result < 0 ? IS_ERR : WAKE_ON_CPU;
                    return;
                case WAKE_ON_CPU:
                    pc = STORE;
                    x.call(new WakeUpProcess((int) result));
                    return;
                case CREATE:
                    pc = IS_ERR;
                    x.call(KthreadCreateOnNode.call(request(a)));
                    return;
                case WAKE:
                    if (called) {
                        finish(x, a, result);
                        return;
                    }
                    called = true;
                    x.call(new WakeUpProcess(target));
                    return;
                case BIND:
                    if (called) {
                        finish(x, a, 0);
                        return;
                    }
                    called = true;
                    x.call(new KthreadApi.Bind(target, a.cpu, TaskState.TASK_UNINTERRUPTIBLE, false));
                    return;
                case PARK:
                    if (called) {
                        finish(x, a, result);
                        return;
                    }
                    called = true;
                    x.call(new KthreadApi.Park(target));
                    return;
                case UNPARK:
                    if (called) {
                        finish(x, a, 0);
                        return;
                    }
                    called = true;
                    x.call(new KthreadApi.Unpark(target));
                    return;
                case STOP:
                    if (called) {
                        finish(x, a, result);
                        return;
                    }
                    called = true;
                    x.call(new KthreadApi.Stop(target));
                    return;
                case IS_ERR:
                    pc = result < 0 ? PTR_ERR : STORE;
                    return;
                case PTR_ERR:
                    finish(x, a, result);
                    return;
                default:
                    m.handles.put(createdName(a), (int) result);
                    finish(x, a, result);
            }
        }

        /** Where the switch goes for this action, or -1 if its target does not exist. */
        private int dispatch(Machine m, Action a) {
            switch (a.op) {
                case "kthread_run":
                    return a.cpu >= 0 ? RUN_ON_CPU : RUN;
                case "kthread_create":
                    return a.cpu >= 0 ? CREATE_ON_CPU : CREATE;
                default:
                    break;
            }
            Integer t = m.handles.get(targetName(a));
            if (t == null || m.task(t).reaped) {
                return -1;
            }
            target = t;
            switch (a.op) {
                case "wake_up_process":
                    return WAKE;
                case "kthread_bind":
                    return BIND;
                case "kthread_park":
                    return PARK;
                case "kthread_unpark":
                    return UNPARK;
                default:
                    return STOP;
            }
        }

        /** The thread an action names; with count > 1 the target is a format expanded per index. */
        private String targetName(Action a) {
            return a.count > 1 ? Names.vsnprintf(a.target, index) : a.target;
        }

        private KthreadCreateOnNode.Request request(Action a) {
            return new KthreadCreateOnNode.Request(a.fn, a.arg, a.name, index, a.fail);
        }

        private KthreadCreateOnNode.Request requestOnCpu(Action a) {
            return new KthreadCreateOnNode.Request(a.fn, a.arg, a.name, a.cpu, a.fail);
        }

        private String createdName(Action a) {
            return Names.vsnprintf(a.name, a.cpu >= 0 ? a.cpu : index);
        }

        /** Returns to creator_main and records the API call and its result. */
        private void finish(Exec x, Action a, long value) {
            Machine m = x.m;
            String target = a.creates() ? createdName(a) : targetName(a);
            String res;
            if (value < 0) {
                res = Errno.name(value);
            } else if (a.creates()) {
                res = "pid " + m.task((int) value).pid;
            } else {
                res = Long.toString(value);
            }
            m.emit(TraceEvent.API, x.rq, a.op, target + "\t" + res);
            x.ret(value);
        }
    }
}
