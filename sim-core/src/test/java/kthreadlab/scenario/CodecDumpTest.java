package kthreadlab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The dump the JVM-vs-JavaScript test compares: stable, and the presets all encode. */
class CodecDumpTest {
    @Test
    void theDumpIsStableAndThePresetsEncode() {
        String a = CodecDump.dump();
        assertEquals(a, CodecDump.dump());
        String presets = a.substring(0, a.indexOf("link 0: "));
        assertTrue(!presets.contains("ERR "), presets);
        for (Presets.Preset p : Presets.all()) {
            assertTrue(presets.contains("#v=1&preset=" + p.name + "\n"), p.name);
        }
        int ok = 0;
        int err = 0;
        for (String line : a.split("\n")) {
            if (line.startsWith("link ") || line.startsWith("file ")) {
                if (line.contains(": ERR ")) {
                    err++;
                } else {
                    ok++;
                }
            }
        }
        assertTrue(ok > 50 && err > 50, ok + " decoded, " + err + " refused");
    }
}
