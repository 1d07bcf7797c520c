package kthreadlab.kthread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import kthreadlab.cli.Reports;
import kthreadlab.engine.SimRun;
import kthreadlab.engine.TaskStruct;
import kthreadlab.scenario.Action;
import kthreadlab.scenario.Scenario;
import kthreadlab.state.KthreadCreateInfo;
import kthreadlab.trace.TraceEvent;
import org.junit.jupiter.api.Test;

/** What a learner sees in the trace and ps, for each path of kthread creation and teardown. */
class KthreadLifecycleTest {
    static final long MS = 1_000_000;

    static Scenario scenario(int cpus, long until, Action... actions) {
        return new Scenario("test", cpus, Collections.emptyList(), 250, "voluntary", "minimal", until,
            Arrays.asList(actions));
    }

    static Action run(long at, String name, String fn, String fail) {
        return new Action(at, "insmod", "kthread_run", name, 1, fn, 5, -1, "", fail);
    }

    static int indexOf(List<TraceEvent> ev, String name, String argsPart, int from) {
        for (int i = from; i < ev.size(); i++) {
            if (ev.get(i).name.equals(name) && ev.get(i).args.contains(argsPart)) {
                return i;
            }
        }
        return -1;
    }

    static String apiResult(SimRun r, int n) {
        String args = r.api().get(n).args;
        return args.substring(args.indexOf('\t') + 1);
    }

    static KthreadCreateInfo onlyCreate(SimRun r) {
        assertEquals(1, r.machine.createInfos.size());
        return r.machine.createInfos.get(0);
    }

