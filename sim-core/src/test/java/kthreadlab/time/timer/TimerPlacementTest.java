package kthreadlab.time.timer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import kthreadlab.engine.SimRun;
import kthreadlab.scenario.Action;
import kthreadlab.scenario.Scenario;
import kthreadlab.trace.TraceEvent;
import org.junit.jupiter.api.Test;

/** Where and when timers fire: nohz_full timer migration, and wait_task_inactive's hrtimer. */
class TimerPlacementTest {
    static final long MS = 1_000_000;

    static TraceEvent find(List<TraceEvent> ev, String name, String argsPart, int from) {
        for (int i = from; i < ev.size(); i++) {
            if (ev.get(i).name.equals(name) && ev.get(i).args.contains(argsPart)) {
                return ev.get(i);
            }
        }
        throw new AssertionError("no " + name + " " + argsPart);
    }

    /**
     * schedule_timeout arms its timer with __mod_timer (kernel/time/timer.c:1883), not pinned:
     * get_target_base -> get_nohz_timer_target() (kernel/sched/core.c) hands a timer armed on a
     * nohz_full CPU to a housekeeping CPU. A sleeper bound to nohz_full CPU 1 is therefore woken by
     * process_timeout in CPU 0's timer softirq: its sched_waking is on CPU 0.
     */
    @Test
    void aTimerArmedOnANohzFullCpuFiresOnAHousekeepingCpu() {
        Scenario s = new Scenario("t", 2, Collections.singletonList(1), 250, "voluntary", "minimal", 30 * MS,
            Arrays.asList(new Action(1 * MS, "insmod", "kthread_run", "pcpu/%u", 1, "sleeper", 5, 1, "", "")));
        SimRun r = SimRun.run(s);
        assertNull(r.machine.bug);
        List<TraceEvent> ev = r.tracepoints();
        int first = ev.indexOf(find(ev, "sched_switch", "prev_comm=pcpu/1", 0));
        TraceEvent waking = find(ev, "sched_waking", "comm=pcpu/1", first);
        assertEquals(0, waking.cpu, "woken from a housekeeping CPU");
        assertEquals('s', waking.flags.charAt(2), "in the timer softirq: " + waking.flags);
        assertTrue(waking.args.endsWith("target_cpu=001"), waking.args);
    }

    /**
     * wait_task_inactive (kernel/sched/core.c:3280-3285): a preempted, still queued task makes the
     * caller sleep NSEC_PER_SEC / HZ with schedule_hrtimeout(HRTIMER_MODE_REL), i.e. exactly one
     * tick's length from now (4 ms at HZ=250), woken by hrtimer_wakeup in hard irq; then it re-checks.
     */
    @Test
    void waitTaskInactiveSleepsOneTickWithAnHrtimer() {
        SimRun r = SimRun.preset("preempt-disable-whatif");
        assertNull(r.machine.bug);
        List<TraceEvent> ev = r.tracepoints();
        TraceEvent wake = null;
        for (TraceEvent e : ev) {
            if (e.name.equals("sched_waking") && e.args.startsWith("comm=insmod ") && e.flags.charAt(2) == 'h') {
                wake = e;
                break;
            }
        }
        assertTrue(wake != null, "hrtimer_wakeup wakes the creator in hard irq");
        assertEquals(4 * MS, wake.timeNs - armedAt(r, wake), "one tick's length after schedule_hrtimeout");
    }

    /** When the creator armed the hrtimer: the step in which it last called schedule() before `wake`. */
    static long armedAt(SimRun r, TraceEvent wake) {
        long t = -1;
        for (TraceEvent e : r.events) {
            if (e.kind == TraceEvent.FUNC_ENTER && e.comm.equals("insmod") && e.name.equals("schedule")
                    && e.timeNs <= wake.timeNs) {
                t = e.timeNs;
            }
        }
        return t;
    }
}
