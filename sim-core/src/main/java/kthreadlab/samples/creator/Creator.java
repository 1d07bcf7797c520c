package kthreadlab.samples.creator;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.engine.Machine;
import kthreadlab.engine.TaskStruct;
import kthreadlab.exit.DoExit;
import kthreadlab.format.Errno;
import kthreadlab.format.Names;
import kthreadlab.kthread.KthreadBind;
import kthreadlab.kthread.KthreadCreateOnCpu;
import kthreadlab.kthread.KthreadPark;
import kthreadlab.kthread.KthreadRun;
import kthreadlab.kthread.KthreadStop;
import kthreadlab.kthread.KthreadUnpark;
import kthreadlab.kthread.KthreadCreateOnNode;
import kthreadlab.samples.wqdemo.WqdemoAction;
import kthreadlab.scenario.Action;
import kthreadlab.sched.core.Schedule;
import kthreadlab.sched.core.TryToWakeUp;
import kthreadlab.sched.core.WakeUpProcess;
import kthreadlab.signal.Signals;
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
            int start = starting(m, a.by);
            if (start >= 0) {
                m.creatorsAwaited.add((long) start << 32 | index);
            } else {
                m.post(m.now + Timers.RETRY_NS, kthreadlab.engine.Event.ACTION, index, 0);
            }
            return;
        }
        queue(m, c, index);
        if (c.state == TaskState.TASK_INTERRUPTIBLE) {
            if (wake(m, c) == Exec.WOULD_WAIT) {
                m.post(m.now + Timers.RETRY_NS, kthreadlab.engine.Event.ACTION, -1 - c.id, 0);
            }
        }
    }

    /**
     * try_to_wake_up(t, TASK_INTERRUPTIBLE) from outside the machine (a signal ending pause()),
     * run at once on t's CPU; WOULD_WAIT if a lock it takes is held (the caller retries).
     */
    static long wake(Machine m, TaskStruct t) {
        return Exec.runToReturn(m, m.rqs[t.cpu], new TryToWakeUp(t.id, TaskState.TASK_INTERRUPTIBLE));
    }

    /** Puts an action's calls (count of them) on the creator's queue. */
    static void queue(Machine m, TaskStruct c, int index) {
        Action a = m.scenario.actions.get(index);
        for (int i = 0; i < Math.max(1, a.count); i++) {
            c.pendingActions.add(job(index, i));
        }
    }

    /** The start (creatorNames index) of a creator with this name that has not exec()ed yet, or -1. */
    static int starting(Machine m, String name) {
        for (int i : m.creatorsStarting) {
            if (m.creatorNames.get(i).equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Wakes a creator (or init) that was still switching out when its action came (posted as -1 - id). */
    static void retryWake(Machine m, int taskId) {
        TaskStruct c = m.task(taskId);
        if (!c.reaped && c.state == TaskState.TASK_INTERRUPTIBLE && wake(m, c) == Exec.WOULD_WAIT) {
            m.post(m.now + Timers.RETRY_NS, kthreadlab.engine.Event.ACTION, -1 - taskId, 0);
        }
    }

    /**
     * The creator process with this name, or null if it does not exist yet. The first time, init
     * (the shell) is asked to start it (fork, then exec) and woken; the caller tries again later.
     * Before init has exec()ed /sbin/init there is no user space: nobody can start it yet.
     */
    static TaskStruct creator(Machine m, String name) {
        String comm = TaskStruct.truncateComm(name);
        for (TaskStruct t : m.tasks) {
            if (t.isCreator && t.comm.equals(comm) && !t.reaped && t.exitState == 0) {
                return m.touch(t);
            }
        }
        if (!userSpaceUp(m)) {
            return null;
        }
        if (starting(m, name) >= 0) {
            return null;
        }
        m.creatorNames.add(name);
        m.creatorsToFork.add(m.creatorNames.size() - 1);
        m.creatorsStarting.add(m.creatorNames.size() - 1);
        wakeInit(m);
        return null;
    }

    /** The shell is told to start a creator (a signal it handles ends its pause()). */
    static void wakeInit(Machine m) {
        TaskStruct init = m.task(m.initTask);
        if (init.state == TaskState.TASK_INTERRUPTIBLE && wake(m, init) == Exec.WOULD_WAIT) {
            m.post(m.now + Timers.RETRY_NS, kthreadlab.engine.Event.ACTION, -1 - init.id, 0);
        }
    }

    /** True once kernel_init has exec()ed /sbin/init: from then on user processes can exist. */
    static boolean userSpaceUp(Machine m) {
        return m.initTask >= 0 && !m.task(m.initTask).isKthread();
    }

    /** The thread function name a forked child of init starts with (its arg: the creatorNames index). */
    public static final String FORK_CHILD = "init_fork_child";

    /** What a child of init's fork() runs: the same loop, at fork()'s return of 0, about to exec. */
    public static Frame forkedChild(int start) {
        InitMain f = new InitMain();
        f.pc = InitMain.EXEC;
        f.start = start;
        return f;
    }

    /**
     * init's user-space life (samples/creator.c init_main): the shell that starts each creator
     * with fork() and exec, and reaps the ones that die (it handles SIGCHLD, so a dying child's
     * exit_notify wakes it). The child of fork() takes the EXEC line: it becomes the creator.
     */
    public static final class InitMain extends Frame {
        static final Code CODE = new Code(FILE, "init_main",
            "pause();",
            "while ((name = next_creator()) != NULL) {",
            "if (fork() == 0)",
            "execlp(name, name, (char *)NULL);",
            "while (waitpid(-1, NULL, WNOHANG) > 0)");
        static final int PAUSE = 0, NEXT = 1, FORK = 2, EXEC = 3, WAIT = 4;
        /** CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID, as a C library's fork() passes them. */
        static final long FORK_FLAGS = 0x01000000L | 0x00200000L;
        static final int SIGCHLD = 17;
        int start = -1;

        public InitMain() {
            super(CODE);
        }

        @Override
        public void step(Exec x) {
            Machine m = x.m;
            switch (pc) {
                case PAUSE:
                    pc = NEXT;
                    if (m.creatorsToFork.isEmpty() && zombie(m, x.cur) == null) {
                        x.cur.state = TaskState.TASK_INTERRUPTIBLE;
                        x.call(new Schedule());
                    }
                    return;
                case NEXT:
                    pc = m.creatorsToFork.isEmpty() ? WAIT : FORK;
                    return;
                case FORK:
                    start = m.creatorsToFork.remove(0);
                    pc = NEXT;
                    x.call(new kthreadlab.fork.KernelClone(FORK_FLAGS, SIGCHLD, FORK_CHILD, start));
                    return;
                case EXEC:
                    exec(m, x, start);
                    return;
                default: {
                    TaskStruct z = zombie(m, x.cur);
                    if (z == null) {
                        pc = PAUSE;
                        return;
                    }
                    kthreadlab.exit.Exit.reap(m, x.rq, z);
                }
            }
        }
    }

    /** A child of `parent` that is a zombie and has left its CPU for the last time, or null. */
    static TaskStruct zombie(Machine m, TaskStruct parent) {
        for (TaskStruct t : m.tasks) {
            if (t.parent == parent.id && t.exitState == TaskState.EXIT_ZOMBIE && !t.onCpu && !t.reaped) {
                return m.touch(t);
            }
        }
        return null;
    }

    /** execve of the creator: the task takes the program's name and runs creator_main. */
    static void exec(Machine m, Exec x, int start) {
        TaskStruct t = x.cur;
        kthreadlab.fork.Tasks.setTaskComm(m, x.rq, t, m.creatorNames.get(start));
        t.flags &= ~kthreadlab.state.TaskFlags.PF_FORKNOEXEC;
        t.isCreator = true;
        m.creatorsStarting.remove(Integer.valueOf(start));
        for (int i = 0; i < m.creatorsAwaited.size(); i++) {
            long w = m.creatorsAwaited.get(i);
            if ((int) (w >>> 32) == start) {
                queue(m, t, (int) w);
                m.creatorsAwaited.remove(i--);
            }
        }
        t.stack.clear();
        t.stack.add(new CreatorMain());
    }

    /** creator_main(): take the next action or pause() until one comes. */
    static final class CreatorMain extends Frame {
        static final Code CODE = new Code(FILE, "creator_main",
            "if (!next_action(&act)) {",
            "pause();",
            "continue;",
            "syscall(SYS_kthdemo_action, &act);");
        static final int NEXT_ACTION = 0, PAUSE = 1, CONTINUE = 2, ACTION = 3;

        CreatorMain() {
            super(CODE);
        }

        @Override
        public void step(Exec x) {
            TaskStruct c = x.cur;
            switch (pc) {
                case NEXT_ACTION:
                    if (c.sigkillPending) {
                        x.call(new DoExit(9));
                        return;
                    }
                    pc = c.pendingActions.isEmpty() ? PAUSE : ACTION;
                    return;
                case PAUSE:
                    pc = CONTINUE;
                    if (c.pendingActions.isEmpty() && !c.sigkillPending) {
                        c.state = TaskState.TASK_INTERRUPTIBLE;
                        x.call(new Schedule());
                    }
                    return;
                case CONTINUE:
                    pc = NEXT_ACTION;
                    return;
                default: {
                    int job = c.pendingActions.removeFirst();
                    pc = NEXT_ACTION;
                    Action a = x.m.scenario.actions.get(job >>> 16);
                    x.call(WqdemoAction.serves(a.op) ? new WqdemoAction(job >>> 16)
                        : new KthdemoAction(job >>> 16, job & 0xffff));
                }
            }
        }
    }

    /** kthdemo_action(): the one API call an action names, and its result recorded as an API record. */
    static final class KthdemoAction extends Frame {
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

        KthdemoAction(int action, int index) {
            super(CODE);
            this.action = action;
            this.index = index;
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
                    x.call(new KthreadRun(request(a)));
                    return;
                case RUN_ON_CPU:
                case CREATE_ON_CPU:
                    pc = pc == RUN_ON_CPU ? IS_ERR_ON_CPU : IS_ERR;
                    x.call(new KthreadCreateOnCpu(requestOnCpu(a), a.cpu));
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
                    x.call(new KthreadCreateOnNode(request(a)));
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
                    x.call(new KthreadBind(target, a.cpu));
                    return;
                case PARK:
                    if (called) {
                        finish(x, a, result);
                        return;
                    }
                    called = true;
                    x.call(new KthreadPark(target));
                    return;
                case UNPARK:
                    if (called) {
                        finish(x, a, 0);
                        return;
                    }
                    called = true;
                    x.call(new KthreadUnpark(target));
                    return;
                case STOP:
                    if (called) {
                        finish(x, a, result);
                        return;
                    }
                    called = true;
                    x.call(new KthreadStop(target));
                    return;
                case IS_ERR:
                    pc = result < 0 ? PTR_ERR : STORE;
                    return;
                case PTR_ERR:
                    finish(x, a, result);
                    return;
                default:
                    m.putHandle(createdName(a), (int) result);
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
            Integer t = m.handle(targetName(a));
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

        /** The API record's text: the target, a tab, the result. */
        private String apiLine(Machine m, Action a, long value) {
            String target = a.creates() ? createdName(a) : targetName(a);
            String res;
            if (value < 0) {
                res = Errno.name(value);
            } else if (a.creates()) {
                res = "pid " + m.task((int) value).pid;
            } else {
                res = Long.toString(value);
            }
            return target + "\t" + res;
        }

        /** Returns to creator_main and records the API call and its result. */
        private void finish(Exec x, Action a, long value) {
            Machine m = x.m;
            m.emit(TraceEvent.API, x.rq, a.op, () -> apiLine(m, a, value));
            x.ret(value);
        }
    }
}
