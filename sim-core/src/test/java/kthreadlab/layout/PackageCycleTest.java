package kthreadlab.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages of sim-core's main sources form no cycle: every reference from one package to
 * another (an import or a fully qualified name) points down the layers, never back up.
 */
class PackageCycleTest {
    private static final Path MAIN = Paths.get("src/main/java");
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
    /** `import kthreadlab.a.b.C;` or a qualified use `kthreadlab.a.b.C` in code: the package is what precedes the class. */
    private static final Pattern REFERENCE = Pattern.compile("\\b(kthreadlab(?:\\.[a-z_][\\w]*)+)\\.[A-Z_]\\w*");

    /** Package name -> the other sim-core packages its sources refer to. */
    static Map<String, Set<String>> graph() throws IOException {
        Map<String, Set<String>> g = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(MAIN)) {
            files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        for (Path p : files) {
            String src = stripComments(Files.readString(p));
            Matcher pm = PACKAGE.matcher(src);
            assertTrue(pm.find(), "no package declaration in " + p);
            String pkg = pm.group(1);
            Set<String> out = g.computeIfAbsent(pkg, k -> new TreeSet<>());
            Matcher rm = REFERENCE.matcher(src);
            while (rm.find()) {
                if (!rm.group(1).equals(pkg)) {
                    out.add(rm.group(1));
                }
            }
        }
        return g;
    }

    private static String stripComments(String src) {
        return src.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
    }

    /** Strongly connected components with more than one package (Tarjan), each sorted. */
    static List<Set<String>> cycles(Map<String, Set<String>> g) {
        List<Set<String>> found = new ArrayList<>();
        Map<String, Integer> index = new TreeMap<>();
        Map<String, Integer> low = new TreeMap<>();
        List<String> stack = new ArrayList<>();
        for (String v : g.keySet()) {
            if (!index.containsKey(v)) {
                connect(v, g, index, low, stack, found);
            }
        }
        return found;
    }

    private static void connect(String v, Map<String, Set<String>> g, Map<String, Integer> index,
            Map<String, Integer> low, List<String> stack, List<Set<String>> found) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.add(v);
        for (String w : g.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, g, index, low, stack, found);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (stack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> scc = new TreeSet<>();
            String w;
            do {
                w = stack.remove(stack.size() - 1);
                scc.add(w);
            } while (!w.equals(v));
            if (scc.size() > 1) {
                found.add(scc);
            }
        }
    }

    @Test
    void noPackageCycle() throws IOException {
        Map<String, Set<String>> g = graph();
        assertTrue(g.size() > 10, "found only " + g.keySet());
        StringBuilder why = new StringBuilder();
        for (Set<String> scc : cycles(g)) {
            why.append("\ncycle: ").append(scc);
            for (String p : scc) {
                Set<String> in = new TreeSet<>(g.get(p));
                in.retainAll(scc);
                why.append("\n  ").append(p).append(" -> ").append(in);
            }
        }
        assertEquals("", why.toString(), "package cycles in sim-core");
    }

    @Test
    void detectsACycle() {
        Map<String, Set<String>> g = new TreeMap<>();
        g.put("a", Set.of("b"));
        g.put("b", Set.of("c"));
        g.put("c", Set.of("a"));
        g.put("d", Set.of("a"));
        assertEquals(List.of(Set.of("a", "b", "c")), cycles(g));
    }

    @Test
    void engineAndFormattingStayBelowTheKernel() throws IOException {
        Map<String, Set<String>> g = graph();
        assertEquals(Set.of(), g.get("kthreadlab.format"), "format imports nothing");
        Set<String> engine = new TreeSet<>(g.get("kthreadlab.engine"));
        engine.removeAll(Set.of("kthreadlab.state", "kthreadlab.scenario", "kthreadlab.trace", "kthreadlab.format"));
        assertEquals(Set.of(), engine, "engine reaches the kernel only through Hooks");
        for (String view : List.of("kthreadlab.scenario", "kthreadlab.trace")) {
            for (String dep : g.get(view)) {
                assertTrue(Set.of("kthreadlab.scenario", "kthreadlab.trace", "kthreadlab.format").contains(dep),
                    view + " imports " + dep);
            }
        }
    }
}
