package kthreadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kthreadlab.engine.Invariants;
import kthreadlab.engine.Machine;
import kthreadlab.engine.Rng;
import kthreadlab.init.main.Boot;
import kthreadlab.scenario.Presets;
import kthreadlab.scenario.Scenario;
import org.junit.jupiter.api.Test;

/**
 * The incremental invariant check (what the command line and the page run) gives the verdict of the
 * full one (every task, every tree) at the same step: the same BUG line, or none. Two machines run
 * the same scenario in lockstep, one checked each way.
 */
class IncrementalInvariantsTest {
    static final int GENERATED = 300;

    @Test
    void everyPresetHasTheFullChecksVerdict() {
        for (Presets.Preset p : Presets.all()) {
            if (p.scenario.until > 1_000_000_000L) {
                continue; // the idle-reap presets: 300 s of idle kworkers, covered by the generated runs' rules
            }
            compare(p.name, p.scenario);
        }
    }

    @Test
    void generatedScenariosHaveTheFullChecksVerdict() {
        Rng r = new Rng(0x696e6372656dL);
        int bugs = 0;
        for (int i = 0; i < GENERATED; i++) {
            bugs += compare("generated " + i, GeneratedScenariosTest.scenario(r, i)) ? 1 : 0;
        }
        System.out.println("incremental invariants: " + GENERATED + " generated scenarios, " + bugs + " BUGs, same verdicts");
    }

    /**
     * A fault written through Machine.task (as kernel code writes) during a run is seen by both
     * checks at the same step with the same line: a lost task, a runnable task on no tree, a
     * stray on_cpu, a halted CPU with queued work.
     */
    @Test
    void faultsAreSeenAtTheStepTheyHappen() {
        Scenario s = Presets.get("many-threads").scenario;
        for (int fault = 0; fault < 4; fault++) {
            for (int at : new int[] {3_000, 7_001, 12_345}) {
                Machine full = Boot.machine(s);
                Machine step = Boot.machine(s);
                for (int i = 0; i < at; i++) {
                    full.step(s.until);
                    step.step(s.until);
                }
                String f = null;
                for (Machine m : new Machine[] {full, step}) {
                    f = inject(m, fault);
                }
                new Invariants().check(full);
                new Invariants().checkStep(step);
                assertTrue(full.bug != null, f + " at " + at);
                assertEquals(full.bug, step.bug, f + " at " + at);
            }
        }
    }

    /** Breaks one rule on the last sleeping task (off every CPU and tree); returns what it did. */
    private static String inject(Machine m, int fault) {
        int id = -1;
        for (int i = m.tasks.size() - 1; i >= 0 && id < 0; i--) {
            kthreadlab.engine.TaskStruct c = m.tasks.get(i);
            if (!c.isIdle && !c.onCpu && !c.se.onRq && c.state != kthreadlab.state.TaskState.TASK_RUNNING
                    && !c.stack.isEmpty()) {
                id = i;
            }
        }
        kthreadlab.engine.TaskStruct t = m.task(id);
        switch (fault) {
            case 0:
                t.state = kthreadlab.state.TaskState.TASK_RUNNING;
                return "lost task";
            case 1:
                t.se.onRq = true;
                return "on_rq without a tree";
            case 2:
                t.onCpu = true;
                return "stray on_cpu";
            default:
                m.rqs[0].halted = true;
                m.rqs[0].cfs.nrRunning++;
                return "halted with work";
        }
    }

    /** True if the run stopped at a BUG (the same one both ways). */
    static boolean compare(String name, Scenario s) {
        Machine full = Boot.machine(s);
        Machine step = Boot.machine(s);
        Invariants fullCheck = new Invariants();
        Invariants stepCheck = new Invariants();
        while (true) {
            boolean a = full.step(s.until);
            boolean b = step.step(s.until);
            assertEquals(a, b, name);
            if (!a) {
                assertEquals(full.bug, step.bug, name);
                return full.bug != null;
            }
            fullCheck.check(full);
            stepCheck.checkStep(step);
            assertEquals(full.bug, step.bug, name + " at step " + full.steps);
            if (full.bug != null) {
                assertTrue(full.bug.startsWith("BUG: "), full.bug);
                return true;
            }
        }
    }
}
