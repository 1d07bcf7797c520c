package kthreadlab.sched.fair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import kthreadlab.engine.Machine;
import kthreadlab.engine.TaskStruct;
import kthreadlab.init.main.Boot;
import kthreadlab.scenario.Scenario;
import kthreadlab.state.CfsRq;
import kthreadlab.state.Rq;
import kthreadlab.state.SchedEntity;
import org.junit.jupiter.api.Test;

/** CFS arithmetic of v5.15 as the simulator does it. */
class FairTest {
    static Machine machine(int cpus) {
        return Boot.machine(new Scenario("t", cpus, Collections.emptyList(), 250, "voluntary", "minimal",
            1_000_000, Collections.emptyList()));
    }

    @Test
    void tunablesScaleWithLogOfCpus() {
        assertEquals(1, Fair.factor(1));
        assertEquals(2, Fair.factor(2));
        assertEquals(3, Fair.factor(4));
        assertEquals(4, Fair.factor(8));
        assertEquals(4, Fair.factor(64));
        assertEquals(24_000_000L, Fair.latency(machine(8)));
        assertEquals(1_500_000L, Fair.minGranularity(machine(2)));
    }

    @Test
    void periodGrowsPastEightTasks() {
        Machine m = machine(1);
        assertEquals(6_000_000L, Fair.period(m, 8));
        assertEquals(9 * 750_000L, Fair.period(m, 9));
    }

    @Test
    void newTaskStartsOneVsliceRightOfMinVruntime() {
        Machine m = machine(1);
        CfsRq cfs = new CfsRq();
        cfs.minVruntime = 10_000_000L;
        SchedEntity se = new SchedEntity();
        Fair.placeEntity(m, cfs, se, true);
        assertEquals(10_000_000L + 6_000_000L, se.vruntime, "alone: the slice is the whole latency");
    }

    @Test
    void sleeperGetsHalfALatencyOfCreditButNeverGoesBack() {
        Machine m = machine(1);
        CfsRq cfs = new CfsRq();
        cfs.minVruntime = 10_000_000L;
        SchedEntity longSleeper = new SchedEntity();
        Fair.placeEntity(m, cfs, longSleeper, false);
        assertEquals(7_000_000L, longSleeper.vruntime);
        SchedEntity ahead = new SchedEntity();
        ahead.vruntime = 12_000_000L;
        Fair.placeEntity(m, cfs, ahead, false);
        assertEquals(12_000_000L, ahead.vruntime);
    }

    @Test
    void wakeupPreemptsOnlyBeyondTheGranularity() {
        Machine m = machine(1);
        SchedEntity curr = new SchedEntity();
        SchedEntity woken = new SchedEntity();
        curr.vruntime = 5_000_000L;
        woken.vruntime = 4_500_000L;
        assertEquals(0, Fair.wakeupPreemptEntity(m, curr, woken), "0.5 ms ahead is within 1 ms");
        woken.vruntime = 3_000_000L;
        assertEquals(1, Fair.wakeupPreemptEntity(m, curr, woken));
        woken.vruntime = 6_000_000L;
        assertEquals(-1, Fair.wakeupPreemptEntity(m, curr, woken));
    }

    @Test
    void updateCurrChargesTheRunningTaskAndMovesMinVruntime() {
        Machine m = machine(1);
        Rq rq = m.rqs[0];
        TaskStruct t = m.newTask(10, "t");
        t.cpu = 0;
        t.se.vruntime = 1000;
        t.se.onRq = true;
        rq.cfs.curr = t.id;
        rq.cfs.nrRunning = 1;
        t.se.execStart = 0;
        rq.clock = 500_000;
        UpdateCurr.atOnce(m, rq);
        assertEquals(501_000, t.se.vruntime);
        assertEquals(500_000, t.se.sumExecRuntime);
        assertEquals(501_000, rq.cfs.minVruntime);
        t.se.weight = 2048;
        rq.clock = 700_000;
        UpdateCurr.atOnce(m, rq);
        assertEquals(601_000, t.se.vruntime, "twice the weight, half the vruntime");
    }

    @Test
    void pickNextTakesTheLeftmostAndPutsPrevBack() {
        Machine m = machine(1);
        Rq rq = m.rqs[0];
        TaskStruct a = m.newTask(10, "a");
        TaskStruct b = m.newTask(11, "b");
        for (TaskStruct t : new TaskStruct[] {a, b}) {
            t.cpu = 0;
        }
        a.se.vruntime = 2_000;
        b.se.vruntime = 1_000;
        Fair.enqueueEntity(m, rq, a, false, false);
        Fair.enqueueEntity(m, rq, b, false, false);
        assertEquals(b.id, Fair.pickNext(m, rq));
        assertFalse(rq.cfs.contains(b.id), "the running entity is not in the tree");
        assertTrue(rq.cfs.contains(a.id));
        assertEquals(2, rq.cfs.nrRunning);
    }
}
