package kthreadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile files of src/test/resources/hostile (the page's HostileInputTest imports the same
 * ones) and special files, given to `run`: each exits 2 with one line naming the problem within
 * 2 s, or runs (0, or 3 with a BUG line); never 1, never a stack trace, never a hang.
 */
class HostileFilesTest {
    static final Path DIR = Path.of("src/test/resources/hostile");

    /** One line of expect.tsv: a file, the exit code, a part of the message (the page shows the same). */
    record Expect(String file, int code, String message) {
    }

    static List<Expect> expectations() throws Exception {
        List<Expect> out = new ArrayList<>();
        for (String line : Files.readAllLines(DIR.resolve("expect.tsv"), StandardCharsets.UTF_8)) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            out.add(new Expect(f[0], Integer.parseInt(f[1]), f[2]));
        }
        return out;
    }

    @Test
    void everyHostileFileIsRefusedInOneLineOrRuns(@TempDir Path tmp) throws Exception {
        List<Expect> all = expectations();
        assertTrue(all.size() >= 15, "at least 15 hostile files: " + all.size());
        Path big = tmp.resolve("big.json");
        Files.write(big, new byte[300_000]);
        all.add(new Expect(big.toString(), 2, "the file is 300000 bytes; a scenario file is at most 262144 bytes"));
        for (Expect e : all) {
            String path = e.file().startsWith("/") ? e.file() : DIR.resolve("files").resolve(e.file()).toString();
            check(path, e.code(), e.message());
        }
    }

    @Test
    void specialFilesAreRefusedAtOnce(@TempDir Path tmp) throws Exception {
        Path fifo = tmp.resolve("fifo.json");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, p.waitFor(), "mkfifo");
        String notRegular = "is not a regular file (a FIFO, device or socket); give a scenario file";
        check("/dev/zero", 2, notRegular);
        check("/dev/urandom", 2, notRegular);
        check(fifo.toString(), 2, notRegular);
        check(tmp.toString(), 2, "is a directory, not a scenario file");
        check(tmp.resolve("nope.json").toString(), 2, "no such file");
    }

    /** Runs `run FILE --format ps` in this JVM and checks the verdict and its time. */
    static void check(String path, int code, String message) {
        MainTest.Result r = assertTimeoutPreemptively(Duration.ofSeconds(code == 2 ? 2 : 60),
            () -> MainTest.run("run", path, "--format", "ps"), path + " takes too long");
        if (code == 2) {
            assertEquals(2, r.code, path + ": " + r.err);
            assertTrue(r.err.endsWith("\n") && r.err.indexOf('\n') == r.err.length() - 1, "one line: " + r.err);
            assertTrue(r.err.startsWith("kthreadlab: " + path + ": ") && r.err.contains(message),
                path + " -> " + r.err);
        } else {
            assertTrue(r.code == 0 || r.code == 3 && r.err.startsWith("BUG: "), path + " exited " + r.code + ": " + r.err);
        }
    }
}
