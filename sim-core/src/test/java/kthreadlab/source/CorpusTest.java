// SPDX-License-Identifier: GPL-2.0-only
package kthreadlab.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CorpusTest {
    private static final Corpus CORPUS = Corpus.load();

    @Test
    void everyFileLoadsWithVersionIncreasingNumbersAndSpdx() {
        assertTrue(CORPUS.files().size() >= 5, "index lists the corpus files");
        for (SourceFile f : CORPUS.files()) {
            assertFalse(f.version().isEmpty(), f.path() + " has a version");
            assertFalse(f.lines().isEmpty(), f.path() + " has lines");
            int last = 0;
            for (SourceLine l : f.lines()) {
                assertTrue(l.number() > last, f.path() + ": " + l.number() + " after " + last);
                last = l.number();
            }
            boolean spdx = false;
            for (SourceLine l : f.lines()) {
                if (l.number() <= 2 && l.text().contains("SPDX-License-Identifier")) {
                    spdx = true;
                }
            }
            assertTrue(spdx, f.path() + " shows its SPDX line as line 1 or 2");
        }
        assertNotNull(CORPUS.file("samples/kthdemo.c"));
        assertNull(CORPUS.file("kernel/nope.c"));
    }

    @Test
    void definitionsAreDerivedFromTheText() {
        FunctionSpan kthreadd = CORPUS.function("kernel/kthread.c", "kthreadd");
        assertEquals(657, kthreadd.firstLine());
        assertEquals(693, kthreadd.lastLine());
        FunctionSpan info = CORPUS.function("kernel/kthread.c", "struct kthread_create_info");
        assertEquals("struct", info.kind());
        assertEquals(38, info.firstLine());
        assertEquals(50, info.lastLine());
        FunctionSpan node = CORPUS.function("kernel/kthread.c", "__kthread_create_on_node");
        assertEquals(356, node.firstLine(), "starts at 'static __printf(4, 0)'");
        FunctionSpan run = CORPUS.function("include/linux/kthread.h", "kthread_run");
        assertEquals(50, run.firstLine());
        assertEquals(57, run.lastLine());
        assertEquals("kernel/fork.c", CORPUS.findDefinition("kernel_clone").file());
        assertEquals(271, CORPUS.findDefinition("kthread").firstLine(), "the function before the struct");
        assertEquals(52, CORPUS.function("kernel/kthread.c", "struct kthread").firstLine());
        assertEquals(38, CORPUS.findDefinition("kthread_create_info").firstLine());
        assertEquals("kthread", CORPUS.file("kernel/kthread.c").functionAt(300).name());
        assertNull(CORPUS.findDefinition("no_such_function"));
        assertEquals("int kthreadd(void *unused)", CORPUS.file("kernel/kthread.c").text(657));
        assertNull(CORPUS.file("kernel/kthread.c").text(20), "folded line");
    }

    @Test
    void workqueueDefinitionsSkipLockAnnotationsAndKeepTheirLines() {
        SourceFile wq = CORPUS.file("kernel/workqueue.c");
        assertEquals("v5.15.178", wq.version().substring(0, "v5.15.178".length()));
        FunctionSpan pow = CORPUS.function("kernel/workqueue.c", "process_one_work");
        assertEquals(2202, pow.firstLine(), "named by its signature, not by __acquires(&pool->lock)");
        assertEquals(2354, pow.lastLine());
        assertEquals(2117, CORPUS.function("kernel/workqueue.c", "maybe_create_worker").firstLine());
        assertNull(CORPUS.function("kernel/workqueue.c", "__acquires"));
        assertEquals(2399, CORPUS.findDefinition("worker_thread").firstLine());
        assertEquals(2310, CORPUS.resolve(new Anchor("kernel/workqueue.c", "process_one_work",
                "worker->current_func(work);")));
        assertEquals(1970, CORPUS.resolve(new Anchor("kernel/workqueue.c", "create_worker",
                "worker->task = kthread_create_on_node(worker_thread, worker, pool->node,")));
        assertEquals("struct", CORPUS.function("kernel/workqueue.c", "struct worker_pool").kind());
    }

    @Test
    void resolveFindsExactlyOneLine() {
        assertEquals(671, CORPUS.resolve(new Anchor("kernel/kthread.c", "kthreadd",
                "set_current_state(TASK_INTERRUPTIBLE);")));
        assertEquals(336, CORPUS.resolve(new Anchor("kernel/kthread.c", "create_kthread", "  int pid;  ")));
    }

    @Test
    void resolveThrowsForNoneOrSeveralMatches() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> CORPUS.resolve(new Anchor("kernel/kthread.c", "kthreadd", "schedule_timeout(1);")));
        assertTrue(none.getMessage().contains("matches no line"), none.getMessage());
        IllegalArgumentException several = assertThrows(IllegalArgumentException.class,
                () -> CORPUS.resolve(new Anchor("kernel/kthread.c", "kthreadd", "spin_lock(&kthread_create_lock);")));
        assertTrue(several.getMessage().contains("matches 2 lines"), several.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> CORPUS.resolve(new Anchor("kernel/kthread.c", "no_such_fn", "return 0;")));
        assertEquals(676, CORPUS.resolve(new Anchor("kernel/kthread.c", "kthreadd", "spin_lock(&kthread_create_lock); @1")));
        assertEquals(687, CORPUS.resolve(new Anchor("kernel/kthread.c", "kthreadd", "spin_lock(&kthread_create_lock);", 2)));
        assertThrows(IllegalArgumentException.class,
                () -> CORPUS.resolve(new Anchor("kernel/kthread.c", "kthreadd", "spin_lock(&kthread_create_lock); @3")));
        assertThrows(IllegalArgumentException.class,
                () -> CORPUS.resolve(new Anchor("kernel/none.c", "kthreadd", "return 0;")));
    }

    @Test
    void parseRejectsBrokenFiles() {
        List<String> raw = new ArrayList<>();
        raw.add("# version: v5.15");
        raw.add("5\ta");
        raw.add("5\tb");
        assertThrows(IllegalArgumentException.class, () -> SourceFile.parse("x.c", raw));
        List<String> noVersion = new ArrayList<>();
        noVersion.add("1\ta");
        assertThrows(IllegalArgumentException.class, () -> SourceFile.parse("y.c", noVersion));
    }

    @Test
    void sampleModuleIsNumberedFromOneWithUniqueStatementsAndEveryCall() {
        SourceFile demo = CORPUS.file("samples/kthdemo.c");
        assertTrue(demo.version().startsWith("kthreadlab"));
        int n = 1;
        for (SourceLine l : demo.lines()) {
            assertEquals(n++, l.number(), "no gaps in our sample");
        }
        String[] calls = {"kthread_run(", "kthread_create(", "kthread_create_on_cpu(", "wake_up_process(",
            "kthread_bind(", "kthread_park(", "kthread_unpark(", "kthread_stop("};
        for (String c : calls) {
            boolean seen = false;
            for (SourceLine l : demo.lines()) {
                seen |= l.text().contains(c);
            }
            assertTrue(seen, "sample calls " + c);
        }
        String[] fns = {"sleeper_fn", "spinner_fn", "percpu_fn", "oneshot_fn", "worker_fn", "kthdemo_init", "kthdemo_exit"};
        for (String fn : fns) {
            FunctionSpan span = demo.function(fn);
            assertNotNull(span, fn);
            Set<String> seen = new LinkedHashSet<>();
            for (SourceLine l : demo.lines()) {
                String t = l.text().trim();
                if (!span.contains(l.number()) || !t.endsWith(";") || t.startsWith("for (")) {
                    continue;
                }
                assertTrue(seen.add(t), fn + ": statement line is not unique: " + t);
            }
        }
    }
}
