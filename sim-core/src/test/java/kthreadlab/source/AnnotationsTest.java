// SPDX-License-Identifier: GPL-2.0-only
package kthreadlab.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnnotationsTest {
    private static final Corpus CORPUS = Corpus.load();
    private static final Annotations ZH = Annotations.load("zh");
    private static final Annotations EN = Annotations.load("en");

    @Test
    void bothLanguagesHaveTheSameKeys() {
        List<String> onlyZh = new ArrayList<>(ZH.keys());
        onlyZh.removeAll(EN.keys());
        List<String> onlyEn = new ArrayList<>(EN.keys());
        onlyEn.removeAll(ZH.keys());
        assertTrue(onlyZh.isEmpty(), "only in zh: " + onlyZh);
        assertTrue(onlyEn.isEmpty(), "only in en: " + onlyEn);
        assertEquals(new ArrayList<>(ZH.keys()), new ArrayList<>(EN.keys()), "same order");
    }

    @Test
    void everyLineNoteResolvesToExactlyOneLine() {
        for (Anchor a : EN.noteAnchors()) {
            CORPUS.resolve(a);
            assertFalse(EN.note(a).isEmpty(), "empty en note " + a);
            assertFalse(ZH.note(a).isEmpty(), "empty zh note " + a);
        }
    }

    @Test
    void everyPurposeNamesARealDefinitionAndEveryDefinitionHasOne() {
        for (String k : EN.purposeKeys()) {
            int bar = k.indexOf(" | ");
            assertNotNull(CORPUS.function(k.substring(0, bar), k.substring(bar + 3)), "purpose for unknown " + k);
        }
        for (SourceFile f : CORPUS.files()) {
            for (FunctionSpan s : f.functions()) {
                if (f.path().equals("samples/kthdemo.c") && s.name().equals("NR_SLEEPERS")) {
                    continue;
                }
                assertNotNull(EN.purpose(f.path(), s.key()), "no en purpose for " + s);
                assertNotNull(ZH.purpose(f.path(), s.key()), "no zh purpose for " + s);
            }
        }
    }

    @Test
    void seedQuestionsAreAnsweredAtTheirLines() {
        String[][] at = {
            {"kernel/kthread.c", "kthreadd", "set_current_state(TASK_INTERRUPTIBLE);"},
            {"kernel/fork.c", "kernel_thread", ".stack\t\t= (unsigned long)fn,"},
            {"kernel/kthread.c", "kthread", "preempt_disable();"},
            {"kernel/kthread.c", "kthread", "done = xchg(&create->done, NULL);"},
            {"kernel/kthread.c", "__kthread_create_on_node", "set_task_comm(task, name);"},
            {"kernel/kthread.c", "__kthread_create_on_node", "housekeeping_cpumask(HK_FLAG_KTHREAD));"},
            {"kernel/fork.c", "kernel_clone", "wake_up_new_task(p);"},
            {"kernel/workqueue.c", "create_worker", "snprintf(id_buf, sizeof(id_buf), \"%d:%d%s\", pool->cpu, id,"},
            {"kernel/workqueue.c", "wq_worker_sleeping", "if (atomic_dec_and_test(&pool->nr_running) &&"},
            {"kernel/workqueue.c", "init_rescuer", "if (!(wq->flags & WQ_MEM_RECLAIM))"},
            {"kernel/workqueue.c", "worker_thread", "schedule();"},
        };
        for (String[] a : at) {
            Anchor anchor = new Anchor(a[0], a[1], a[2]);
            assertNotNull(EN.note(anchor), "en note at " + anchor);
            assertNotNull(ZH.note(anchor), "zh note at " + anchor);
        }
    }

    @Test
    void rejectsUnknownLanguageAndBrokenHeaders() {
        assertThrows(IllegalArgumentException.class, () -> Annotations.load("fr"));
        List<String> raw = new ArrayList<>();
        raw.add("-- kernel/kthread.c | kthreadd");
        raw.add("text");
        assertThrows(IllegalArgumentException.class, () -> Annotations.parse("en", raw));
    }
}
