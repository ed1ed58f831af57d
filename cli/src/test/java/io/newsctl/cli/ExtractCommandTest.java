package io.newsctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsctl.model.ModelJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The public contract of {@code newsctl extract} on the reference page. */
class ExtractCommandTest {
    static final Path REFERENCE_PAGE = Path.of("../samples/pages/36kr/h20-domestic-gpu.html");

    @Test
    void referencePagePrintsTheContractFields() throws Exception {
        JsonNode json = extract(REFERENCE_PAGE.toString());

        assertTrue(json.path("isArticle").asBoolean());
        assertEquals("H20出口解禁,国产GPU迎来破局契机", json.path("title").asText());
        assertEquals("丰宁", json.path("author").asText());
        assertEquals("半导体产业纵横", json.path("originalSource").asText());
        assertTrue(json.path("publishedAt").asText().startsWith("2025-07-18T07:12"), json.path("publishedAt").asText());
        assertTrue(json.path("publishedAt").asText().endsWith("+08:00"), json.path("publishedAt").asText());
        String body = json.path("body").asText();
        assertTrue(body.startsWith("GPU市场的变化总是比预期来得更快。历经三个月的发展与迭代"), body.substring(0, 60));
        assertFalse(body.contains("免责声明"), "disclaimer removed");
        assertFalse(body.contains("本文来自微信公众号"), "repost line removed");
        assertTrue(body.contains("H20、MI308面临激烈竞争"), "section headings kept");

        assertTrue(has(json.path("entities"), "COMPANY", "寒武纪"));
        assertTrue(has(json.path("entities"), "CHIP", "H20"));
        assertTrue(json.path("tags").toString().contains("export-policy"), json.path("tags").toString());
        JsonNode figure = figure(json.path("figures"), "4.32亿元");
        assertEquals(432000000L, figure.path("value").asLong());
        assertEquals("432000000", figure.path("value").asText(), "a plain number, no exponent");
        assertEquals("CNY", figure.path("unit").asText());
    }

    @Test
    void urlOptionNamesAPageThatNamesNoneAndAMissingFileIsAClearError(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("page.html");
        Files.writeString(page, "<html><head><meta charset=utf-8><title>寒武纪发布思元590</title></head><body><article>"
                + "<h1>寒武纪发布思元590</h1><p>寒武纪今日发布思元590芯片，性能对标英伟达A100。</p>"
                + "<p>公司表示，新芯片已获得多家云厂商订单，预计下半年量产。</p></article></body></html>");
        JsonNode json = extract(page.toString(), "--url", "https://www.example.cn/news/1.html?utm_source=wechat");
        assertEquals("https://www.example.cn/news/1.html", json.path("url").asText(), "tracking parameters stripped");

        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Newsctl());
        cli.setErr(new PrintWriter(err));
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("newsctl: " + e.getMessage());
            return 1;
        });
        assertEquals(1, cli.execute("extract", "no/such/page.html"));
        assertTrue(err.toString().contains("no such file"), err.toString());
    }

    static JsonNode extract(String... args) throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new Newsctl());
        cli.setOut(new PrintWriter(out));
        String[] all = new String[args.length + 1];
        all[0] = "extract";
        System.arraycopy(args, 0, all, 1, args.length);
        assertEquals(0, cli.execute(all));
        return ModelJson.mapper().readTree(out.toString());
    }

    private static boolean has(JsonNode entities, String type, String canonical) {
        for (JsonNode entity : entities) {
            if (entity.path("type").asText().equals(type) && entity.path("canonical").asText().equals(canonical)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode figure(JsonNode figures, String text) {
        for (JsonNode figure : figures) {
            if (figure.path("text").asText().equals(text)) {
                return figure;
            }
        }
        throw new AssertionError("no figure " + text + " in " + figures);
    }
}
