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

    /** Kernel functions whose classes break the naming rule on purpose: function, classes, why. */
    static final String[][] EXCEPTIONS = {
        {"kthread", "kthread.KthreadFn", "`Kthread` is struct kthread (`state.Kthread`), so the thread "
            + "function kthread() takes `Fn`"},
        {"kernel_init_freeable", "init.main.BootThreads,init.main.WorkqueuesBoot", "one step machine per boot "
            + "profile, named after what it adds: `v5.15` (every boot kthread) and `workqueues` (workqueue_init() "
            + "only); `minimal` calls neither"},
        {"wait_task_inactive", "kthread.WaitTaskInactive", "a kernel/sched/core.c function kept beside its "
            + "callers (`__kthread_bind_mask`, `kthread_park`): it sleeps on an hrtimer armed through `time.timer`, which "
            + "calls schedule(), so in `sched.core` it would close an import cycle"},
    };

    /** The class the naming rule gives a function of `file`, package-relative ('.' for nesting). */
    static String ruleClass(String file, String function, String actual) {
        String camel = (function.startsWith("__") ? "__" : "") + upperCamel(function.replaceFirst("^_+", ""));
        if (file.startsWith("samples/")) {
            String pkg = file.substring(0, file.length() - ".c".length()).replace('/', '.');
            String outer = actual.startsWith(pkg + ".") ? actual.substring(pkg.length() + 1).split("\\.")[0] : "?";
            return pkg + "." + (outer.equals(camel) ? "" : outer + ".")
                + upperCamel(function.replaceFirst("_fn$", ""));
        }
        String pkg = file.equals("include/linux/kthread.h") ? "kthread"
            : file.replaceFirst("^kernel/", "").replaceFirst("\\.c$", "").replace('/', '.');
        return pkg + "." + camel;
    }

    private static String upperCamel(String cName) {
        StringBuilder sb = new StringBuilder();
        for (String w : cName.split("_")) {
            if (!w.isEmpty()) {
                sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
            }
        }
        return sb.toString();
    }

    /** One row: function, file, first line, class (package-relative, nested with '.'). */
    static String map() throws Exception {
        return map(null);
    }

    /** The map; each step machine's function, file and class are added to `steps` when it is not null. */
    static String map(List<String[]> steps) throws Exception {
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
                if (steps != null) {
                    steps.add(new String[] {code.function, code.file, cls});
                }
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
            .append("whose `Code` table and `step()` run it.\n\n")
            .append("Packages follow the C files: the path without `kernel/` and `.c`, `/` becoming `.` ")
            .append("(`kernel/sched/core.c` is `sched.core`, `init/main.c` is `init.main`; the include/linux/kthread.h ")
            .append("inlines are in `kthread`). One class per kernel function, named by one rule: the C name in ")
            .append("UpperCamelCase with a leading `__` kept as it is (`__schedule` is `__Schedule`, never `DoSchedule`: ")
            .append("`do_` names other functions in Linux; `__kthread_bind_mask` is `__KthreadBindMask`). The sample ")
            .append("modules' functions (samples/*.c, the project's own C) are nested classes of one class per file, ")
            .append("named by the same rule without a trailing `_fn`. This test fails on any other name or place ")
            .append("except these stated ones:\n\n");
        for (String[] e : EXCEPTIONS) {
            sb.append("- `").append(e[0]).append("` in `").append(e[1].replace(",", "` and `")).append("`: ")
                .append(e[2]).append(".\n");
        }
        sb.append("\nA new kernel function is a `Frame` subclass with its `Code` table in its C file's package, ")
            .append("named by this rule, its program counters named constants (as in `Kthreadd`); where a new pane or ")
            .append("a new what-if goes: NOTES.md, \"Where the code is\".\n\n")
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
    void everyStepMachineIsNamedAndPlacedByTheOneRule() throws Exception {
        List<String[]> steps = new ArrayList<>();
        map(steps);
        List<String> wrong = new ArrayList<>();
        List<String> used = new ArrayList<>();
        for (String[] s : steps) {
            String expected = ruleClass(s[1], s[0], s[2]);
            if (expected.equals(s[2])) {
                continue;
            }
            String exception = exceptionFor(s[0], s[2]);
            if (exception == null) {
                wrong.add(s[0] + " (" + s[1] + ") is " + s[2] + ", the rule says " + expected);
            } else {
                used.add(exception);
            }
        }
        assertEquals(List.of(), wrong, "rename or move these classes, or state the exception in EXCEPTIONS");
        for (String[] e : EXCEPTIONS) {
            assertTrue(used.contains(e[0]), "stale exception: " + e[0] + " now follows the rule");
        }
    }

    private static String exceptionFor(String function, String cls) {
        for (String[] e : EXCEPTIONS) {
            if (e[0].equals(function) && List.of(e[1].split(",")).contains(cls)) {
                return e[0];
            }
        }
        return null;
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
