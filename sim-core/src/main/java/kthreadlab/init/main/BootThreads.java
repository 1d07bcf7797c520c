package kthreadlab.init.main;

import java.util.ArrayList;
import java.util.List;
import kthreadlab.engine.Code;
import kthreadlab.engine.Exec;
import kthreadlab.engine.Frame;
import kthreadlab.engine.Machine;
import kthreadlab.kthread.KthreadCreateOnCpu;
import kthreadlab.kthread.KthreadCreateOnNode;
import kthreadlab.sched.Rqs;
import kthreadlab.sched.core.WakeUpProcess;
import kthreadlab.state.Work;
import kthreadlab.state.Workqueue;
import kthreadlab.workqueue.AllocWorkqueue;
import kthreadlab.workqueue.FlushWork;
import kthreadlab.workqueue.Policy;
import kthreadlab.workqueue.QueueWorkOn;
import kthreadlab.workqueue.WorkqueueInit;
import kthreadlab.workqueue.WorkqueuePrepareCpu;

/**
 * kernel_init_freeable() of the v5.15 boot profile: the kthreads a v5.15.100 kernel (the corpus's
 * version) creates at boot, in its order. Workqueue threads take the real path: workqueue_init()
 * (rescuers of the WQ_MEM_RECLAIM workqueues start_kernel made, then the boot CPU's and the unbound
 * pool's first kworkers), alloc_workqueue() with its init_rescuer() for mm_percpu_wq, inet_frag_wq
 * and writeback, create_worker() from the first kworker's manage_workers() for kworker/0:1, and
 * workqueue_prepare_cpu() for a secondary CPU's kworkers. The other threads (RCU, smpboot, initcall
 * daemons) are created through the real kthread API with stand-in thread functions from the sample
 * module that sleep in the same states. Secondary CPUs come online at smp_init().
 */
public final class BootThreads extends Frame {
    static final Code CODE = new Code("init/main.c", "kernel_init_freeable",
        "workqueue_init();",
        "init_mm_internals();",
        "rcu_init_tasks_generic();",
        "do_pre_smp_initcalls();",
        "smp_init();",
        "do_basic_setup();");
    static final int WQ_INIT = 0, MM_INTERNALS = 1, RCU_TASKS = 2, PRE_SMP_INITCALLS = 3, SMP_INIT = 4,
        BASIC_SETUP = 5;
    /** An item's phases: its call, its second call (wake the new thread, flush the queued item), done. */
    private static final int CALL = 0, FOLLOW_UP = 1, DONE = 2;

    /** What one item of a line does. */
    enum Kind {
        /** A kthread with a stand-in thread function, created and woken. */
        THREAD,
        /** workqueue_init(). */
        WQ_INIT,
        /** alloc_workqueue(name, flags): a WQ_MEM_RECLAIM one gets its rescuer. */
        ALLOC_WQ,
        /** An initcall's work item queued on system_wq and flushed: kworker/0:0 creates kworker/0:1. */
        QUEUE_FLUSH,
        /** smp_init() brings the secondary CPUs online. */
        ONLINE,
        /** workqueue_prepare_cpu(cpu). */
        WQ_PREPARE
    }

    /** One boot item: a kind, a name (thread or workqueue), a stand-in function or flags, a CPU. */
    static final class Spec {
        final Kind kind;
        final String name;
        final String fn;
        final int flags;
        final int cpu;

        Spec(Kind kind, String name, String fn, int flags, int cpu) {
            this.kind = kind;
            this.name = name;
            this.fn = fn;
            this.flags = flags;
            this.cpu = cpu;
        }

        static Spec thread(String name, String fn, int cpu) {
            return new Spec(Kind.THREAD, name, fn, 0, cpu);
        }

        static Spec wq(String name, int flags) {
            return new Spec(Kind.ALLOC_WQ, name, "", flags, -1);
        }

        static Spec of(Kind kind, int cpu) {
            return new Spec(kind, "", "", 0, cpu);
        }
    }

    private int item;
    private int phase;
    private int created = -1;

    public BootThreads() {
        super(CODE);
    }

    @Override
    public String detail() {
        return "v5.15 boot";
    }

    @Override
    public void onReturn(long value) {
        created = (int) value;
    }

    /**
     * The WQ_MEM_RECLAIM workqueues start_kernel() allocates after workqueue_init_early(), in its
     * order: rcu_init()'s rcu_gp and rcu_par_gp, kmem_cache_init_late()'s slub_flushwq, and
     * net_ns_init()'s netns (create_singlethread_workqueue: ordered, so unbound with max_active 1,
     * sharing the default unbound pool). They get no rescuer until workqueue_init().
     */
    static void startKernelWorkqueues(Machine m) {
        AllocWorkqueue.create(m, "rcu_gp", Workqueue.WQ_MEM_RECLAIM);
        AllocWorkqueue.create(m, "rcu_par_gp", Workqueue.WQ_MEM_RECLAIM);
        AllocWorkqueue.create(m, "slub_flushwq", Workqueue.WQ_MEM_RECLAIM);
        AllocWorkqueue.create(m, "netns", Workqueue.WQ_UNBOUND | Workqueue.WQ_MEM_RECLAIM, 1);
    }

