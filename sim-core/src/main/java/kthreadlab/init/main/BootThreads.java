package kthreadlab.init.main;

import java.util.ArrayList;
import java.util.List;
import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.engine.Machine;
import kthreadlab.kthread.KthreadApi;
import kthreadlab.kthread.KthreadCreateOnNode;
import kthreadlab.sched.Rqs;
import kthreadlab.sched.core.WakeUpProcess;

/**
 * kernel_init_freeable() of the v5.15 boot profile: the kthreads a v5.15.100 kernel (the corpus's
 * version) creates at boot, in its order. workqueue_init() first gives a rescuer to each
 * WQ_MEM_RECLAIM workqueue that start_kernel made, in the order it made them: rcu_gp and rcu_par_gp
 * (rcu_init), slub_flushwq (kmem_cache_init_late) and netns (net_ns_init, in start_kernel since the
 * 5.15.34 backport of "net: initialize init_net earlier"); then the kworkers. Each line's threads
 * are created through the real kthread API. Their thread
 * functions are stand-ins from the sample module with the same sleep behaviour (workqueue and
 * RCU threads idle in TASK_IDLE, per-CPU smpboot threads sleep in TASK_INTERRUPTIBLE).
 * Secondary CPUs come online at smp_init(); until then every thread runs on CPU 0.
 */
public final class BootThreads extends Frame {
    static final Code CODE = new Code("init/main.c", "kernel_init_freeable",
        "workqueue_init();",
        "init_mm_internals();",
        "rcu_init_tasks_generic();",
        "do_pre_smp_initcalls();",
        "smp_init();",
        "do_basic_setup();");

    /** One boot thread: name, stand-in thread function, and the CPU it is bound to (-1: none). */
    static final class Spec {
        final String name;
        final String fn;
        final int cpu;

        Spec(String name, String fn, int cpu) {
            this.name = name;
            this.fn = fn;
            this.cpu = cpu;
        }
    }

    private int item;
    private int phase;
    private int created = -1;

    @Override
    public Code code() {
        return CODE;
    }

    @Override
    public String detail() {
        return "v5.15 boot";
    }

    @Override
    public void onReturn(long value) {
        created = (int) value;
    }

    /** The threads created at each line of kernel_init_freeable, for `cpus` CPUs. */
    static List<Spec> group(int line, int cpus) {
        List<Spec> g = new ArrayList<>();
        switch (line) {
            case 0:
                g.add(new Spec("rcu_gp", "worker", -1));
                g.add(new Spec("rcu_par_gp", "worker", -1));
                g.add(new Spec("slub_flushwq", "worker", -1));
                g.add(new Spec("netns", "worker", -1));
                g.add(new Spec("kworker/0:0", "worker", 0));
                g.add(new Spec("kworker/0:0H", "worker", 0));
                g.add(new Spec("kworker/u" + (2 * cpus) + ":0", "worker", -1));
                break;
            case 1:
                g.add(new Spec("mm_percpu_wq", "worker", -1));
                break;
            case 2:
                g.add(new Spec("rcu_tasks_rude_kthread", "worker", -1));
                g.add(new Spec("rcu_tasks_trace_kthread", "worker", -1));
                break;
            case 3:
                g.add(new Spec("ksoftirqd/0", "percpu", 0));
                g.add(new Spec("rcu_sched", "worker", -1));
                g.add(new Spec("migration/0", "percpu", 0));
                g.add(new Spec("idle_inject/0", "percpu", 0));
                g.add(new Spec("kworker/0:1", "worker", 0));
                break;
            case 4:
                g.add(new Spec("cpuhp/0", "percpu", 0));
                for (int c = 1; c < cpus; c++) {
                    g.add(new Spec("cpuhp/" + c, "percpu", c));
                    g.add(new Spec("idle_inject/" + c, "percpu", c));
                    g.add(new Spec("migration/" + c, "percpu", c));
                    g.add(new Spec("ksoftirqd/" + c, "percpu", c));
                    g.add(new Spec("kworker/" + c + ":0", "worker", c));
                    g.add(new Spec("kworker/" + c + ":0H", "worker", c));
                }
                break;
            default:
                String[] names = {"kdevtmpfs", "inet_frag_wq", "kauditd", "khungtaskd", "oom_reaper",
                    "writeback", "kcompactd0", "ksmd", "khugepaged"};
                for (String n : names) {
                    boolean wq = n.equals("inet_frag_wq") || n.equals("writeback");
                    g.add(new Spec(n, wq ? "worker" : "sleeper", -1));
                }
        }
        return g;
    }

    @Override
    public void step(Exec x) {
        Machine m = x.m;
        List<Spec> g = group(pc, m.config.cpus);
        if (pc == 4 && item == 1) {
            bringUpSecondaryCpus(m);
        }
        if (item >= g.size()) {
            item = 0;
            if (pc == CODE.size() - 1) {
                x.ret(0);
            } else {
                pc++;
            }
            return;
        }
        Spec s = g.get(item);
        switch (phase) {
            case 0: {
                long data = s.fn.equals("sleeper") ? 1000 : 0;
                KthreadCreateOnNode.Request req = new KthreadCreateOnNode.Request(s.fn, data, s.name, 0, "");
                phase = 1;
                x.call(s.cpu >= 0 ? new KthreadApi.CreateOnCpu(req, s.cpu) : KthreadCreateOnNode.call(req));
                return;
            }
            case 1:
                phase = 2;
                if (created >= 0) {
                    x.call(new WakeUpProcess(created));
                }
                return;
            default:
                item++;
                phase = 0;
        }
    }

    /** smp_init: the secondary CPUs come online (their per-CPU threads follow). */
    private static void bringUpSecondaryCpus(Machine m) {
        for (int c = 1; c < m.config.cpus; c++) {
            m.rqs[c].online = true;
        }
        Rqs.updateRqClock(m, m.rqs[0]);
    }
}
