package kthreadlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import kthreadlab.cli.GeneratedScenariosTest;
import kthreadlab.init.main.Boot;
import kthreadlab.scenario.Presets;
import kthreadlab.scenario.Scenario;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Checkpoints share the tasks the machine has not touched since the previous checkpoint, and the
 * completions and create infos that are as they were then (Machine.checkpoint): each checkpoint,
 * field by field, equals a full copy made at the same step. This fails when a step changes a task
 * without touching it, or when a shared completion or create info differs from the machine's. And
 * a replay copy of a checkpoint (Machine.replayCopy: it shares the checkpoint's tasks, completions
 * and create infos until it first reaches each), stepped on, ends equal to a full copy stepped as
 * far, and leaves the checkpoint as it was.
 */
class CheckpointSharingTest {
    /** Steps between checkpoints, and the steps checked of each preset. */
    private static final int EVERY = 16;
    private static final int STEPS = 40_000;

    /** Every REPLAY-th checkpoint is also replayed EVERY steps (see replay). */
    private static final int REPLAY = 4;

    /** Generated scenarios checked (GeneratedScenariosTest's generator, its own seed). */
    private static final int GENERATED = 200;

    @TestFactory
    List<DynamicTest> aCheckpointEqualsAFullCopy() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Presets.Preset p : Presets.all()) {
            tests.add(DynamicTest.dynamicTest(p.name, () -> {
                int[] shared = check(p.name, p.scenario);
                if (p.name.equals("many-threads")) {
                    assertTrue(shared[0] > 0, "many-threads' checkpoints share some tasks");
                    assertTrue(shared[1] > 0, "many-threads' checkpoints share some create infos");
                }
            }));
        }
        return tests;
    }

    /** The same over generated scenarios: signals, binds, parks and stops at random times, 1 to 8 CPUs. */
    @Test
    void generatedScenariosToo() throws IllegalAccessException {
        Rng r = new Rng(0x7368617265L);
        int shared = 0;
        for (int i = 0; i < GENERATED; i++) {
            shared += check("generated " + i, GeneratedScenariosTest.scenario(r, i))[0];
        }
        assertTrue(shared > 0, "generated scenarios' checkpoints share some tasks");
    }

    /**
     * Checks every EVERY-th step's checkpoint of `s` up to STEPS; returns how many tasks and how
     * many create infos were shared.
     */
    private static int[] check(String name, Scenario s) throws IllegalAccessException {
        Machine m = Boot.machine(s);
        Machine earlier = m.checkpoint(null);
        int[] shared = new int[2];
        for (int n = 1; n <= STEPS && m.step(s.until); n++) {
            if (n % EVERY != 0) {
                continue;
            }
            Machine c = m.checkpoint(earlier);
            Machine full = m.copy();
            if (n % (EVERY * REPLAY) == 0) {
                replay(c, full, s, name + " replay from step " + n);
            }
            assertEquals(full.tasks.size(), c.tasks.size());
            for (int i = 0; i < c.tasks.size(); i++) {
                same(full.tasks.get(i), c.tasks.get(i), name + " step " + n + " task " + i);
                if (i < earlier.tasks.size() && c.tasks.get(i) == earlier.tasks.get(i)) {
                    shared[0]++;
                }
            }
            same(full.completions, c.completions, name + " step " + n + " completions");
            same(full.createInfos, c.createInfos, name + " step " + n + " create infos");
            for (int i = 0; i < c.createInfos.size() && i < earlier.createInfos.size(); i++) {
                shared[1] += c.createInfos.get(i) == earlier.createInfos.get(i) ? 1 : 0;
            }
            earlier = c;
        }
        return shared;
    }

    /**
     * Steps a replay copy of checkpoint c and a full copy of c EVERY steps each: their tasks,
     * completions and create infos end equal, and c's still equal `asTaken` (a full copy made with c).
     */
    private static void replay(Machine c, Machine asTaken, Scenario s, String where) throws IllegalAccessException {
        Machine r = c.replayCopy();
        Machine f = c.copy();
        for (int k = 0; k < EVERY; k++) {
            boolean more = f.step(s.until);
            assertEquals(more, r.step(s.until), where + ": the replay copy and the full copy end together");
            if (!more) {
                break;
            }
        }
        same(f.tasks, r.tasks, where + ", replayed tasks");
        same(f.completions, r.completions, where + ", replayed completions");
        same(f.createInfos, r.createInfos, where + ", replayed create infos");
        same(asTaken.tasks, c.tasks, where + ", the checkpoint after the replay");
        same(asTaken.createInfos, c.createInfos, where + ", the checkpoint's create infos after the replay");
        same(asTaken.completions, c.completions, where + ", the checkpoint's completions after the replay");
    }

    /** a and b hold the same values, field by field, down to primitives and strings (TaskStruct.touchEpoch aside). */
    private static void same(Object a, Object b, String where) throws IllegalAccessException {
        if (a == b) {
            return;
        }
        if (a == null || b == null || a.getClass() != b.getClass()) {
            fail(where + ": " + a + " vs " + b);
        }
        Class<?> k = a.getClass();
        if (k == String.class || k.isEnum() || a instanceof Number || a instanceof Boolean || a instanceof Character) {
            assertEquals(a, b, where);
            return;
        }
        if (k.isArray()) {
            assertEquals(Array.getLength(a), Array.getLength(b), where + " length");
            for (int i = 0; i < Array.getLength(a); i++) {
                same(Array.get(a, i), Array.get(b, i), where + "[" + i + "]");
            }
            return;
        }
        if (a instanceof Map) {
            same(new ArrayList<>(((Map<?, ?>) a).entrySet()), new ArrayList<>(((Map<?, ?>) b).entrySet()), where);
            return;
        }
        if (a instanceof Map.Entry) {
            same(((Map.Entry<?, ?>) a).getKey(), ((Map.Entry<?, ?>) b).getKey(), where + " key");
            same(((Map.Entry<?, ?>) a).getValue(), ((Map.Entry<?, ?>) b).getValue(), where + " value");
            return;
        }
        if (a instanceof Iterable) {
            Iterator<?> x = ((Iterable<?>) a).iterator();
            Iterator<?> y = ((Iterable<?>) b).iterator();
            int i = 0;
            while (x.hasNext() && y.hasNext()) {
                same(x.next(), y.next(), where + "[" + i++ + "]");
            }
            assertEquals(x.hasNext(), y.hasNext(), where + " size");
            return;
        }
        for (Class<?> c = k; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || c == TaskStruct.class && f.getName().equals("touchEpoch")) {
                    continue;
                }
                f.setAccessible(true);
                Class<?> t = f.getType();
                if (t.isPrimitive()) {
                    assertEquals(f.get(a), f.get(b), where + " ." + f.getName());
                } else {
                    same(f.get(a), f.get(b), where + " ." + f.getName());
                }
            }
        }
    }
}
