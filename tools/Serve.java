// SPDX-License-Identifier: GPL-2.0-only
// Serves a folder (the built site) on http://localhost:PORT with the JDK's own HTTP server.
// Usage: java tools/Serve.java DIR [PORT]. Ctrl-C stops it.
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

public class Serve {
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "web-ui/target/dist").toAbsolutePath().normalize();
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 8000;
        if (!Files.isRegularFile(root.resolve("index.html"))) {
            System.err.println("serve: no index.html in " + root + " (build first: ./run.sh builds it)");
            System.exit(2);
        }
        HttpServer server = null;
        for (int p = port; p < port + 20 && server == null; p++) {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", p), 0);
            } catch (BindException busy) {
                System.err.println("serve: port " + p + " is busy, trying " + (p + 1));
            }
        }
        if (server == null) {
            System.err.println("serve: no free port from " + port);
            System.exit(2);
        }
        server.createContext("/", ex -> handle(root, ex));
        server.start();
        System.out.println("kthreadlab is served at http://localhost:" + server.getAddress().getPort() + "/  (Ctrl-C stops)");
    }

    private static void handle(Path root, HttpExchange ex) throws IOException {
        String path = URLDecoder.decode(ex.getRequestURI().getPath(), StandardCharsets.UTF_8);
        Path file = root.resolve(path.substring(1)).normalize();
        if (path.endsWith("/")) {
            file = file.resolve("index.html");
        }
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            byte[] msg = "not found\n".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(404, msg.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(msg);
            }
            return;
        }
        byte[] body = Files.readAllBytes(file);
        ex.getResponseHeaders().set("Content-Type", type(file.getFileName().toString()));
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream o = ex.getResponseBody()) {
            o.write(body);
        }
    }

    private static String type(String name) {
        if (name.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (name.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (name.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        if (name.endsWith(".json")) {
            return "application/json";
        }
        if (name.endsWith(".svg")) {
            return "image/svg+xml";
        }
        return "application/octet-stream";
    }
}
