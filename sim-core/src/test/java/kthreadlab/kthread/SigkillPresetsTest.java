package kthreadlab.kthread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import kthreadlab.cli.Main;
import kthreadlab.engine.SimRun;
import kthreadlab.snapshot.Snapshot;
import kthreadlab.trace.TraceEvent;
import org.junit.jupiter.api.Test;

/** The SIGKILL presets take the branches of __kthread_create_on_node (kernel/kthread.c:379-397) they describe. */
class SigkillPresetsTest {
    /** The lines the creator (pid 3) executes, from `run --preset NAME --format steps`. */
    static String creatorSteps(String preset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"run", "--preset", preset, "--format", "steps"},
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        assertEquals(0, code);
        StringBuilder sb = new StringBuilder();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            String[] f = line.split("\t");
            if (f.length >= 6 && f[3].endsWith("-3") && f[4].equals("__kthread_create_on_node")) {
                sb.append(f[5]).append('\n');
            }
        }
        return sb.toString();
    }

    /** The record right after the SIGKILL's signal_generate, and whether the creator was asleep in D then. */
    static void assertSignalWakesASleepingCreator(String preset) {
        List<TraceEvent> ev = SimRun.preset(preset).tracepoints();
        String lastCreatorSwitch = "";
        for (int i = 0; i < ev.size(); i++) {
            TraceEvent e = ev.get(i);
            if (e.name.equals("sched_switch") && e.args.startsWith("prev_comm=insmod")) {
                lastCreatorSwitch = e.args;
            }
            if (e.name.equals("sched_switch") && e.args.contains("next_comm=insmod ")) {
                lastCreatorSwitch = "";
            }
            if (e.name.equals("signal_generate")) {
                assertTrue(e.args.matches("sig=9 errno=0 code=0 comm=insmod pid=3 grp=1 res=0"), e.args);
                assertTrue(lastCreatorSwitch.contains("prev_state=D"), preset + ": asleep in D: " + lastCreatorSwitch);
                TraceEvent next = ev.get(i + 1);
                assertEquals("sched_waking", next.name);
                assertTrue(next.args.startsWith("comm=insmod pid=3 "), next.args);
                return;
            }
        }
        throw new AssertionError(preset + ": no signal_generate in the trace");
    }

    /**
     * kernel/kthread.c:384 wait_for_completion_killable(&done) returns -ERESTARTSYS when the signal
     * wakes the sleeping creator; :390 xchg(&create->done, NULL) still finds done (kthread() has not
     * taken it), so :391 returns ERR_PTR(-EINTR).
     */
    @Test
    void sigkillEarlyWakesTheSleepingCreatorWhichReturnsEintr() {
        assertSignalWakesASleepingCreator("sigkill-early");
        String steps = creatorSteps("sigkill-early");
        assertTrue(steps.contains("if (xchg(&create->done, NULL))\nreturn ERR_PTR(-EINTR);\n"), steps);
    }

    /**
     * kthread() took create->done first (kernel/kthread.c:285), so the woken creator's xchg (:390)
     * returns NULL and it waits at :396 wait_for_completion(&done) for the thread, which then
     * completes it; the creator goes on with the task before it dies.
     */
    @Test
    void sigkillLateWaitsForTheThreadAfterXchgReturnsNull() {
        assertSignalWakesASleepingCreator("sigkill-late");
        String steps = creatorSteps("sigkill-late");
        assertTrue(steps.contains("if (xchg(&create->done, NULL))\nwait_for_completion(&done);\ntask = create->result;\n"),
            steps);
    }

    /** The page marks a task with a pending SIGKILL: the snapshot carries it. */
    @Test
    void theSnapshotShowsThePendingSignal() {
        kthreadlab.engine.Machine m = kthreadlab.init.main.Boot.machine(
            kthreadlab.scenario.Presets.get("sigkill-late").scenario);
        boolean seen = false;
        while (!seen && m.step(m.scenario.until)) {
            for (Snapshot.TaskView t : Snapshot.of(m).tasks) {
                if (t.comm.equals("insmod") && t.pendingSignals.equals("SIGKILL")) {
                    seen = true;
                }
            }
        }
        assertTrue(seen, "insmod shows SIGKILL pending while it finishes");
    }
}
