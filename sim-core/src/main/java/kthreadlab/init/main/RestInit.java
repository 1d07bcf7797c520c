package kthreadlab.init.main;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.engine.Machine;
import kthreadlab.engine.TaskStruct;
import kthreadlab.fork.KernelThread;
import kthreadlab.sched.completion.Complete;
import kthreadlab.sched.core.SchedulePreemptDisabled;
import kthreadlab.state.CpuMask;
import kthreadlab.state.TaskFlags;

/**
 * rest_init() (init/main.c), run by the boot task (pid 0, which becomes swapper/0): forks
 * kernel_init first so that it gets pid 1, then kthreadd (pid 2), lets kernel_init go on, and
 * schedules for the first time. Both forks use kernel_thread().
 */
public final class RestInit extends Frame {
    static final Code CODE = new Code("init/main.c", "rest_init",
        "pid = kernel_thread(kernel_init, NULL, CLONE_FS);",
        "tsk = find_task_by_pid_ns(pid, &init_pid_ns);",
        "tsk->flags |= PF_NO_SETAFFINITY;",
        "set_cpus_allowed_ptr(tsk, cpumask_of(smp_processor_id()));",
        "pid = kernel_thread(kthreadd, NULL, CLONE_FS | CLONE_FILES);",
        "kthreadd_task = find_task_by_pid_ns(pid, &init_pid_ns);",
        "complete(&kthreadd_done);",
        "schedule_preempt_disabled();",
        "cpu_startup_entry(CPUHP_ONLINE);");
    static final int KERNEL_INIT = 0, FIND_INIT = 1, NO_SETAFFINITY = 2, SET_CPUS = 3, KTHREADD = 4,
        FIND_KTHREADD = 5, COMPLETE = 6, SCHEDULE = 7, STARTUP = 8;

    private long pid;

    public RestInit() {
        super(CODE);
    }

    @Override
    public void onReturn(long value) {
        pid = value;
    }

    @Override
    public void step(Exec x) {
        Machine m = x.m;
        switch (pc) {
            case KERNEL_INIT:
                pc = FIND_INIT;
                x.call(new KernelThread("kernel_init", 0, KernelThread.CLONE_FS));
                return;
            case FIND_INIT:
                m.initTask = byPid(m, (int) pid).id;
                pc = NO_SETAFFINITY;
                return;
            case NO_SETAFFINITY:
                m.task(m.initTask).flags |= TaskFlags.PF_NO_SETAFFINITY;
                pc = SET_CPUS;
                return;
            case SET_CPUS:
                m.task(m.initTask).cpusMask = CpuMask.of(x.rq.cpu);
                pc = KTHREADD;
                return;
            case KTHREADD:
                pc = FIND_KTHREADD;
                x.call(new KernelThread("kthreadd", 0, KernelThread.CLONE_FS | KernelThread.CLONE_FILES));
                return;
            case FIND_KTHREADD:
                m.kthreaddTask = byPid(m, (int) pid).id;
                pc = COMPLETE;
                return;
            case COMPLETE:
                pc = SCHEDULE;
                x.call(new Complete(m.kthreaddDone));
                return;
            case SCHEDULE:
                pc = STARTUP;
                x.call(new SchedulePreemptDisabled());
                return;
            default:
                x.ret(0);
        }
    }

    static TaskStruct byPid(Machine m, int pid) {
        for (TaskStruct t : m.tasks) {
            if (t.pid == pid && !t.isIdle && !t.reaped) {
                return m.touch(t);
            }
        }
        throw new IllegalStateException("no task with pid " + pid);
    }
}
