package kthreadlab.init.main;

import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.engine.Machine;
import kthreadlab.engine.TaskStruct;
import kthreadlab.fork.Tasks;
import kthreadlab.samples.creator.Creator;
import kthreadlab.sched.completion.WaitForCompletion;
import kthreadlab.state.CpuMask;
import kthreadlab.state.TaskFlags;

/**
 * kernel_init() (init/main.c), pid 1: waits for kthreadd_done, runs kernel_init_freeable() (which
 * with the v5.15 boot profile creates the boot kthreads), then exec()s /sbin/init and becomes the
 * user process "init".
 */
public final class KernelInit extends Frame {
    static final Code CODE = new Code("init/main.c", "kernel_init",
        "wait_for_completion(&kthreadd_done);",
        "kernel_init_freeable();",
        "if (!try_to_run_init_process(\"/sbin/init\") ||");
    static final int WAIT_KTHREADD = 0, FREEABLE = 1, RUN_INIT = 2;

    public KernelInit() {
        super(CODE);
    }

    @Override
    public void step(Exec x) {
        Machine m = x.m;
        switch (pc) {
            case WAIT_KTHREADD:
                pc = FREEABLE;
                x.call(new WaitForCompletion(m.kthreaddDone));
                return;
            case FREEABLE:
                pc = RUN_INIT;
                if (m.scenario.boot.equals("v5.15")) {
                    x.call(new BootThreads());
                } else if (m.scenario.boot.equals("workqueues")) {
                    x.call(new WorkqueuesBoot());
                }
                return;
            default:
                execInit(m, x);
        }
    }

    /** kernel_execve of /sbin/init: a user process now, its kernel stack replaced by init's loop. */
    private static void execInit(Machine m, Exec x) {
        TaskStruct t = x.cur;
        Tasks.setTaskComm(m, x.rq, t, "init");
        t.flags &= ~(TaskFlags.PF_KTHREAD | TaskFlags.PF_NO_SETAFFINITY);
        t.cpusMask = CpuMask.first(m.config.cpus);
        t.stack.clear();
        t.stack.add(new Creator.InitMain());
    }
}
