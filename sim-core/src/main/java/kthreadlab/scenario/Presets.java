package kthreadlab.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** The built-in scenarios, in gallery order. */
public final class Presets {
    /** The preset the page shows when nothing else is asked for (no link, no saved scenario). */
    public static final String DEFAULT = "seed";
    /** One preset: its name, its scenario, and one line about it in English and Chinese. */
    public static final class Preset {
        public final String name;
        public final Scenario scenario;
        public final String en;
        public final String zh;

        Preset(String name, Scenario scenario, String en, String zh) {
            this.name = name;
            this.scenario = scenario;
            this.en = en;
            this.zh = zh;
        }
    }

    private static final long US = 1_000L;
    private static final long MS = 1_000_000L;

    private Presets() {
    }

    static Action run(long at, String by, String name, int count, String fn, long arg, int cpu, String fail) {
        return new Action(at, by, "kthread_run", name, count, fn, arg, cpu, "", fail);
    }

    static Action create(long at, String by, String name, String fn, int cpu) {
        return new Action(at, by, "kthread_create", name, 1, fn, 0, cpu, "", "");
    }

    static Action op(long at, String by, String op, String target) {
        return new Action(at, by, op, "", 1, "", 0, -1, target, "");
    }

    static Scenario scenario(String title, int cpus, String boot, String preempt, long until, Action... actions) {
        return new Scenario(title, cpus, Collections.emptyList(), 250, preempt, boot, until,
            new ArrayList<>(Arrays.asList(actions)));
    }

    static Scenario whatIf(Scenario s, String... names) {
        return new Scenario(s.title, s.cpus, s.nohzFull, s.hz, s.preempt, s.boot, s.until, s.actions,
            Arrays.asList(names));
    }

