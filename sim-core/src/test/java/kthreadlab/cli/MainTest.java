package kthreadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user types it. */
class MainTest {
    static final class Result {
        int code;
        String out;
        String err;
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Result r = new Result();
        r.code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
        r.out = out.toString(StandardCharsets.UTF_8);
        r.err = err.toString(StandardCharsets.UTF_8);
        return r;
    }

    @Test
    void presetsListsNameAndTitle() {
        Result r = run("presets");
        assertEquals(0, r.code);
        assertTrue(r.out.startsWith("seed\t"), r.out);
        assertTrue(r.out.contains("\nsigkill-early\t"));
    }

    @Test
    void apiShowsEachCallWithItsResult() {
        Result r = run("run", "--preset", "stop-before-wake", "--format", "api");
        assertEquals(0, r.code, r.err);
        String[] lines = r.out.split("\n");
        assertEquals(2, lines.length);
        assertTrue(lines[0].endsWith("\tinsmod\tkthread_create\tdemo_nw/0\tpid 4"), lines[0]);
        assertTrue(lines[1].endsWith("\tinsmod\tkthread_stop\tdemo_nw/0\t-EINTR"), lines[1]);
    }

    @Test
    void psListsLiveTasksInPidOrder() {
        Result r = run("run", "--preset", "seed", "--format", "ps");
        assertEquals("  PID  PPID S PSR COMM\n    1     0 S   0 init\n    2     0 S   0 kthreadd\n"
            + "    3     1 S   0 insmod\n    4     2 S   0 demo/0\n", r.out);
    }

    @Test
    void aScenarioFileRuns(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("s.json");
        Files.writeString(f, "{\"version\":1,\"title\":\"t\",\"cpus\":2,\"until\":\"10ms\",\"actions\":[{\"at\":\"1ms\","
            + "\"by\":\"insmod\",\"op\":\"kthread_run\",\"name\":\"w/%d\",\"count\":2,\"fn\":\"worker\"}]}");
        Result r = run("run", f.toString(), "--format", "api");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("\tkthread_run\tw/1\tpid "), r.out);
    }

    @Test
    void badInputExitsWith2AndOneLineNamingTheProblem(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"version\":1,\"cpus\":300,\"until\":\"10ms\",\"actions\":[]}");
        Result r = run("run", f.toString());
        assertEquals(2, r.code);
        assertEquals(1, r.err.split("\n").length, r.err);
        assertTrue(r.err.contains("cpus") && r.err.contains("300"), r.err);
        assertEquals(2, run("run", "--preset", "no-such").code);
        assertEquals(2, run("run", "--preset", "seed", "--format", "xml").code);
        assertEquals(2, run("run", dir.resolve("missing.json").toString()).code);
    }

    @Test
    void chromeFormatIsJsonWithTheFtraceText() {
        Result r = run("run", "--preset", "seed", "--format", "chrome");
        assertEquals(0, r.code);
        assertTrue(r.out.startsWith("{\"traceEvents\":["), r.out.substring(0, 40));
        assertTrue(r.out.contains("\"systemTraceEvents\":\"# tracer: nop"));
    }
}
