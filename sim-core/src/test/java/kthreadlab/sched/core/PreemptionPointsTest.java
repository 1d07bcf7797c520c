package kthreadlab.sched.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kthreadlab.engine.SimRun;
import kthreadlab.scenario.Presets;
import kthreadlab.scenario.Scenario;
import kthreadlab.trace.Ftrace;
import kthreadlab.trace.TraceEvent;
import org.junit.jupiter.api.Test;

/**
 * The preemption models on the one-CPU seed: the creator has just woken kthreadd (need_resched is
 * set) and goes on to wait for its thread.
 */
class PreemptionPointsTest {
    static SimRun seed(String preempt) {
        Scenario s = Presets.get("seed").scenario;
        return SimRun.run(new Scenario(s.title, s.cpus, s.nohzFull, s.hz, preempt, s.boot, s.until,
            s.actions, s.whatIf));
    }

    /**
     * The creator's first switch to kthreadd: its prev_state, and the functions the creator entered
     * since it last entered __wait_for_common.
     */
    static String[] switchToKthreadd(SimRun r) {
        String lastEntered = "";
        for (TraceEvent e : r.events) {
            if (!e.comm.equals("insmod")) {
                continue;
            }
            if (e.kind == TraceEvent.FUNC_ENTER) {
                lastEntered = e.name.equals("__wait_for_common") ? e.name : lastEntered + " " + e.name;
            }
            if (e.kind == TraceEvent.EVENT && e.name.equals("sched_switch") && e.args.contains("next_comm=kthreadd")) {
                String state = e.args.substring(e.args.indexOf("prev_state=") + 11, e.args.indexOf(" ==>"));
                return new String[] {state, lastEntered};
            }
        }
        throw new AssertionError("the creator never switched to kthreadd");
    }

    /**
     * include/linux/kernel.h (5.15): under CONFIG_PREEMPT_VOLUNTARY might_sleep() calls
     * might_resched() = __cond_resched() (kernel/sched/core.c:8234); __wait_for_common calls
     * might_sleep() first (kernel/sched/completion.c:101). The real 6.1 capture (voluntary) shows the
     * creator leaving as R+ for kthreadd.
     */
    @Test
    void voluntaryPreemptsAtMightSleepInWaitForCommon() {
        SimRun r = seed("voluntary");
        assertNull(r.machine.bug);
        String[] sw = switchToKthreadd(r);
        assertEquals("R+", sw[0]);
        assertTrue(sw[1].startsWith("__wait_for_common __cond_resched "), sw[1]);
        assertTrue(!sw[1].contains("do_wait_for_common"), "switched out at might_sleep(), before waiting: " + sw[1]);
    }

    /** Without CONFIG_PREEMPT_VOLUNTARY might_sleep() does not reschedule: the creator sleeps in D. */
    @Test
    void noneSleepsInD() {
        assertEquals("D", switchToKthreadd(seed("none"))[0]);
    }

    /** none, voluntary and full give three different traces of the same scenario. */
    @Test
    void theThreeModelsGiveThreeTraces() {
        String none = Ftrace.format(seed("none").events, 1);
        String voluntary = Ftrace.format(seed("voluntary").events, 1);
        String full = Ftrace.format(seed("full").events, 1);
        assertNotEquals(none, voluntary);
        assertNotEquals(voluntary, full);
        assertNotEquals(none, full);
        assertEquals("R+", switchToKthreadd(seed("full"))[0]);
    }

    /** After its R+ switch the voluntary creator runs again and waits in D until its thread reports. */
    @Test
    void thePreemptedCreatorComesBackAndSleepsInD() {
        List<TraceEvent> ev = seed("voluntary").tracepoints();
        int preempted = -1;
        for (int i = 0; i < ev.size(); i++) {
            if (ev.get(i).name.equals("sched_switch") && ev.get(i).args.startsWith("prev_comm=insmod")) {
                if (preempted < 0) {
                    preempted = i;
                } else {
                    assertTrue(ev.get(i).args.contains("prev_state=D"), ev.get(i).args);
                    return;
                }
            }
        }
        throw new AssertionError("the creator did not switch out a second time");
    }
}