    static boolean historyHas(KthreadCreateInfo k, String part) {
        for (String h : k.history) {
            if (h.contains(part)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void parentKeepsTheCpuAfterForkOnOneCpu() {
        SimRun r = SimRun.preset("seed");
        List<TraceEvent> ev = r.tracepoints();
        int fork = indexOf(ev, "sched_process_fork", "comm=kthreadd pid=2 child_comm=kthreadd", 0);
        assertTrue(fork >= 0, "kthreadd forked");
        int sw = indexOf(ev, "sched_switch", "", fork);
        assertTrue(ev.get(sw).args.startsWith("prev_comm=kthreadd prev_pid=2 prev_prio=120 prev_state=S "),
            "kthreadd ran on until it slept: " + ev.get(sw).args);
    }

    @Test
    void aNewKthreadIsCalledKthreaddUntilItsCreatorRenamesIt() {
        SimRun r = SimRun.preset("seed");
        List<TraceEvent> ev = r.tracepoints();
        int rename = indexOf(ev, "task_rename", "oldcomm=kthreadd newcomm=demo/0", 0);
        assertTrue(rename > 0);
        TraceEvent re = ev.get(rename);
        assertEquals("insmod", re.comm, "the creator renames the thread, in its own context");
        int child = Integer.parseInt(re.args.substring(4, re.args.indexOf(' ')));
        boolean ranBefore = false;
        for (int i = 0; i < rename; i++) {
            if (ev.get(i).pid == child) {
                assertEquals("kthreadd", ev.get(i).comm);
                ranBefore = true;
            }
        }
        assertTrue(ranBefore, "the child ran (and woke its creator) before the rename");
        assertTrue(indexOf(ev, "sched_waking", "comm=insmod", 0) < rename);
    }

    @Test
    void kthreadsAreChildrenOfKthreaddAndInitOfPid0() {
        SimRun r = SimRun.preset("boot-v5.15");
        for (String row : Reports.ps(r.machine).split("\n")) {
            String[] f = row.trim().split("\\s+");
            if (f[0].equals("PID")) {
                continue;
            }
            int pid = Integer.parseInt(f[0]);
            assertEquals(pid <= 2 ? "0" : "2", f[1], row);
        }
    }

    @Test
    void commKeepsFifteenCharacters() {
        SimRun r = SimRun.run(scenario(1, 5 * MS, run(MS, "a_very_long_thread_name/%d", "sleeper", "")));
        assertTrue(Reports.ps(r.machine).contains(" a_very_long_thr\n"), Reports.ps(r.machine));
        assertEquals("a_very_long_thr", TaskStruct.truncateComm("a_very_long_thread_name/0"));
    }

    @Test
    void sigkillBeforeKthreadRunsLeavesCreateToTheNewThread() {
        SimRun r = SimRun.preset("sigkill-early");
        assertNull(r.machine.bug);
        assertEquals("-EINTR", apiResult(r, 0));
        KthreadCreateInfo k = onlyCreate(r);
        assertEquals(KthreadCreateInfo.Stage.FREED, k.stage);
        assertTrue(historyHas(k, "freed by kthreadd (pid 4)"), k.history.toString());
        assertFalse(historyHas(k, "freed by insmod"));
        List<TraceEvent> ev = r.tracepoints();
        assertTrue(indexOf(ev, "sched_process_exit", "comm=kthreadd pid=4", 0) > 0, "the new thread exited");
        for (TraceEvent e : r.events) {
            assertFalse(e.kind == TraceEvent.FUNC_ENTER && e.name.equals("sleeper_fn"), "threadfn never ran");
        }
    }

    @Test
    void sigkillAfterKthreadTookDoneStillGivesTheTask() {
        SimRun r = SimRun.preset("sigkill-late");
        assertNull(r.machine.bug);
        assertTrue(apiResult(r, 0).startsWith("pid "), apiResult(r, 0));
        KthreadCreateInfo k = onlyCreate(r);
        assertTrue(historyHas(k, "freed by insmod"), k.history.toString());
        assertFalse(historyHas(k, "was killed first"));
    }

    @Test
    void copyProcessFailureReachesTheCreator() {
        SimRun r = SimRun.preset("copy-process-fails");
        assertEquals("-EAGAIN", apiResult(r, 0));
        assertTrue(historyHas(onlyCreate(r), "freed by insmod"));
        assertEquals(-1, indexOf(r.tracepoints(), "task_newtask", "comm=kthreadd", 0));
    }

    @Test
    void noStructKthreadMeansEnomem() {
        SimRun r = SimRun.preset("enomem-in-kthread");
        assertEquals("-ENOMEM", apiResult(r, 0));
        assertTrue(indexOf(r.tracepoints(), "sched_process_exit", "comm=kthreadd", 0) > 0);
        assertTrue(historyHas(onlyCreate(r), "freed by insmod"));
    }

    @Test
    void stopBeforeTheFirstWakeupNeverRunsThreadfn() {
        SimRun r = SimRun.preset("stop-before-wake");
        assertEquals("-EINTR", apiResult(r, 1));
        List<TraceEvent> ev = r.tracepoints();
        assertTrue(indexOf(ev, "sched_kthread_stop_ret", "ret=-4", 0) > 0);
        int stop = indexOf(ev, "sched_kthread_stop", "comm=demo_nw/0", 0);
        assertTrue(stop > 0);
        assertTrue(indexOf(ev, "sched_switch", "prev_comm=demo_nw/0 prev_pid=4 prev_prio=120 prev_state=D", 0) < stop,
            "the created thread waits in D until it is stopped");
    }

    @Test
    void stopWakesTheStopperBeforeTheThreadIsDead() {
        SimRun r = SimRun.preset("run-stop");
        assertEquals("0", apiResult(r, 1));
        List<TraceEvent> ev = r.tracepoints();
        int stop = indexOf(ev, "sched_kthread_stop", "comm=demo/0", 0);
        int wakeStopper = indexOf(ev, "sched_waking", "comm=insmod", stop);
        int exit = indexOf(ev, "sched_process_exit", "comm=demo/0", stop);
        int dead = indexOf(ev, "sched_switch", "prev_comm=demo/0 prev_pid=4 prev_prio=120 prev_state=X", stop);
        int ret = indexOf(ev, "sched_kthread_stop_ret", "ret=0", stop);
        assertTrue(stop < wakeStopper && wakeStopper < exit && exit < dead, "stop, wake stopper, exit, X");
        assertTrue(ret > wakeStopper);
        assertFalse(Reports.ps(r.machine).contains("demo/0"), "autoreaped: no zombie");
    }

    @Test
    void aParkedThreadShowsP() {
        Scenario s = kthreadlab.scenario.Presets.get("park-unpark").scenario;
        Scenario upToPark = new Scenario(s.title, s.cpus, s.nohzFull, s.hz, s.preempt, s.boot, 8 * MS,
            s.actions.subList(0, 2));
        SimRun r = SimRun.run(upToPark);
        assertNull(r.machine.bug);
        assertTrue(Reports.ps(r.machine).contains(" P   1 pcpu/1\n"), Reports.ps(r.machine));
        assertEquals("0", apiResult(r, 1));
    }

    /**
     * The boot order of 5.15.100, the corpus's version. start_kernel() makes four WQ_MEM_RECLAIM
     * workqueues before rest_init(): rcu_gp and rcu_par_gp (rcu_init), slub_flushwq
     * (kmem_cache_init_late, mm/slub.c) and netns (net_ns_init, called from start_kernel since the
     * 5.15.34 backport of "net: initialize init_net earlier"); workqueue_init() at init/main.c:1603
     * gives each its rescuer, in that order, before any kworker. The real listing in
     * reference/real-6.1/ps-6.1-smp2.txt has the same pids 3-6.
     */
    @Test
    void twoCpuV515BootMatchesTheReference() {
        String[] expected = {"init", "kthreadd", "rcu_gp", "rcu_par_gp", "slub_flushwq", "netns", "kworker/0:0",
            "kworker/0:0H", "kworker/u4:0", "mm_percpu_wq", "rcu_tasks_rude_", "rcu_tasks_trace", "ksoftirqd/0",
            "rcu_sched", "migration/0", "idle_inject/0", null, "cpuhp/0", "cpuhp/1", "idle_inject/1", "migration/1",
            "ksoftirqd/1", "kworker/1:0", "kworker/1:0H", "kdevtmpfs", "inet_frag_wq", "kauditd",
            "khungtaskd", "oom_reaper", "writeback", "kcompactd0", "ksmd", "khugepaged"};
        SimRun r = SimRun.preset("boot-v5.15");
        assertNull(r.machine.bug);
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] == null) {
                continue;
            }
            TaskStruct t = r.machine.findByComm(expected[i]);
            assertNotNull(t, expected[i]);
            assertEquals(i + 1, t.pid, expected[i]);
        }
    }