    /** The items of each line of kernel_init_freeable, for `cpus` CPUs. */
    static List<Spec> group(int line, int cpus) {
        List<Spec> g = new ArrayList<>();
        switch (line) {
            case WQ_INIT:
                g.add(Spec.of(Kind.WQ_INIT, -1));
                break;
            case MM_INTERNALS:
                g.add(Spec.wq("mm_percpu_wq", Workqueue.WQ_MEM_RECLAIM));
                break;
            case RCU_TASKS:
                g.add(Spec.thread("rcu_tasks_rude_kthread", "worker", -1));
                g.add(Spec.thread("rcu_tasks_trace_kthread", "worker", -1));
                break;
            case PRE_SMP_INITCALLS:
                g.add(Spec.thread("ksoftirqd/0", "percpu", 0));
                g.add(Spec.thread("rcu_sched", "worker", -1));
                g.add(Spec.thread("migration/0", "percpu", 0));
                g.add(Spec.thread("idle_inject/0", "percpu", 0));
                g.add(Spec.of(Kind.QUEUE_FLUSH, 0));
                break;
            case SMP_INIT:
                g.add(Spec.thread("cpuhp/0", "percpu", 0));
                g.add(Spec.of(Kind.ONLINE, -1));
                for (int c = 1; c < cpus; c++) {
                    g.add(Spec.thread("cpuhp/" + c, "percpu", c));
                    g.add(Spec.thread("idle_inject/" + c, "percpu", c));
                    g.add(Spec.thread("migration/" + c, "percpu", c));
                    g.add(Spec.thread("ksoftirqd/" + c, "percpu", c));
                    g.add(Spec.of(Kind.WQ_PREPARE, c));
                }
                break;
            default:
                g.add(Spec.thread("kdevtmpfs", "sleeper", -1));
                g.add(Spec.wq("inet_frag_wq", Workqueue.WQ_MEM_RECLAIM));
                g.add(Spec.thread("kauditd", "sleeper", -1));
                g.add(Spec.thread("khungtaskd", "sleeper", -1));
                g.add(Spec.thread("oom_reaper", "sleeper", -1));
                g.add(Spec.wq("writeback", Workqueue.WQ_MEM_RECLAIM | Workqueue.WQ_UNBOUND));
                g.add(Spec.thread("kcompactd0", "sleeper", -1));
                g.add(Spec.thread("ksmd", "sleeper", -1));
                g.add(Spec.thread("khugepaged", "sleeper", -1));
        }
        return g;
    }

    @Override
    public void step(Exec x) {
        List<Spec> g = group(pc, x.m.config.cpus);
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
        if (s.kind == Kind.THREAD) {
            thread(x, s);
        } else {
            other(x, s);
        }
    }

    /** Creates a stand-in kthread (CALL), wakes it (FOLLOW_UP), moves on (DONE). */
    private void thread(Exec x, Spec s) {
        switch (phase) {
            case CALL: {
                long data = s.fn.equals("sleeper") ? 1000 : 0;
                KthreadCreateOnNode.Request req = new KthreadCreateOnNode.Request(s.fn, data, s.name, 0, "");
                phase = FOLLOW_UP;
                x.call(s.cpu >= 0 ? new KthreadCreateOnCpu(req, s.cpu) : new KthreadCreateOnNode(req));
                return;
            }
            case FOLLOW_UP:
                phase = DONE;
                if (created >= 0) {
                    x.call(new WakeUpProcess(created));
                }
                return;
            default:
                next();
        }
    }

    /** A workqueue item: one call (CALL; QUEUE_FLUSH makes a second), then the next item. */
    private void other(Exec x, Spec s) {
        Machine m = x.m;
        if (phase == FOLLOW_UP && s.kind == Kind.QUEUE_FLUSH) {
            phase = DONE;
            x.call(new FlushWork(initcallWork(m)));
            return;
        }
        if (phase != CALL) {
            next();
            return;
        }
        phase = FOLLOW_UP;
        switch (s.kind) {
            case WQ_INIT:
                x.call(new WorkqueueInit());
                return;
            case ALLOC_WQ:
                x.call(new AllocWorkqueue(s.name, s.flags));
                return;
            case QUEUE_FLUSH:
                x.call(new QueueWorkOn(Policy.WORK_CPU_UNBOUND, m.wq.byName("events").id, initcallWork(m)));
                return;
            case ONLINE:
                bringUpSecondaryCpus(m);
                next();
                return;
            default:
                x.call(new WorkqueuePrepareCpu(s.cpu));
        }
    }

    private void next() {
        item++;
        phase = CALL;
    }

    /**
     * The early initcall's work item. Which initcall's item first reaches CPU 0's pool is not
     * modelled: the sample module's short_work (short_work_fn) stands in for it.
     */
    private static int initcallWork(Machine m) {
        Work w = m.wq.workByName("short_work");
        if (w == null) {
            w = new Work(m.wq.works.size(), "short_work", "short_work_fn");
            m.wq.works.add(w);
        }
        return w.id;
    }

    /**
     * smp_init: the secondary CPUs come online before their per-CPU threads and kworkers are made
     * (the kernel creates those in the CPU's prepare states, before it runs). Their pools are
     * associated now, as workqueue_online_cpu() leaves them, so workqueue_prepare_cpu()'s workers
     * attach as per-CPU kthreads at once instead of being rebound later by rebind_workers().
     */
    private static void bringUpSecondaryCpus(Machine m) {
        for (int c = 1; c < m.config.cpus; c++) {
            m.rqs[c].online = true;
            m.wq.pool(m.wq.cpuPool(c, false)).disassociated = false;
            m.wq.pool(m.wq.cpuPool(c, true)).disassociated = false;
        }
        Rqs.updateRqClock(m, m.rqs[0]);
    }
}
