package kthreadlab.init.main;

import kthreadlab.engine.Event;
import kthreadlab.engine.Frame;
import kthreadlab.engine.Hooks;
import kthreadlab.engine.Machine;
import kthreadlab.kthread.KthreadFn;
import kthreadlab.kthread.Kthreadd;
import kthreadlab.samples.creator.Creator;
import kthreadlab.samples.kthdemo.SampleFns;
import kthreadlab.samples.wqdemo.WorkFns;
import kthreadlab.sched.core.PreemptScheduleCommon;
import kthreadlab.sched.core.PreemptScheduleIrq;
import kthreadlab.sched.core.SchedulerTick;
import kthreadlab.time.timer.Timers;
import kthreadlab.workqueue.IdleWorkerTimeout;
import kthreadlab.workqueue.PoolMaydayTimeout;
import kthreadlab.workqueue.RescuerThread;
import kthreadlab.workqueue.WorkerThread;
import kthreadlab.workqueue.WqBarrierFunc;
import kthreadlab.workqueue.WqWorkerRunning;
import kthreadlab.workqueue.WqWorkerSleeping;

/** The kernel as the engine sees it: which functions an interrupt, a preemption or a timed event runs. */
public final class KernelHooks implements Hooks {
    public static final KernelHooks INSTANCE = new KernelHooks();

    private KernelHooks() {
    }

    @Override
    public Frame tick() {
        return new SchedulerTick();
    }

    @Override
    public Frame preemptIrq() {
        return new PreemptScheduleIrq();
    }

    @Override
    public Frame preemptEnable() {
        return new PreemptScheduleCommon();
    }

    @Override
    public void dispatch(Machine m, Event e) {
        switch (e.kind) {
            case Event.TIMER:
                Timers.expired(m, e.target, e.generation);
                return;
            case Event.ACTION:
                Creator.actionDue(m, e.target);
                return;
            case Event.WQ_IDLE_TIMER:
                IdleWorkerTimeout.expired(m, e.target, e.generation);
                return;
            case Event.WQ_MAYDAY_TIMER:
                PoolMaydayTimeout.expired(m, e.target, e.generation);
                return;
            default:
                throw new IllegalStateException("unknown event kind " + e.kind);
        }
    }

    @Override
    public Frame threadFn(String fn, long arg) {
        switch (fn) {
            case "kernel_init":
                return new KernelInit();
            case "kthreadd":
                return new Kthreadd();
            case "kthread":
                return new KthreadFn((int) arg);
            case Creator.FORK_CHILD:
                return Creator.forkedChild((int) arg);
            case "worker_thread":
                return new WorkerThread((int) arg);
            case "rescuer_thread":
                return new RescuerThread((int) arg);
            default:
                return SampleFns.start(fn, arg);
        }
    }

    @Override
    public Frame wqWorkerSleeping(int task) {
        return new WqWorkerSleeping(task);
    }

    @Override
    public Frame wqWorkerRunning(int task) {
        return new WqWorkerRunning(task);
    }

    @Override
    public Frame workFn(String fn, int work) {
        return fn.equals("wq_barrier_func") ? new WqBarrierFunc(work) : WorkFns.start(fn);
    }
}
