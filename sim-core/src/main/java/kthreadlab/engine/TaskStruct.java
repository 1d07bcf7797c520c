package kthreadlab.engine;

import java.util.ArrayList;
import java.util.List;
import kthreadlab.state.CpuMask;
import kthreadlab.state.Kthread;
import kthreadlab.state.SchedEntity;
import kthreadlab.state.TaskFlags;
import kthreadlab.state.TaskState;

/** struct task_struct: the parts of it that kernel-thread creation touches. */
public final class TaskStruct {
    /** TASK_COMM_LEN: 16 bytes including the terminating NUL, so 15 visible characters. */
    public static final int TASK_COMM_LEN = 16;

    /** The simulator's identity for this task (pids repeat: every swapper/N has pid 0). */
    public final int id;
    public int pid;
    /** id of real_parent, or -1 for the idle tasks. */
    public int parent = -1;
    public String comm;
    public int state = TaskState.TASK_RUNNING;
    public int flags;
    public int exitCode;
    /** exit_state: 0, EXIT_ZOMBIE or EXIT_DEAD. */
    public int exitState;
    public int exitSignal;
    public CpuMask cpusMask;
    /** task_cpu(p). */
    public int cpu;
    public boolean onCpu;
    public int prio = 120;
    public SchedEntity se = new SchedEntity();
    public Kthread kthread;
    /** Completion id of vfork_done, or -1. */
    public int vforkDone = -1;
    public boolean sigkillPending;
    /** p->pi_lock: the CPU holding it (a waker, or fork), or -1. The task may be between states then. */
    public int piLock = -1;
    /** SIGCHLD is SIG_IGN for this task's children (kthreadd after ignore_signals()). */
    public boolean ignoresSigchld;
    /** Released (autoreaped); kept only for the trace and the history. */
    public boolean reaped;
    public boolean isIdle;
    /** A user process that runs scenario actions (e.g. insmod). */
    public boolean isCreator;
    public long nvcsw;
    public long nivcsw;
    /** A schedule_timeout() timer: armed, and its generation (a stale expiry is ignored). */
    public boolean timerArmed;
    public long timerGeneration;
    /** The CPU whose timer base holds the armed timer (its softirq runs process_timeout). */
    public int timerCpu;
    /** The armed timer is an hrtimer (fires in hard irq), not a timer-wheel timer (softirq). */
    public boolean timerHard;
    /** For creators: indices of scenario actions waiting for this process, in order. */
    public java.util.ArrayDeque<Integer> pendingActions = new java.util.ArrayDeque<>();
    /** The call stack, bottom first. */
    public List<Frame> stack = new ArrayList<>();

    public TaskStruct(int id, int pid, String comm) {
        this.id = id;
        this.pid = pid;
        this.comm = truncateComm(comm);
    }

    /** __set_task_comm: strscpy into 16 bytes keeps at most 15 characters. */
    public static String truncateComm(String s) {
        return s.length() > TASK_COMM_LEN - 1 ? s.substring(0, TASK_COMM_LEN - 1) : s;
    }

    public boolean isKthread() {
        return (flags & TaskFlags.PF_KTHREAD) != 0;
    }

    public Frame top() {
        return stack.isEmpty() ? null : stack.get(stack.size() - 1);
    }

    /** The machine's step epoch in which this task was last reached (Machine.touched); not copied. */
    int touchEpoch = -1;

    public TaskStruct copy() {
        TaskStruct t = new TaskStruct(id, pid, comm);
        t.parent = parent;
        t.state = state;
        t.flags = flags;
        t.exitCode = exitCode;
        t.exitState = exitState;
        t.exitSignal = exitSignal;
        t.cpusMask = cpusMask;
        t.cpu = cpu;
        t.onCpu = onCpu;
        t.prio = prio;
        t.se = se.copy();
        t.kthread = kthread == null ? null : kthread.copy();
        t.vforkDone = vforkDone;
        t.sigkillPending = sigkillPending;
        t.piLock = piLock;
        t.ignoresSigchld = ignoresSigchld;
        t.reaped = reaped;
        t.isIdle = isIdle;
        t.isCreator = isCreator;
        t.nvcsw = nvcsw;
        t.nivcsw = nivcsw;
        t.timerArmed = timerArmed;
        t.timerGeneration = timerGeneration;
        t.timerCpu = timerCpu;
        t.timerHard = timerHard;
        t.pendingActions = new java.util.ArrayDeque<>(pendingActions);
        t.stack = new ArrayList<>(stack.size());
        for (Frame f : stack) {
            t.stack.add(f.copy());
        }
        return t;
    }
}
