package kthreadlab.js;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import kthreadlab.cli.TraceDump;
import kthreadlab.scenario.Presets;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every preset gives the same steps, trace, API results and ps on the JVM and compiled to JavaScript. */
class NodeDeterminismTest {
    static String node(String... args) throws IOException, InterruptedException {
        String bundle = new File(System.getProperty("kthreadlab.nodeBundle", "target/node/kthreadlab-node.js"))
            .getAbsolutePath();
        assertTrue(new File(bundle).isFile(), "no Node bundle at " + bundle);
        StringBuilder js = new StringBuilder("require(").append(quote(bundle)).append(").main([");
        for (int i = 0; i < args.length; i++) {
            js.append(i > 0 ? "," : "").append(quote(args[i]));
        }
        js.append("]);");
        Process p = new ProcessBuilder("node", "-e", js.toString()).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        assertEquals(0, p.waitFor(), "node exited with an error: " + out.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    @TestFactory
    List<DynamicTest> jvmAndJavaScriptTracesAreIdentical() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Presets.Preset p : Presets.all()) {
            tests.add(DynamicTest.dynamicTest(p.name, () -> {
                String jvm = TraceDump.preset(p.name);
                String js = node("dump", p.name);
                if (!jvm.equals(js)) {
                    assertEquals(firstDifference(jvm, js), "", p.name + ": JVM and JavaScript differ");
                }
            }));
        }
        return tests;
    }

    @org.junit.jupiter.api.Test
    void scenarioAndLinkCodecsAgree() throws Exception {
        String jvm = kthreadlab.scenario.CodecDump.dump();
        String js = node("codecs");
        assertEquals("", jvm.equals(js) ? "" : firstDifference(jvm, js));
    }

    @org.junit.jupiter.api.Test
    void perfettoExportsAgree() throws Exception {
        for (String preset : new String[] {"seed", "run-stop", "sigkill-late"}) {
            String jvm = NodeMain.chrome(preset) + "\n";
            String js = node("chrome", preset);
            assertEquals("", jvm.equals(js) ? "" : firstDifference(jvm, js), preset);
        }
    }

    /** The first differing line, with its number, to keep a failure readable. */
    static String firstDifference(String a, String b) {
        String[] x = a.split("\n", -1);
        String[] y = b.split("\n", -1);
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String l = i < x.length ? x[i] : "<end>";
            String r = i < y.length ? y[i] : "<end>";
            if (!l.equals(r)) {
                return "line " + (i + 1) + ":\n  jvm: " + l + "\n  js:  " + r;
            }
        }
        return "";
    }
}
