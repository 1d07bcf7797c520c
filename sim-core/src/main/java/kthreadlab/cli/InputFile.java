package kthreadlab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import kthreadlab.scenario.ScenarioException;
import kthreadlab.scenario.ScenarioFile;

/**
 * A file named on the command line, read without surprises: any name in any locale, a regular
 * file only (a FIFO, device or directory is refused at once, never opened), the size checked
 * before reading, and never more than {@link ScenarioFile#MAX_BYTES} read. Every problem is one
 * {@link ScenarioException} whose message names it once ("no such file", "is a directory", …).
 */
final class InputFile {
    private InputFile() {
    }

    /** The bytes of the file named {@code name}. */
    static byte[] read(String name) throws ScenarioException {
        Path p = resolve(name);
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(p, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new ScenarioException("", "no such file");
        } catch (AccessDeniedException e) {
            throw new ScenarioException("", "permission denied");
        } catch (IOException e) {
            throw new ScenarioException("", "cannot read (" + e.getClass().getSimpleName() + ")");
        }
        if (a.isDirectory()) {
            throw new ScenarioException("", "is a directory, not a scenario file");
        }
        if (!a.isRegularFile()) {
            throw new ScenarioException("", "is not a regular file (a FIFO, device or socket); give a scenario file");
        }
        ScenarioFile.checkSize(a.size());
        try (InputStream in = Files.newInputStream(p)) {
            byte[] b = in.readNBytes(ScenarioFile.MAX_BYTES + 1);
            ScenarioFile.checkSize(b.length);
            return b;
        } catch (AccessDeniedException e) {
            throw new ScenarioException("", "permission denied");
        } catch (IOException e) {
            throw new ScenarioException("", "cannot read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * The path of a name. In a locale whose encoding cannot hold the name (LANG=C and "café.json"),
     * the JVM has already replaced the bytes it could not decode, so Path.of refuses it; then each
     * such part is found by listing its directory for the one entry that decodes to the same text
     * (a path from a listing keeps the entry's real bytes).
     */
    static Path resolve(String name) throws ScenarioException {
        try {
            return Path.of(name);
        } catch (InvalidPathException e) {
            // find it part by part below
        }
        Path p = name.startsWith("/") ? Path.of("/") : Path.of(".");
        for (String part : name.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            p = child(p, part);
        }
        return p;
    }

    private static Path child(Path dir, String part) throws ScenarioException {
        try {
            return dir.resolve(part);
        } catch (InvalidPathException e) {
            // not encodable in this locale: look for it
        }
        Path found = null;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path q : ds) {
                if (q.getFileName().toString().equals(part)) {
                    if (found != null) {
                        throw new ScenarioException("", "the name matches more than one file in this locale;"
                            + " set LANG to a UTF-8 locale (LANG=C.UTF-8)");
                    }
                    found = q;
                }
            }
        } catch (IOException e) {
            throw new ScenarioException("", "no such file");
        }
        if (found == null) {
            throw new ScenarioException("", "no such file");
        }
        return found;
    }
}
