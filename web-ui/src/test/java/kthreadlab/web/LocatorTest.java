package kthreadlab.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kthreadlab.init.main.Boot;
import kthreadlab.engine.Machine;
import kthreadlab.scenario.Presets;
import kthreadlab.snapshot.Snapshot;
import kthreadlab.source.Anchor;
import kthreadlab.source.Annotations;
import kthreadlab.source.Corpus;
import org.junit.jupiter.api.Test;

/** The page's fast line lookup agrees with Corpus.resolve everywhere it is used. Plain JVM. */
class LocatorTest {
    private static final Corpus CORPUS = Corpus.load();

    private static int expected(Anchor a) {
        try {
            return CORPUS.file(a.file()) == null ? 0 : CORPUS.resolve(a);
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }

    @Test
    void annotationAnchorsResolveLikeTheCorpus() {
        Locator loc = new Locator(CORPUS);
        int n = 0;
        for (String lang : new String[] {"en", "zh"}) {
            for (Anchor a : Annotations.load(lang).noteAnchors()) {
                assertEquals(expected(a), loc.line(a), a.key());
                n++;
            }
        }
        assertTrue(n > 100, "checked " + n + " anchors");
    }

    @Test
    void everyFrameOfEveryPresetResolvesLikeTheCorpus() {
        Locator loc = new Locator(CORPUS);
        int n = 0;
        for (Presets.Preset p : Presets.all()) {
            Machine m = Boot.machine(p.scenario);
            for (int step = 0; step < 6_000; step++) {
                if (step % 7 == 0) {
                    Snapshot s;
                    try {
                        s = Snapshot.of(m);
                    } catch (RuntimeException e) {
                        break;
                    }
                    for (Snapshot.TaskView t : s.tasks) {
                        for (Snapshot.FrameView f : t.frames) {
                            Anchor a = new Anchor(f.file, f.function, f.text, f.occurrence);
                            assertEquals(expected(a), loc.line(f), p.name + " step " + step + ": " + a.key());
                            n++;
                        }
                    }
                }
                try {
                    if (!m.step(p.scenario.until)) {
                        break;
                    }
                } catch (RuntimeException e) {
                    break;
                }
            }
        }
        assertTrue(n > 1000, "checked " + n + " frames");
    }
}
