// SPDX-License-Identifier: GPL-2.0-only
// Build step of web-ui: fails the build if the compiled bundle is missing or empty (TeaVM can leave
// a 0-byte file after errors) or holds java.util.regex (String.split, replaceAll and matches pull in
// ~29 KB gzip), and prints the raw and gzip size of every file of the site, split into what the page
// loads before its first paint (index.html and what it refers to) and what it loads on demand.
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

public class DistSizes {
    public static void main(String[] args) throws IOException {
        Path dist = Path.of(args[0]);
        for (int i = 1; i < args.length; i++) {
            Path required = dist.resolve(args[i]);
            if (!Files.exists(required) || Files.size(required) == 0) {
                System.err.println("dist: " + required + " is missing or empty (did TeaVM fail?)");
                System.exit(1);
            }
        }
        // A web page (index.html beside the bundle) must not hold regex; the Node CLI bundle may.
        boolean page = Files.isRegularFile(dist.resolve("index.html"));
        String bundle = page ? Files.readString(dist.resolve(args[1])) : "";
        for (String marker : REGEX_MARKERS) {
            if (bundle.contains(marker)) {
                System.err.println("dist: " + args[1] + " holds java.util.regex (it contains \"" + marker
                    + "\"): use indexOf instead of split/replaceAll/matches in code the page reaches");
                System.exit(1);
            }
        }
        String index = page ? Files.readString(dist.resolve("index.html")) : "";
        List<Path> files;
        try (Stream<Path> s = Files.walk(dist)) {
            files = s.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
        long[] first = new long[2];
        long[] later = new long[2];
        System.out.println("dist/ sizes (bytes):        raw       gzip");
        for (Path f : files) {
            byte[] b = Files.readAllBytes(f);
            long g = gzip(b);
            String name = dist.relativize(f).toString().replace('\\', '/');
            boolean initial = !page || name.equals("index.html") || index.contains("\"" + name + "\"");
            long[] sum = initial ? first : later;
            sum[0] += b.length;
            sum[1] += g;
            System.out.println(row(name + (initial ? "" : " *"), b.length, g));
        }
        if (page) {
            System.out.println(row("first load", first[0], first[1]) + "   (budget " + BUDGET / 1000 + " KB gzip: "
                + (first[1] <= BUDGET ? "within" : "OVER") + ")");
            System.out.println(row("* on demand", later[0], later[1]));
        }
        System.out.println(row("total", first[0] + later[0], first[1] + later[1]));
    }

    /** Everything the page loads before its first paint, gzip. */
    static final long BUDGET = 200_000;
    /** Strings only TeaVM's java.util.regex brings into a bundle. */
    static final String[] REGEX_MARKERS = {"PatternSyntaxException", "BraillePatterns"};

    static long gzip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(b);
        }
        return out.size();
    }

    static String row(String name, long raw, long gz) {
        StringBuilder sb = new StringBuilder("  ").append(name);
        while (sb.length() < 24) {
            sb.append(' ');
        }
        String r = Long.toString(raw);
        String g = Long.toString(gz);
        sb.append(" ".repeat(Math.max(1, 10 - r.length()))).append(r);
        sb.append(" ".repeat(Math.max(1, 11 - g.length()))).append(g);
        return sb.toString();
    }
}
