// SPDX-License-Identifier: GPL-2.0-only
// Build step of web-ui: fails the build if the compiled bundle is missing or empty (TeaVM can leave
// a 0-byte file after errors) and prints the raw and gzip size of every file of the site.
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
        List<Path> files;
        try (Stream<Path> s = Files.walk(dist)) {
            files = s.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
        long raw = 0;
        long gz = 0;
        System.out.println("dist/ sizes (bytes):        raw       gzip");
        for (Path f : files) {
            byte[] b = Files.readAllBytes(f);
            long g = gzip(b);
            raw += b.length;
            gz += g;
            System.out.println(row(dist.relativize(f).toString(), b.length, g));
        }
        System.out.println(row("total", raw, gz));
    }

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
