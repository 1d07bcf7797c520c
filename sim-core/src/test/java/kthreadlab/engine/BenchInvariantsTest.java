package kthreadlab.engine;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kthreadlab.cli.Bench;
import kthreadlab.init.main.Boot;
import kthreadlab.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * The stress benchmark's scenario (64 CPUs, 10,000 kthreads) keeps its invariants past the step
 * where an earlier build stopped with "BUG: CPU 0 sleeps in idle with 63 runnable task(s) queued"
 * (step 1,050,201; issue 14). Checking every step would take minutes (the check is O(tasks)), so the
 * invariants are checked every 1,000 steps up to there and at every step around it.
 */
class BenchInvariantsTest {
    static final long REPORTED = 1_050_201;

    @Test
    void theBenchScenarioKeepsItsInvariantsPastTheReportedStep() {
        Scenario s = Bench.scenario();
        Machine m = Boot.machine(s);
        Invariants inv = new Invariants();
        while (m.bug == null && m.steps < REPORTED + 2_000 && m.step(s.until)) {
            if (m.steps % 1_000 == 0 || m.steps >= REPORTED - 2_000) {
                inv.check(m);
            }
        }
        assertNull(m.bug);
        assertTrue(m.steps >= REPORTED + 2_000, "the run ended early, at step " + m.steps);
        assertTrue(m.tasks.size() > 3_000, "the creator has made thousands of kthreads by then: " + m.tasks.size());
    }
}
