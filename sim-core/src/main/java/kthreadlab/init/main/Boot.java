package kthreadlab.init.main;

import kthreadlab.engine.Config;
import kthreadlab.engine.Event;
import kthreadlab.engine.Machine;
import kthreadlab.engine.TaskStruct;
import kthreadlab.scenario.Action;
import kthreadlab.scenario.Scenario;
import kthreadlab.sched.core.ScheduleIdle;
import kthreadlab.state.CpuMask;
import kthreadlab.state.Rq;
import kthreadlab.workqueue.WorkqueueInitEarly;

/**
 * Builds the machine a scenario starts from: the per-CPU idle tasks, the boot task (pid 0 on
 * CPU 0, about to run rest_init with preemption disabled), kthreadd_done, the scenario's actions
 * as timed events and CPU 0's tick. The v5.15 profile keeps the other CPUs offline until smp_init.
 */
public final class Boot {
    private Boot() {
    }

    public static Config config(Scenario s) {
        CpuMask nohz = CpuMask.none();
        for (int c : s.nohzFull) {
            nohz = nohz.with(c);
        }
        Config.Preempt p = s.preempt.equals("none") ? Config.Preempt.NONE
            : s.preempt.equals("full") ? Config.Preempt.FULL : Config.Preempt.VOLUNTARY;
        return new Config(s.cpus, s.hz, p, nohz);
    }

    public static Machine machine(Scenario s) {
        Machine m = new Machine(config(s), s, KernelHooks.INSTANCE);
        m.createCpus(ScheduleIdle::new);
        for (Rq rq : m.rqs) {
            rq.preemptCount = 1;
            rq.online = !s.boot.equals("v5.15") || rq.cpu == 0;
        }
        TaskStruct boot = m.task(m.rqs[0].idle);
        boot.stack.add(new RestInit());
        Rq rq0 = m.rqs[0];
        m.setHalted(rq0, false);
        m.kthreaddDone = m.newCompletion("kthreadd_done").id;
        if (!s.boot.equals("minimal")) {
            WorkqueueInitEarly.run(m);
        }
        if (s.boot.equals("v5.15")) {
            BootThreads.startKernelWorkqueues(m);
        }
        for (int i = 0; i < s.actions.size(); i++) {
            Action a = s.actions.get(i);
            m.post(a.at, Event.ACTION, i, 0);
        }
        m.armTick(rq0);
        return m;
    }
}