    @Test
    void kmallocFailureReturnsEnomemWithoutAskingKthreadd() {
        SimRun r = SimRun.run(scenario(1, 5 * MS, run(MS, "x", "oneshot", "kmalloc")));
        assertEquals("-ENOMEM", apiResult(r, 0));
        assertTrue(r.machine.createInfos.isEmpty(), "no request was allocated");
        assertEquals(-1, indexOf(r.tracepoints(), "sched_waking", "comm=kthreadd", 0));
    }

    @Test
    void nohzFullCpusGetNoKthreads() {
        Scenario s = new Scenario("nohz", 4, Arrays.asList(2, 3), 250, "voluntary", "minimal", 20 * MS,
            Arrays.asList(new Action(MS, "insmod", "kthread_run", "k/%d", 6, "sleeper", 2, -1, "", "")));
        SimRun r = SimRun.run(s);
        assertNull(r.machine.bug);
        int seen = 0;
        for (TaskStruct t : r.machine.tasks) {
            if (t.comm.startsWith("k/")) {
                seen++;
                assertTrue(t.cpu < 2, t.comm + " ran on nohz_full CPU " + t.cpu);
                assertEquals("0-1", t.cpusMask.toList());
            }
        }
        assertEquals(6, seen);
    }

    @Test
    void theTickPreemptsACpuHogOnlyAtCondReschedWithoutFullPreemption() {
        Action hogs = new Action(MS, "insmod", "kthread_run", "hog/%d", 2, "spinner", 0, -1, "", "");
        SimRun voluntary = SimRun.run(scenario(1, 40 * MS, hogs));
        assertNull(voluntary.machine.bug);
        int switches = 0;
        for (TraceEvent e : voluntary.tracepoints()) {
            if (e.name.equals("sched_switch") && e.args.startsWith("prev_comm=hog/")) {
                assertTrue(e.args.contains("prev_state=R+"), "a hog only leaves the CPU preempted: " + e.args);
                switches++;
            }
        }
        assertTrue(switches >= 4, "the two hogs took turns: " + switches);
    }

    /** The comment in kthread(): "do not preempt it, or the creator may spend more time in wait_task_inactive()". */
    @Test
    void preemptDisableInKthreadSparesTheCreatorATickInWaitTaskInactive() {
        SimRun real = SimRun.preset("preempt-disable");
        SimRun whatIf = SimRun.preset("preempt-disable-whatif");
        assertNull(real.machine.bug);
        assertNull(whatIf.machine.bug);
        long realDone = real.api().get(0).timeNs;
        long whatIfDone = whatIf.api().get(0).timeNs;
        assertTrue(realDone < 1_100_000, "with preempt_disable the bound thread is ready in microseconds: " + realDone);
        assertTrue(whatIfDone >= 4_000_000, "without it the creator sleeps until the next tick: " + whatIfDone);
        assertTrue(indexOf(whatIf.tracepoints(), "sched_switch", "prev_comm=kthreadd prev_pid=4 prev_prio=120 prev_state=R+", 0) > 0,
            "the new thread was preempted inside complete(done)");
        assertEquals(-1, indexOf(real.tracepoints(), "sched_switch", "prev_pid=4 prev_prio=120 prev_state=R+", 0),
            "with preempt_disable it never is");
    }
}
