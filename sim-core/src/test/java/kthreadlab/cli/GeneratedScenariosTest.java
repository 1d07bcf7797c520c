package kthreadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kthreadlab.engine.Rng;
import kthreadlab.scenario.Action;
import kthreadlab.scenario.Scenario;
import kthreadlab.scenario.ScenarioCheck;
import kthreadlab.scenario.ScenarioJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random valid scenarios, run through the command line: every one must either finish (exit 0) or
 * stop at a broken invariant (exit 3 with one "BUG: <what> (step N)" line), never throw. The
 * generator is seeded here, so a failure names a scenario that reproduces. The test command runs
 * 1,000; a longer run outside CI asks for more with -Dgenerated.scenarios=N (the first 1,000 are the
 * same scenarios).
 */
public class GeneratedScenariosTest {
    static final int SCENARIOS = Integer.getInteger("generated.scenarios", 1_000);
    static final String[] CREATORS = {"insmod", "modprobe", "rmmod"};
    static final String[] TARGET_OPS = {"wake_up_process", "kthread_bind", "kthread_stop", "kthread_park",
        "kthread_unpark"};

    /** A create the generator made: its name format, count, CPU (or -1) and time. */
    static final class Made {
        final String name;
        final int count;
        final int cpu;
        final long at;

        Made(String name, int count, int cpu, long at) {
            this.name = name;
            this.count = count;
            this.cpu = cpu;
            this.at = at;
        }
    }

    @Test
    void randomValidScenariosFinishOrStopAtANamedBug(@TempDir Path dir) throws Exception {
        Rng r = new Rng(0x6b7468726561646cL);
        int clean = 0;
        int bugs = 0;
        for (int i = 0; i < SCENARIOS; i++) {
            Scenario s = scenario(r, i);
            ScenarioCheck.check(s);
            String json = ScenarioJson.write(s);
            Path file = dir.resolve("s" + i + ".json");
            Files.writeString(file, json);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code;
            try {
                code = Main.run(new String[] {"run", file.toString(), "--format", "ps"},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("scenario " + i + " threw " + e + "\n" + json, e);
            }
            String msg = err.toString(StandardCharsets.UTF_8);
            if (code == 0) {
                assertEquals("", msg, json);
                clean++;
            } else if (code == 3) {
                assertTrue(msg.matches("BUG: \\S.* \\(step \\d+\\)\n"), "scenario " + i + ": " + msg + json);
                bugs++;
            } else {
                fail("scenario " + i + " exited " + code + ": " + msg + json);
            }
        }
        assertEquals(SCENARIOS, clean + bugs);
        System.out.println("generated scenarios: " + clean + " finished, " + bugs + " stopped at a BUG");
    }

    /**
     * An action due before init has exec()ed /sbin/init must wait for user space: its creator once
     * started with no kthreadd to wake (Machine.task(-1)) and no parent.
     */
    @Test
    void anActionDueDuringBootWaitsForUserSpace(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("boot.json");
        Files.writeString(file, "{\"version\":1,\"title\":\"t\",\"cpus\":2,\"until\":\"2ms\",\"actions\":[{\"at\":"
            + "\"10us\",\"by\":\"insmod\",\"op\":\"kthread_run\",\"name\":\"sleep/%d\",\"count\":24,"
            + "\"fn\":\"sleeper\",\"arg\":4}]}");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"run", file.toString(), "--format", "ps"},
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String ps = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(ps.contains("sleep/23"), ps);
    }

    public static Scenario scenario(Rng r, int i) {
        int cpus = 1 + r.nextInt(8);
        List<Integer> nohz = new ArrayList<>();
        for (int c = 1; c < cpus; c++) {
            if (r.nextInt(4) == 0) {
                nohz.add(c);
            }
        }
        int[] hz = ScenarioCheck.HZ;
        long until = (1 + r.nextInt(8)) * 1_000_000L;
        String preempt = ScenarioCheck.PREEMPT[r.nextInt(3)];
        String boot = r.nextInt(5) == 0 ? "v5.15" : "minimal";
        List<String> whatIf = new ArrayList<>();
        if (r.nextInt(6) == 0) {
            whatIf.add("no_preempt_disable");
        }
        r.nextInt(1000); // once the scenario's seed (it changed nothing); drawn so the scenarios stay the same
        return new Scenario("generated " + i, cpus, nohz, hz[r.nextInt(hz.length)], preempt, boot,
            until, actions(r, cpus, until), whatIf);
    }

    /** Actions in time order, from 0 to until; targets name threads created earlier (or not at all, by a fault). */
    static List<Action> actions(Rng r, int cpus, long until) {
        int n = r.nextInt(7);
        long[] at = new long[n];
        for (int k = 0; k < n; k++) {
            at[k] = r.nextInt(4) == 0 ? 0 : Long.remainderUnsigned(r.nextLong(), until + 1);
        }
        java.util.Arrays.sort(at);
        List<Made> made = new ArrayList<>();
        List<String> by = new ArrayList<>();
        List<Action> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            String creator = CREATORS[r.nextInt(CREATORS.length)];
            int kind = r.nextInt(10);
            if (kind == 0 && !by.isEmpty()) {
                out.add(new Action(at[k], null, "sigkill", null, 1, null, 0, -1, by.get(r.nextInt(by.size())), ""));
                continue;
            }
            by.add(creator);
            if (kind < 5 || made.isEmpty()) {
                out.add(create(r, cpus, at[k], creator, k, made));
            } else {
                out.add(targetOp(r, cpus, at[k], creator, made));
            }
        }
        return out;
    }

    static Action create(Rng r, int cpus, long at, String by, int k, List<Made> made) {
        String op = r.nextInt(2) == 0 ? "kthread_run" : "kthread_create";
        String fn = Action.FNS[r.nextInt(Action.FNS.length)];
        String fail = r.nextInt(5) == 0 ? Action.FAILS[1 + r.nextInt(Action.FAILS.length - 1)] : "";
        long arg = r.nextInt(20);
        if (r.nextInt(4) == 0) {
            int cpu = r.nextInt(cpus);
            String name = "pc" + k + "/%u";
            made.add(new Made(name, 1, cpu, at));
            return new Action(at, by, op, name, 1, fn, arg, cpu, null, fail);
        }
        int count = r.nextInt(3) == 0 ? 1 + r.nextInt(30) : 1 + r.nextInt(4);
        String name = "t" + k + "/%d";
        made.add(new Made(name, count, -1, at));
        return new Action(at, by, op, name, count, fn, arg, -1, null, fail);
    }

    static Action targetOp(Rng r, int cpus, long at, String by, List<Made> made) {
        Made m = made.get(r.nextInt(made.size()));
        String op = TARGET_OPS[r.nextInt(TARGET_OPS.length)];
        int cpu = op.equals("kthread_bind") ? r.nextInt(cpus) : -1;
        if (m.cpu >= 0) {
            return new Action(at, by, op, null, 1, null, 0, cpu, m.name.replace("%u", Integer.toString(m.cpu)), "");
        }
        if (m.count > 1 && r.nextInt(2) == 0) {
            return new Action(at, by, op, null, 2 + r.nextInt(m.count - 1), null, 0, cpu, m.name, "");
        }
        return new Action(at, by, op, null, 1, null, 0, cpu, m.name.replace("%d",
            Integer.toString(r.nextInt(m.count))), "");
    }
}
