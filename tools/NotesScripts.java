// SPDX-License-Identifier: GPL-2.0-only
// Build step of web-ui: writes the notes of each language as a script, dist/notes-LANG.js, which the
// page loads on demand by injecting a <script> (that works from file://, where fetch does not). Each
// script sets self.kthreadlabText["LANG"] to the text of annotations/LANG.txt. tools/Inline.java puts
// them inline in the single-file page. It also writes dist/corpus-more.js, the corpus files listed in
// source/on-demand.txt (left out of the page's script by tools/GenBundle.java), which sets
// self.kthreadlabCorpus["kthreadlab/source/corpus/PATH"] to each file's text.
// Usage: java tools/NotesScripts.java SIM_CORE_RESOURCES DIST_DIR
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

public class NotesScripts {
    public static void main(String[] args) throws IOException {
        Path notes = Path.of(args[0], "kthreadlab", "source", "annotations");
        Path dist = Path.of(args[1]);
        Files.createDirectories(dist);
        List<Path> files;
        try (Stream<Path> s = Files.list(notes)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().collect(Collectors.toList());
        }
        for (Path f : files) {
            String name = f.getFileName().toString();
            String lang = name.substring(0, name.length() - 4);
            String text = Files.readString(f, StandardCharsets.UTF_8);
            String js = "// The kthreadlab notes in one language (" + lang + "), loaded on demand. GPL-2.0-only.\n"
                + "(self.kthreadlabText = self.kthreadlabText || {})[" + literal(lang) + "] = " + literal(text) + ";\n";
            Path out = dist.resolve("notes-" + lang + ".js");
            Files.writeString(out, js, StandardCharsets.UTF_8);
            System.out.println("NotesScripts: " + out + " (" + Files.size(out) + " bytes)");
        }
        corpusScript(Path.of(args[0]), dist);
    }

    /** dist/corpus-more.js: the on-demand corpus files' texts by class-path name. */
    static void corpusScript(Path resources, Path dist) throws IOException {
        Path list = resources.resolve("kthreadlab/source/on-demand.txt");
        if (!Files.exists(list)) {
            return;
        }
        StringBuilder js = new StringBuilder("// kthreadlab: kernel source files loaded after the first paint. GPL-2.0.\n"
            + "self.kthreadlabCorpus = self.kthreadlabCorpus || {};\n");
        for (String l : Files.readAllLines(list, StandardCharsets.UTF_8)) {
            String p = l.trim();
            if (p.isEmpty() || p.startsWith("#")) {
                continue;
            }
            String name = "kthreadlab/source/corpus/" + p;
            String text = Files.readString(resources.resolve(name), StandardCharsets.UTF_8);
            js.append("self.kthreadlabCorpus[").append(literal(name)).append("] = ").append(literal(text)).append(";\n");
        }
        Path out = dist.resolve("corpus-more.js");
        Files.writeString(out, js.toString(), StandardCharsets.UTF_8);
        System.out.println("NotesScripts: " + out + " (" + Files.size(out) + " bytes)");
    }

    /** A JavaScript string literal; '<' is escaped so that the text can sit inside a <script> element. */
    static String literal(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                case '<': sb.append("\\x3c"); break;
                default:
                    if (c < 0x20 || c > 0x7e) {
                        String h = Integer.toHexString(c);
                        sb.append("\\u").append("0".repeat(4 - h.length())).append(h);
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.append('"').toString();
    }
}
