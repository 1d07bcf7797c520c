// SPDX-License-Identifier: GPL-2.0-only
package kthreadlab.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SourceCommandTest {
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    private int run(String... args) {
        return SourceCommand.sourceCommand(args, new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                new PrintStream(errBytes, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return new String(outBytes.toByteArray(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    private String err() {
        return new String(errBytes.toByteArray(), StandardCharsets.UTF_8).replace("\r\n", "\n");
    }

    @Test
    void listPrintsPathAndVersion() {
        assertEquals(0, run("source", "--list"));
        String[] lines = out().split("\n");
        assertEquals(Corpus.load().files().size(), lines.length);
        assertTrue(out().contains("kernel/kthread.c\tv5.15.100\n"), out());
        assertTrue(out().contains("samples/kthdemo.c\tkthreadlab (our own sample code, GPL-2.0-only)\n"), out());
        assertEquals("", err());
    }

    @Test
    void sourcePrintsNumberedLines() {
        assertEquals(0, run("kernel/kthread.c"));
        String text = out();
        assertTrue(text.startsWith("1\t// SPDX-License-Identifier: GPL-2.0-only\n"), text);
        assertTrue(text.contains("\n657\tint kthreadd(void *unused)\n"));
        assertTrue(text.contains("\n673\t\t\t\tschedule();\n"));
    }

    @Test
    void unknownFileIsExitTwoWithOneErrorLine() {
        assertEquals(2, run("source", "kernel/nope.c"));
        assertEquals("", out());
        String e = err();
        assertEquals(1, e.split("\n").length);
        assertTrue(e.contains("kernel/nope.c"), e);
    }
}
