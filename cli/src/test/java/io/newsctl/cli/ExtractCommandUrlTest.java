package io.newsctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code newsctl extract URL}: the same JSON contract, fetched with the crawler's rules from a 127.0.0.1 site. */
class ExtractCommandUrlTest {
    private HttpServer server;
    private String base;
    private final List<String> paths = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        byte[] gbk = Files.readAllBytes(Path.of("../samples/pages/portal-gbk/smic-h1-results.html"));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 10);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            paths.add(path);
            try (exchange) {
                byte[] body = switch (path) {
                    case "/robots.txt" -> "User-agent: *\nDisallow: /private/\n".getBytes();
                    case "/news/smic.html", "/private/smic.html" -> gbk;
                    default -> null;
                };
                if (body == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                exchange.getResponseHeaders().add("Content-Type", path.endsWith(".txt") ? "text/plain" : "text/html; charset=gbk");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aUrlIsFetchedWithItsHttpCharsetAndPrintsTheSameContract() throws Exception {
        JsonNode json = ExtractCommandTest.extract(base + "/news/smic.html", "--allow", "127.0.0.1/32");
        assertTrue(json.path("isArticle").asBoolean());
        assertEquals("中芯国际上半年净利润23亿元 同比增长39.8%", json.path("title").asText());
        assertTrue(json.path("body").asText().contains("中芯国际"));
        assertEquals(List.of("/robots.txt", "/news/smic.html"), paths);
    }

    @Test
    void robotsTxtAndTheSsrfGuardApply() {
        String disallowed = error(base + "/private/smic.html", "--allow", "127.0.0.1/32");
        assertTrue(disallowed.contains(base + "/private/smic.html is disallowed by"), disallowed);
        String blocked = error(base + "/news/smic.html");
        assertTrue(blocked.contains("internal address"), blocked);
        assertTrue(paths.stream().noneMatch(p -> p.startsWith("/private/")), paths.toString());
    }

    private static String error(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Newsctl());
        cli.setErr(new PrintWriter(err));
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("newsctl: " + e.getMessage());
            return 1;
        });
        String[] all = new String[args.length + 1];
        all[0] = "extract";
        System.arraycopy(args, 0, all, 1, args.length);
        assertEquals(1, cli.execute(all));
        return err.toString();
    }
}
