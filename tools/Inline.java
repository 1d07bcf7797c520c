// SPDX-License-Identifier: GPL-2.0-only
// Build step of web-ui: writes dist/kthreadlab.html, the whole app in one file (every stylesheet
// and script of index.html inlined, and before them every script the page loads on demand,
// notes-LANG.js and corpus-more.js, so that the page finds their text already there), which works when opened from disk
// with nothing beside it.
// Usage: java tools/Inline.java DIST_DIR [OUT_FILE]   (OUT_FILE defaults to DIST_DIR/kthreadlab.html)
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

public class Inline {
    public static void main(String[] args) throws IOException {
        Path dist = Path.of(args[0]);
        String html = Files.readString(dist.resolve("index.html"), StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        StringBuilder onDemand = new StringBuilder();
        try (var s = Files.list(dist)) {
            for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                String name = p.getFileName().toString();
                if ((name.startsWith("notes-") || name.startsWith("corpus-")) && name.endsWith(".js")) {
                    String js = Files.readString(p, StandardCharsets.UTF_8);
                    onDemand.append("<script>\n").append(js.replace("</script", "<\\/script")).append("\n</script>\n");
                }
            }
        }
        boolean firstScript = true;
        int i = 0;
        while (i < html.length()) {
            int link = html.indexOf("<link rel=\"stylesheet\" href=\"", i);
            int script = html.indexOf("<script src=\"", i);
            int next = min(link, script);
            if (next < 0) {
                out.append(html, i, html.length());
                break;
            }
            out.append(html, i, next);
            if (next == link) {
                int q = html.indexOf('"', link + 29);
                int end = html.indexOf('>', q) + 1;
                String css = read(dist, html.substring(link + 29, q));
                out.append("<style>\n").append(css.replace("</style", "<\\/style")).append("\n</style>");
                i = end;
            } else {
                int q = html.indexOf('"', script + 13);
                int end = html.indexOf("</script>", q) + "</script>".length();
                String js = read(dist, html.substring(script + 13, q));
                if (firstScript) {
                    out.append(onDemand);
                    firstScript = false;
                }
                out.append("<script>\n").append(js.replace("</script", "<\\/script")).append("\n</script>");
                i = end;
            }
        }
        Path target = args.length > 1 ? Path.of(args[1]) : dist.resolve("kthreadlab.html");
        Files.writeString(target, out.toString(), StandardCharsets.UTF_8);
        System.out.println("Inline: wrote " + target + " (" + Files.size(target) + " bytes)");
    }

    private static int min(int a, int b) {
        if (a < 0) {
            return b;
        }
        if (b < 0) {
            return a;
        }
        return Math.min(a, b);
    }

    private static String read(Path dist, String name) throws IOException {
        Path p = dist.resolve(name).normalize();
        if (!p.startsWith(dist.normalize()) || !Files.isRegularFile(p)) {
            throw new IOException("Inline: index.html refers to " + name + ", which is not in " + dist);
        }
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
