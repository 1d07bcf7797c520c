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

    static final String VALID = "{\"version\":1,\"cpus\":1,\"until\":\"2ms\"}";

    /** One line on stderr, exit 2, the file name and the problem named once. */
    static void refused(Result r, String problem) {
        assertEquals(2, r.code, r.err);
        assertEquals(1, r.err.split("\n").length, r.err);
        assertTrue(r.err.contains(problem), r.err);
        assertEquals(r.err.indexOf("kthreadlab:"), r.err.lastIndexOf("kthreadlab:"), r.err);
    }

    @Test
    void specialAndMissingFilesAreRefusedAtOnce(@TempDir Path dir) throws Exception {
        refused(run("run", dir.resolve("missing.json").toString()), "missing.json: no such file");
        refused(run("run", dir.toString()), "is a directory");
        refused(run("run", "/dev/zero"), "is not a regular file");
        refused(run("run", "/dev/urandom"), "is not a regular file");
        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        refused(run("run", fifo.toString()), "is not a regular file");
    }

    @Test
    void sizeAndEncodingAreCheckedBeforeJson(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.json");
        Files.write(big, new byte[kthreadlab.scenario.ScenarioFile.MAX_BYTES + 1]);
        refused(run("run", big.toString()), "a scenario file is at most 262144 bytes");
        Path utf16 = dir.resolve("utf16.json");
        Files.write(utf16, ("\ufeff" + VALID).getBytes(StandardCharsets.UTF_16LE));
        refused(run("run", utf16.toString()), "the file is UTF-16 text; save it as UTF-8");
        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, VALID.replace("\"cpus\"", "\"title\":\"caf\u00e9\",\"cpus\"")
            .getBytes(StandardCharsets.ISO_8859_1));
        refused(run("run", latin1.toString()), "byte 25 (0xE9) is not UTF-8");
        Path bom = dir.resolve("bom.json");
        Files.write(bom, ("\ufeff" + VALID).getBytes(StandardCharsets.UTF_8));
        assertEquals(0, run("run", bom.toString()).code);
    }

    @Test
    void durationsNeverWrap() {
        refused(run("run", "--preset", "seed", "--until", "18446744074s"),
            "--until: \"18446744074s\" is larger than the most, 600s");
        refused(run("run", "--preset", "seed", "--until", "9223372036.709551616s"), "is larger than the most, 600s");
        refused(run("run", "--preset", "seed", "--until", "99999999999999999999ns"), "is larger than the most, 600s");
    }

    /** With LANG=C the JVM cannot encode "café.json"; the file is still found and read. */
    @Test
    void anyFileNameInAnyLocale(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("caf\u00e9.json");
        Files.writeString(f, VALID);
        for (String lang : new String[] {"C", ""}) {
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", f.toString(), "--format",
                "ps");
            pb.environment().remove("LC_ALL");
            pb.environment().remove("LC_CTYPE");
            pb.environment().put("LANG", lang);
            pb.redirectErrorStream(true);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), out);
            assertTrue(out.contains(" init\n"), out);
        }
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run",
            dir.resolve("n\u00e4chste.json").toString());
        pb.environment().remove("LC_ALL");
        pb.environment().put("LANG", "C");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, p.waitFor(), out);
        assertTrue(out.endsWith(": no such file\n"), out);
    }
}