    public static List<Preset> all() {
        List<Preset> p = new ArrayList<>();
        p.add(new Preset("seed", scenario("the seed walkthrough: one kthread_run on one CPU", 1, "minimal",
                "voluntary", 12 * MS, run(1 * MS, "insmod", "demo/%d", 1, "sleeper", 5, -1, "")),
            "One kthread_run on one CPU, from rest_init to the new thread's first sleep.",
            "单 CPU 上的一次 kthread_run：从 rest_init 到新线程第一次睡眠。"));
        p.add(new Preset("boot-v5.15", scenario("the 2-CPU v5.15.100 boot", 2, "v5.15", "voluntary", 30 * MS),
            "The kthreads a 2-CPU v5.15.100 kernel creates at boot, in pid order: the rescuers of the"
                + " workqueues start_kernel made (rcu_gp, rcu_par_gp, slub_flushwq, netns) come before the kworkers.",
            "双 CPU 的 v5.15.100 内核启动时创建的内核线程，按 pid 顺序：start_kernel 建立的工作队列"
                + "（rcu_gp、rcu_par_gp、slub_flushwq、netns）的救援线程排在 kworker 之前。"));
        p.add(new Preset("run-stop", scenario("kthread_run, then kthread_stop", 2, "minimal", "voluntary",
                40 * MS, run(1 * MS, "insmod", "demo/%d", 1, "sleeper", 5, -1, ""),
                op(20 * MS, "insmod", "kthread_stop", "demo/0")),
            "Create a sleeper with kthread_run, then stop it: kthread_stop returns 0.",
            "用 kthread_run 创建一个睡眠线程，再停止它：kthread_stop 返回 0。"));
        p.add(new Preset("stop-before-wake", scenario("kthread_stop before the first wake-up", 2, "minimal",
                "voluntary", 20 * MS, create(1 * MS, "insmod", "demo_nw/%d", "sleeper", -1),
                op(10 * MS, "insmod", "kthread_stop", "demo_nw/0")),
            "kthread_create without a wake-up, then kthread_stop: threadfn never runs, -EINTR.",
            "只 kthread_create 不唤醒，再 kthread_stop：threadfn 从未运行，返回 -EINTR。"));
        p.add(new Preset("park-unpark", scenario("park and unpark a per-CPU thread", 2, "minimal", "voluntary",
                30 * MS, run(1 * MS, "insmod", "pcpu/%u", 1, "percpu", 0, 1, ""),
                op(5 * MS, "insmod", "kthread_park", "pcpu/1"),
                op(10 * MS, "insmod", "kthread_unpark", "pcpu/1"),
                op(20 * MS, "insmod", "kthread_stop", "pcpu/1")),
            "A CPU-bound per-CPU thread parked (TASK_PARKED, P) and unparked, then stopped.",
            "绑定 CPU 的线程被 park（TASK_PARKED，P）、unpark，然后停止。"));
        p.add(new Preset("sigkill-early", scenario("the creator is SIGKILLed while it waits, before kthread() runs", 2,
                "minimal", "voluntary", 10 * MS, run(1 * MS, "insmod", "demo/%d", 1, "sleeper", 5, -1, ""),
                new Action(1 * MS + 26 * US, "", "sigkill", "", 1, "", 0, -1, "insmod", "")),
            "SIGKILL while the creator sleeps in wait_for_completion_killable(): the signal wakes it, its xchg takes"
                + " create->done back and it returns -EINTR; the new thread finds done gone, frees create and exits.",
            "创建者在 wait_for_completion_killable() 里睡眠时被 SIGKILL：信号唤醒它，它用 xchg 取回 create->done，"
                + "返回 -EINTR；新线程发现 done 已被取走，释放 create 并退出。"));
        p.add(new Preset("sigkill-late", scenario("the creator is SIGKILLed after kthread() took create->done", 3,
                "minimal", "voluntary", 10 * MS, run(1 * MS, "insmod", "demo/%d", 1, "sleeper", 5, -1, ""),
                new Action(1 * MS + 32_800, "", "sigkill", "", 1, "", 0, -1, "insmod", "")),
            "SIGKILL just after the new thread claimed create->done: the woken creator's xchg returns NULL, so it"
                + " waits again in wait_for_completion(&done) and gets the task, then dies.",
            "新线程刚取走 create->done 时 SIGKILL：被唤醒的创建者 xchg 得到 NULL，于是在 wait_for_completion(&done)"
                + " 里继续等待，拿到线程后才死去。"));
        p.add(new Preset("copy-process-fails", scenario("copy_process fails", 1, "minimal", "voluntary", 10 * MS,
                run(1 * MS, "insmod", "x", 1, "oneshot", 0, -1, "copy_process")),
            "kernel_thread fails in copy_process: create_kthread hands the error back, kthread_run gets -EAGAIN.",
            "copy_process 失败：create_kthread 把错误交回，kthread_run 得到 -EAGAIN。"));
        p.add(new Preset("enomem-in-kthread", scenario("set_kthread_struct fails in kthread()", 1, "minimal",
                "voluntary", 10 * MS, run(1 * MS, "insmod", "x", 1, "oneshot", 0, -1, "set_kthread_struct")),
            "kthread() cannot allocate its struct kthread: the creator gets -ENOMEM, the thread exits.",
            "kthread() 分配 struct kthread 失败：创建者得到 -ENOMEM，线程退出。"));
        p.add(new Preset("preempt-disable", scenario("why kthread() disables preemption: full preemption, bound"
                + " thread", 1, "minimal", "full", 20 * MS, run(1 * MS, "insmod", "bound/%u", 1, "sleeper", 5, 0, "")),
            "Full preemption on one CPU: the woken creator must wait until the new thread has slept (need_resched"
                + " stays set, no preemption).",
            "单 CPU、完全抢占：被唤醒的创建者要等新线程睡下才能运行（need_resched 一直置位，却不抢占）。"));
        p.add(new Preset("preempt-disable-whatif", whatIf(scenario("what if kthread() did not disable preemption",
                1, "minimal", "full", 20 * MS, run(1 * MS, "insmod", "bound/%u", 1, "sleeper", 5, 0, "")),
                "no_preempt_disable"),
            "Same, with kthread()'s preempt_disable() removed: the creator preempts the thread and kthread_bind"
                + " sleeps a tick in wait_task_inactive().",
            "同上，但去掉 kthread() 的 preempt_disable()：创建者抢占新线程，kthread_bind 在 wait_task_inactive()"
                + " 里睡一个 tick。"));
        p.add(new Preset("many-threads", scenario("many threads on 8 CPUs", 8, "minimal", "voluntary", 150 * MS,
                run(1 * MS, "insmod", "sleep/%d", 24, "sleeper", 4, -1, ""),
                run(2 * MS, "modprobe", "spin/%d", 8, "spinner", 0, -1, ""),
                run(3 * MS, "insmod", "once/%d", 4, "oneshot", 0, -1, "")),
            "Two creators and 36 threads on 8 CPUs: fork placement, wake-ups, preemption by the tick.",
            "两个创建者、36 个线程、8 个 CPU：fork 放置、唤醒、时钟节拍抢占。"));
        p.add(new Preset("wq-wake-idle", scenario("a work item wakes an idle kworker", 2, "workqueues", "voluntary",
                10 * MS, wq(1 * MS, "alloc_workqueue", "demo_wq", "0", -1, ""),
                wq(2 * MS, "queue_work", "demo_wq", "", 1, "short_work")),
            "queue_work on CPU 1: insert_work wakes the idle kworker/1:0, which creates a reserve kworker/1:1 and"
                + " runs the item; ps then shows kworker/1:0-demo_wq.",
            "在 CPU 1 上 queue_work：insert_work 唤醒空闲的 kworker/1:0，它先创建后备的 kworker/1:1，再执行工作项；"
                + "之后 ps 显示 kworker/1:0-demo_wq。"));
        p.add(new Preset("wq-sleep", scenario("a sleeping work item makes the pool run the next one on another"
                + " kworker", 2, "workqueues", "voluntary", 40 * MS,
                wq(1 * MS, "alloc_workqueue", "demo_wq", "0", -1, ""),
                wq(2 * MS, "queue_work", "demo_wq", "", 0, "sleep_work"),
                wq(2 * MS, "queue_work", "demo_wq", "", 0, "short_work")),
            "Two items on CPU 0: the first sleeps, wq_worker_sleeping() drops nr_running to 0 and wakes kworker/0:1,"
                + " which becomes the manager, creates kworker/0:2 and runs the second item.",
            "CPU 0 上两个工作项：第一个睡眠，wq_worker_sleeping() 把 nr_running 降为 0 并唤醒 kworker/0:1；"
                + "它成为管理者，创建 kworker/0:2，然后执行第二个工作项。"));
        p.add(new Preset("wq-idle-reap", scenario("idle kworkers reaped by the idle timer", 2, "workqueues",
                "voluntary", 310_000 * MS, wq(1 * MS, "alloc_workqueue", "demo_wq", "0", -1, ""),
                wq(2 * MS, "queue_work", "demo_wq", "", 0, "sleep_work"),
                wq(2 * MS, "queue_work", "demo_wq", "", 0, "short_work"),
                wq(3 * MS, "queue_work", "demo_wq", "", 0, "cpu_work")),
            "Three items leave CPU 0's pool with more idle kworkers than it keeps; 300 s later idle_worker_timeout()"
                + " destroys the surplus, which exit as kworker/dying.",
            "三个工作项过后，CPU 0 的 pool 空闲 kworker 多于保留数；300 秒后 idle_worker_timeout() 销毁多余的，"
                + "它们以 kworker/dying 的名字退出。"));
        p.add(new Preset("wq-rescuer", scenario("a WQ_MEM_RECLAIM workqueue's rescuer", 2, "workqueues",
                "voluntary", 10 * MS, wq(1 * MS, "alloc_workqueue", "reclaim_wq", "mem_reclaim", -1, ""),
                wq(2 * MS, "queue_work", "reclaim_wq", "", -1, "short_work"),
                wq(5 * MS, "destroy_workqueue", "", "", -1, "reclaim_wq")),
            "alloc_workqueue with WQ_MEM_RECLAIM creates a rescuer thread named reclaim_wq that idles in TASK_IDLE;"
                + " destroy_workqueue stops it with kthread_stop().",
            "带 WQ_MEM_RECLAIM 的 alloc_workqueue 创建名为 reclaim_wq 的 rescuer 线程，它以 TASK_IDLE 空闲；"
                + "destroy_workqueue 用 kthread_stop() 停止它。"));
        p.add(new Preset("wq-mayday", whatIf(scenario("a pool that cannot create a worker calls the rescuer", 2,
                "workqueues", "voluntary", 1010 * MS, wq(1 * MS, "alloc_workqueue", "reclaim_wq", "mem_reclaim", -1, ""),
                wq(2 * MS, "queue_work", "reclaim_wq", "", 1, "short_work")), "kworker_enomem"),
            "What if memory is short (kworker_enomem): kworker/1:0 wakes for the item but, as manager, cannot"
                + " create a spare worker; the mayday timer wakes reclaim_wq's rescuer, which runs the item itself.",
            "假如内存紧张（kworker_enomem）：kworker/1:0 被工作项唤醒，作为管理者却创建不了后备 worker；"
                + "mayday 定时器唤醒 reclaim_wq 的 rescuer，由它亲自执行该工作项。"));
        return p;
    }

    /** A workqueue action of the insmod creator. */
    static Action wq(long at, String op, String name, String flags, int cpu, String target) {
        return new Action(at, "insmod", op, name, 1, flags, 0, cpu, target, "");
    }

    public static Preset get(String name) {
        for (Preset p : all()) {
            if (p.name.equals(name)) {
                return p;
            }
        }
        return null;
    }
}
