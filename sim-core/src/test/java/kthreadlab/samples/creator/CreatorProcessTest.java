package kthreadlab.samples.creator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import kthreadlab.cli.Reports;
import kthreadlab.engine.SimRun;
import kthreadlab.scenario.Action;
import kthreadlab.scenario.Scenario;
import kthreadlab.trace.TraceEvent;
import org.junit.jupiter.api.Test;

/** Creators are user processes: init (the shell) forks them, they exec, and a killed one is a zombie until reaped. */
class CreatorProcessTest {
    static final long MS = 1_000_000;
    static final long US = 1_000;

    static int indexOf(List<TraceEvent> ev, String name, String argsPart, int from) {
        for (int i = from; i < ev.size(); i++) {
            if (ev.get(i).name.equals(name) && ev.get(i).args.contains(argsPart)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A shell starts insmod with fork() then exec: kernel_clone -> copy_process emits task_newtask
     * (kernel/fork.c:2429) with the parent's comm and clone_flags CLONE_CHILD_SETTID|CLONE_CHILD_CLEARTID
     * (1200000, as in reference/real-6.1/trace-6.1-run.txt), then sched_process_fork (kernel/fork.c:2611)
     * and wake_up_new_task; the child's exec renames it (__set_task_comm under task_lock: ...1.).
     */
    @Test
    void initForksTheCreatorWhichExecs() {
        SimRun r = SimRun.preset("seed");
        List<TraceEvent> ev = r.tracepoints();
        int newtask = indexOf(ev, "task_newtask", "comm=init clone_flags=1200000", 0);
        assertTrue(newtask >= 0, "init forks the creator");
        assertEquals("init", ev.get(newtask).comm);
        String childPid = ev.get(newtask).args.substring(4, ev.get(newtask).args.indexOf(' '));
        int fork = indexOf(ev, "sched_process_fork", "comm=init pid=1 child_comm=init child_pid=" + childPid, newtask);
        int wakeNew = indexOf(ev, "sched_wakeup_new", "comm=init pid=" + childPid + " ", fork);
        int exec = indexOf(ev, "task_rename", "pid=" + childPid + " oldcomm=init newcomm=insmod", wakeNew);
        assertTrue(fork > newtask && wakeNew > fork && exec > wakeNew, "fork, wakeup_new, then exec");
        assertEquals("...1.", ev.get(exec).flags);
        int waking = indexOf(ev, "sched_waking", "comm=kthreadd", 0);
        assertTrue(exec < waking, "the creator asks kthreadd only after its exec");
        assertTrue(Reports.ps(r.machine).contains("    " + childPid + "     1 S   0 insmod\n"), Reports.ps(r.machine));
    }

    static Scenario killed(long until) {
        return new Scenario("t", 1, Collections.emptyList(), 250, "voluntary", "minimal", until, Arrays.asList(
            new Action(1 * MS, "insmod", "kthread_run", "demo/%d", 1, "sleeper", 5, -1, "", ""),
            new Action(3 * MS, "", "sigkill", "", 1, "", 0, -1, "insmod", "")));
    }

    /**
     * A SIGKILLed creator is a user process whose parent (init) does not ignore SIGCHLD: exit_notify
     * (kernel/exit.c:722) leaves it EXIT_ZOMBIE, do_notify_parent (:731) does not autoreap it, and
     * sched_switch reports __task_state_index(__state, exit_state), where TASK_REPORT excludes
     * TASK_DEAD: prev_state=Z, and no sched_process_free at that switch. Its parent wakes (SIGCHLD),
     * reaps it with wait4, and only then is the task freed.
     */
    @Test
    void aKilledCreatorIsAZombieUntilInitReapsIt() {
        SimRun r = SimRun.run(killed(6 * MS));
        assertNull(r.machine.bug);
        List<TraceEvent> ev = r.tracepoints();
        int gen = indexOf(ev, "signal_generate", "sig=9 errno=0 code=0 comm=insmod pid=", 0);
        assertTrue(gen >= 0, "the SIGKILL is in the trace");
        int exit = indexOf(ev, "sched_process_exit", "comm=insmod", gen);
        int wakeInit = indexOf(ev, "sched_waking", "comm=init pid=1 ", exit);
        int zombie = indexOf(ev, "sched_switch", "prev_comm=insmod", exit);
        assertTrue(exit > gen && wakeInit > exit && zombie > wakeInit);
        assertTrue(ev.get(zombie).args.contains(" prev_state=Z "), ev.get(zombie).args);
        int free = indexOf(ev, "sched_process_free", "comm=insmod", zombie);
        assertTrue(free > zombie, "init reaps it");
        assertEquals("init", ev.get(free).comm, "freed by its parent's wait4, not at its last switch");
        assertTrue(ev.get(free).timeNs > ev.get(zombie).timeNs);
        assertFalse(Reports.ps(r.machine).contains(" insmod\n"), Reports.ps(r.machine));
    }
}
