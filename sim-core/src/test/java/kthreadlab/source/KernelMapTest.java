package kthreadlab.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import kthreadlab.engine.Code;
import org.junit.jupiter.api.Test;

/**
 * docs/kernel-map.md, the index from a kernel function to the class that simulates it and to its
 * line in the displayed source, is generated from the step machines' Code tables. This test
 * regenerates it and fails if the file in docs/ is not what the code says (update it on purpose:
 * ./mvnw -pl sim-core test -Dtest=KernelMapTest -Dkernelmap.update=true).
 */
class KernelMapTest {
    static final Path DOC = Path.of("../docs/kernel-map.md");

    /** One row: function, file, first line, class (package-relative, nested with '.'). */
    static String map() throws Exception {
        Corpus corpus = Corpus.load();
        Path classes = Path.of("target/classes");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(classes.resolve("kthreadlab"))) {
            s.filter(p -> p.toString().endsWith(".class")).sorted().forEach(files::add);
        }
        TreeMap<String, String> rows = new TreeMap<>();
        for (Path p : files) {
            String name = classes.relativize(p).toString().replace('/', '.').replace(".class", "");
            Class<?> c = Class.forName(name, false, KernelMapTest.class.getClassLoader());
            for (Field f : c.getDeclaredFields()) {
                if (f.getType() != Code.class || !Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                f.setAccessible(true);
                Code code = (Code) f.get(null);
                FunctionSpan span = corpus.function(code.file, code.function);
                assertTrue(span != null, code.file + ": no function " + code.function + " in the corpus");
                String cls = name.substring("kthreadlab.".length()).replace('$', '.');
                String key = code.file + "\u0000" + String.format("%06d", span.firstLine()) + "\u0000" + code.function;
                String row = "| `" + code.function + "` | " + code.file + ":" + span.firstLine() + " | `" + cls + "`";
                String had = rows.get(key);
                // a function shown by two step machines (boot profiles' variants of one function) lists both
                rows.put(key, had == null ? row : had.contains("`" + cls + "`") ? had : had + ", `" + cls + "`");
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append("# Kernel map\n\n")
            .append("Generated from the simulator's step machines by `KernelMapTest` (sim-core); do not edit by hand.\n")
            .append("After adding or moving a step machine: `./mvnw -pl sim-core test -Dtest=KernelMapTest ")
            .append("-Dkernelmap.update=true`.\n\n")
            .append("Each kernel function the simulator steps through, where it starts in the displayed source ")
            .append("(the corpus file's release, see NOTES.md), and the class under `sim-core/src/main/java/kthreadlab/` ")
            .append("whose `Code` table and `step()` run it. Packages follow the C files (`kernel/sched/core.c` is ")
            .append("`sched.core`); a class is the C name in UpperCamelCase, with a leading `__` kept as it is ")
            .append("(`__schedule` is `__Schedule`, never `DoSchedule`: `do_` names other functions in Linux).\n\n")
            .append("| function | source | class |\n|---|---|---|\n");
        for (String row : rows.values()) {
            sb.append(row).append(" |\n");
        }
        return sb.toString();
    }

    @Test
    void docsKernelMapIsTheOneTheCodeGives() throws Exception {
        String actual = map();
        if (Boolean.getBoolean("kernelmap.update")) {
            Files.writeString(DOC, actual, StandardCharsets.UTF_8);
            return;
        }
        assertTrue(Files.exists(DOC), "no " + DOC + " (create it with -Dkernelmap.update=true)");
        assertEquals(actual, Files.readString(DOC, StandardCharsets.UTF_8),
            "docs/kernel-map.md is stale: ./mvnw -pl sim-core test -Dtest=KernelMapTest -Dkernelmap.update=true");
    }

    @Test
    void theMapNamesTheFunctionsALearnerLooksFor() throws Exception {
        String map = map();
        for (String f : new String[] {"`try_to_wake_up`", "`__schedule`", "`kthread_bind`", "`__kthread_bind_mask`",
            "`kthread_should_stop`", "`kthread_should_park`", "`update_curr`", "`kernel_clone`"}) {
            assertTrue(map.contains("| " + f + " |"), f);
        }
        assertTrue(map.contains("`kthread.KthreadShouldPark`"), map);
    }
}
