package kthreadlab.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import kthreadlab.cli.Reports;
import kthreadlab.init.main.Boot;
import kthreadlab.scenario.Presets;
import kthreadlab.scenario.Scenario;
import kthreadlab.state.Kthread;
import kthreadlab.state.SchedEntity;
import kthreadlab.trace.Ftrace;
import kthreadlab.trace.TraceEvent;
import kthreadlab.trace.TraceLog;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** A copy of the machine at any step continues exactly as the original does: time travel relies on it. */
class CheckpointTest {
    static String rest(Machine m, Scenario s) {
        TraceLog log = new TraceLog();
        m.sink = log;
        StringBuilder sb = new StringBuilder();
        while (m.step(s.until)) {
            sb.append(Reports.stepLine(m)).append('\n');
        }
        List<TraceEvent> ev = log.events;
        return sb + Ftrace.format(ev, s.cpus) + Reports.ps(m);
    }

    @TestFactory
    List<DynamicTest> aCopyContinuesLikeTheOriginal() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Presets.Preset p : Presets.all()) {
            if (p.name.equals("many-threads")) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(p.name, () -> {
                Scenario s = p.scenario;
                for (int at : new int[] {1, 37, 250, 600}) {
                    Machine m = Boot.machine(s);
                    for (int i = 0; i < at && m.step(s.until); i++) {
                        // advance to the checkpoint
                    }
                    Machine copy = m.copy();
                    String original = rest(m, s);
                    String replay = rest(copy, s);
                    assertEquals(original, replay, p.name + " from step " + at);
                }
            }));
        }
        return tests;
    }

    /** Sets every instance field of o to a value unlike its default, then checks that copy() carries each one over. */
    private static <T> void copiesEveryField(T o, UnaryOperator<T> copy) throws IllegalAccessException {
        int n = 1;
        for (Field f : o.getClass().getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            n++;
            Class<?> t = f.getType();
            if (t == long.class) {
                f.setLong(o, 1000L + n);
            } else if (t == int.class) {
                f.setInt(o, 100 + n);
            } else if (t == boolean.class) {
                f.setBoolean(o, !f.getBoolean(o));
            } else if (t == String.class) {
                f.set(o, "field " + n);
            } else {
                throw new AssertionError(f + ": a field of a type this check does not know; copy it and extend the check");
            }
        }
        T c = copy.apply(o);
        for (Field f : o.getClass().getDeclaredFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                assertEquals(f.get(o), f.get(c), f.getName() + " is copied");
            }
        }
    }

    @Test
    void schedEntityAndKthreadCopiesCarryEveryField() throws IllegalAccessException {
        copiesEveryField(new SchedEntity(), SchedEntity::copy);
        copiesEveryField(new Kthread(), Kthread::copy);
    }
}
