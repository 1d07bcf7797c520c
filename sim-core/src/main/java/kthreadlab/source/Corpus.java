// SPDX-License-Identifier: GPL-2.0-only
package kthreadlab.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The displayed source: the v5.15 kernel excerpts and our sample module, loaded from
 * {@code kthreadlab/source/corpus/} on the class path (index.txt lists the files in display order).
 */
public final class Corpus {
    public static final String ROOT = "kthreadlab/source/corpus/";

    private final List<SourceFile> files;
    /** Files index.txt lists whose text was not at hand (see loadAvailable). */
    private final int missing;

    public Corpus(List<SourceFile> files) {
        this(files, 0);
    }

    private Corpus(List<SourceFile> files, int missing) {
        this.files = Collections.unmodifiableList(new ArrayList<>(files));
        this.missing = missing;
    }

    /** Texts the bundle lacks, by class-path name (the page: its on-demand scripts), or null. */
    public interface Texts {
        String text(String path);
    }

    /**
     * The files of index.txt whose text is bundled or given by `more`, in index order; the others
     * are left out (the page loads them after its first paint, then loads the corpus again).
     */
    public static Corpus loadAvailable(Texts more) {
        List<SourceFile> files = new ArrayList<>();
        int missing = 0;
        for (String l : lines(Bundled.get(ROOT + "index.txt"))) {
            String p = l.trim();
            if (p.isEmpty() || p.startsWith("#")) {
                continue;
            }
            String text = Bundled.get(ROOT + p);
            if (text == null) {
                text = more.text(ROOT + p);
            }
            if (text == null) {
                missing++;
            } else {
                files.add(SourceFile.parse(p, lines(text)));
            }
        }
        return new Corpus(files, missing);
    }

    /** Every file index.txt lists is here. */
    public boolean complete() {
        return missing == 0;
    }

    /** Loads index.txt and every file it lists. */
    public static Corpus load() {
        List<SourceFile> files = new ArrayList<>();
        for (String l : readResource(ROOT + "index.txt")) {
            String p = l.trim();
            if (p.isEmpty() || p.startsWith("#")) {
                continue;
            }
            files.add(SourceFile.parse(p, readResource(ROOT + p)));
        }
        return new Corpus(files);
    }

    /**
     * Reads a bundled text resource as lines. The build bundles src/main/resources/kthreadlab into a
     * generated class (the TeaVM page has no class-path resources); other paths come from the class path.
     */
    static List<String> readResource(String path) {
        String bundled = Bundled.get(path);
        if (bundled != null) {
            return lines(bundled);
        }
        InputStream in = Corpus.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("missing resource " + path);
        }
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String l;
            while ((l = r.readLine()) != null) {
                out.add(l);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + path + ": " + e.getMessage());
        }
        return out;
    }

    /** A text's lines, as BufferedReader.readLine gives them ("\r\n" or "\n" ends a line). */
    public static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            String line = text.substring(start, end);
            out.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            start = end + 1;
        }
        return out;
    }

    public List<SourceFile> files() {
        return files;
    }

    /** The file with this path (e.g. "kernel/kthread.c"), or null. */
    public SourceFile file(String path) {
        for (SourceFile f : files) {
            if (f.path().equals(path)) {
                return f;
            }
        }
        return null;
    }

    /** The definition {@code name} in {@code file}, or null. */
    public FunctionSpan function(String file, String name) {
        SourceFile f = file(file);
        return f == null ? null : f.function(name);
    }

    /**
     * The real line number of the one line that the anchor names.
     *
     * @throws IllegalArgumentException if the file or function is unknown, or the text matches
     *                                  no line or several lines inside that function
     */
    public int resolve(Anchor a) {
        SourceFile f = file(a.file());
        if (f == null) {
            throw new IllegalArgumentException("anchor " + a + ": no corpus file " + a.file());
        }
        FunctionSpan span = f.function(a.function());
        if (span == null) {
            throw new IllegalArgumentException("anchor " + a + ": no function " + a.function() + " in " + a.file());
        }
        List<Integer> hits = new ArrayList<>();
        for (SourceLine l : f.lines()) {
            if (span.contains(l.number()) && normalize(l.text()).equals(normalize(a.text()))) {
                hits.add(l.number());
            }
        }
        if (a.occurrence() > 0) {
            if (a.occurrence() > hits.size()) {
                throw new IllegalArgumentException("anchor " + a + ": " + a.function() + " in " + a.file()
                        + " has only " + hits.size() + " such line(s)");
            }
            return hits.get(a.occurrence() - 1);
        }
        if (hits.isEmpty()) {
            throw new IllegalArgumentException("anchor " + a + ": matches no line of " + a.function()
                    + " in " + a.file());
        }
        if (hits.size() > 1) {
            throw new IllegalArgumentException("anchor " + a + ": matches " + hits.size() + " lines of "
                    + a.function() + " in " + a.file() + " (lines " + hits + ")");
        }
        return hits.get(0);
    }

    /** Trims and collapses every run of spaces and tabs to one space, so anchors need not copy tabs. */
    public static String normalize(String text) {
        StringBuilder sb = new StringBuilder();
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t') {
                space = sb.length() > 0;
                continue;
            }
            if (space) {
                sb.append(' ');
                space = false;
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /**
     * Where an identifier is defined, searching files in display order: a function or macro of
     * that name first, else a struct/enum/union; null if nowhere in the corpus.
     */
    public FunctionSpan findDefinition(String identifier) {
        for (int pass = 0; pass < 2; pass++) {
            for (SourceFile f : files) {
                for (FunctionSpan span : f.functions()) {
                    boolean code = span.kind().equals("function") || span.kind().equals("macro");
                    if (span.name().equals(identifier) && (pass == 1 || code)) {
                        return span;
                    }
                }
            }
        }
        return null;
    }
}
