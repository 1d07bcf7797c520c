package kthreadlab.source;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import kthreadlab.engine.Code;
import kthreadlab.engine.Machine;
import kthreadlab.init.main.Boot;
import kthreadlab.scenario.Presets;
import org.junit.jupiter.api.Test;

/**
 * Every line a simulated function can stop at resolves to exactly one line of the displayed source,
 * and every modelled function has its source in the corpus. Nothing in the simulator names a line
 * number: this test is what ties the two together.
 */
class AnchorTest {
    /** Every Code table of the simulator, found as static Code fields of its classes. */
    static List<Code> allCode() throws IOException, ClassNotFoundException, IllegalAccessException {
        Path classes = Path.of("target/classes");
        List<Code> out = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(classes.resolve("kthreadlab"))) {
            s.filter(p -> p.toString().endsWith(".class")).sorted().forEach(files::add);
        }
        for (Path p : files) {
            String name = classes.relativize(p).toString().replace('/', '.').replace(".class", "");
            Class<?> c = Class.forName(name, false, AnchorTest.class.getClassLoader());
            for (Field f : c.getDeclaredFields()) {
                if (f.getType() == Code.class && Modifier.isStatic(f.getModifiers())) {
                    f.setAccessible(true);
                    out.add((Code) f.get(null));
                }
            }
        }
        return out;
    }

    @Test
    void everyAnchorResolvesToExactlyOneLine() throws Exception {
        Corpus corpus = Corpus.load();
        List<Code> codes = allCode();
        assertTrue(codes.size() > 40, "found only " + codes.size() + " step machines");
        Set<String> problems = new LinkedHashSet<>();
        for (Code c : codes) {
            for (int pc = 0; pc < c.size(); pc++) {
                try {
                    corpus.resolve(new Anchor(c.file, c.function, c.text(pc), c.occurrence(pc)));
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
            }
        }
        assertTrue(problems.isEmpty(), problems.size() + " anchors do not resolve:\n" + String.join("\n", problems));
    }

    /** Each line where the simulator stops says, in both languages, what changes there. */
    @Test
    void everyLineTheSimulatorStopsAtHasANoteInBothLanguages() throws Exception {
        Corpus corpus = Corpus.load();
        Set<String> missing = new LinkedHashSet<>();
        for (String lang : new String[] {"en", "zh"}) {
            Set<String> noted = new java.util.HashSet<>();
            for (Anchor a : Annotations.load(lang).noteAnchors()) {
                noted.add(a.file() + ":" + corpus.resolve(a));
            }
            for (Code c : allCode()) {
                for (int pc = 0; pc < c.size(); pc++) {
                    int line = corpus.resolve(new Anchor(c.file, c.function, c.text(pc), c.occurrence(pc)));
                    if (!noted.contains(c.file + ":" + line)) {
                        missing.add(lang + " " + c.file + ":" + line + " " + c.function + ": " + c.text(pc));
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), missing.size() + " lines have no note:\n" + String.join("\n", missing));
    }

    @Test
    void everyStepOfEveryPresetNamesALineOfTheCorpus() {
        Corpus corpus = Corpus.load();
        Set<String> problems = new LinkedHashSet<>();
        for (Presets.Preset p : Presets.all()) {
            Machine m = Boot.machine(p.scenario);
            while (m.step(p.scenario.until) && problems.size() < 20) {
                try {
                    corpus.resolve(new Anchor(m.lastFile, m.lastFunction, m.lastText, m.lastOccurrence));
                } catch (IllegalArgumentException e) {
                    problems.add(p.name + ": " + e.getMessage());
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
