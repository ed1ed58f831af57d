package io.newsctl.cli.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsctl.extract.Extractor;
import io.newsctl.model.ModelJson;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** annotate: exact offsets in every script and width, pass-through, bad lines, order, TSV. */
class AnnotateCommandTest {
    private static Extractor extractor;

    @BeforeAll
    static void loadExtractor() {
        extractor = Extractor.createDefault();
    }

    private record Run(List<JsonNode> output, String tsv, String errors, AnnotateCommand.Annotator.Summary summary) {
    }

    private static Run run(AnnotateCommand.Format format, int threads, boolean tokens, String... lines) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AnnotateCommand.Annotator annotator = new AnnotateCommand.Annotator(extractor, format, tokens, threads,
                new PrintWriter(err, true), 3600);
        AnnotateCommand.Annotator.Summary summary =
                annotator.run(new BufferedReader(new StringReader(String.join("\n", lines))), out);
        List<JsonNode> output = new ArrayList<>();
        if (format == AnnotateCommand.Format.JSONL) {
            for (String line : out.toString().split("\n")) {
                if (!line.isEmpty()) {
                    output.add(ModelJson.mapper().readTree(line));
                }
            }
        }
        return new Run(output, out.toString(), err.toString(), summary);
    }

    private static String line(Object id, String text) {
        ObjectNode node = ModelJson.mapper().createObjectNode();
        node.putPOJO("id", id);
        node.put("text", text);
        return node.toString();
    }

    @Test
    void offsetsIndexTheTextAsGivenInEveryScriptAndWidth() throws Exception {
        String[] texts = {
                "英伟达H20恢复供应，摩尔线程2024年营收4.32亿元，同比增长257.02%。",
                "輝達Ｈ２０恢復供應，台積電營收新台幣3,312億元，年增36.4%。",
                "ＮＶＩＤＩＡ的Ｈ２０芯片，营收１７１．０８亿美元，同比增长５６％。",
                "AMD (NASDAQ: AMD) shipped MI308 to 腾讯 and 字节跳动, revenue US$5.5 billion, up 8%至9%. 😀寒武纪思元590",
        };
        String[] lines = new String[texts.length];
        for (int i = 0; i < texts.length; i++) {
            lines[i] = line(i, texts[i]);
        }
        Run run = run(AnnotateCommand.Format.JSONL, 2, true, lines);

        assertEquals(texts.length, run.output().size());
        for (JsonNode out : run.output()) {
            String text = texts[out.path("id").asInt()];
            assertEquals(text, out.path("text").asText());
            assertFalse(out.path("entities").isEmpty(), out.toString());
            assertFalse(out.path("figures").isEmpty(), out.toString());
            for (JsonNode e : out.path("entities")) {
                assertEquals(e.path("name").asText(), text.substring(e.path("start").asInt(), e.path("end").asInt()));
            }
            for (JsonNode f : out.path("figures")) {
                assertEquals(f.path("text").asText(), text.substring(f.path("start").asInt(), f.path("end").asInt()));
            }
            for (JsonNode t : out.path("tokens")) {
                assertTrue(t.path("end").asInt() <= text.length() && t.path("start").asInt() < t.path("end").asInt());
            }
        }
        JsonNode traditional = run.output().get(1);
        assertTrue(traditional.path("entities").toString().contains("\"canonical\":\"英伟达\""), traditional.toString());
        JsonNode emoji = run.output().get(3);
        JsonNode cambricon = null;
        for (JsonNode e : emoji.path("entities")) {
            if (e.path("canonical").asText().equals("寒武纪")) {
                cambricon = e;
            }
        }
        assertTrue(cambricon != null, "an entity after a surrogate pair keeps exact UTF-16 offsets");
        assertEquals("寒武纪", texts[3].substring(cambricon.path("start").asInt(), cambricon.path("end").asInt()));
    }

    @Test
    void extraFieldsPassThroughUntouched() throws Exception {
        String input = "{\"id\":\"doc-7\",\"text\":\"华为发布昇腾910C芯片。\",\"source\":{\"db\":\"cnki\",\"rank\":[1,2.50,null]},\"label\":true}";
        JsonNode out = run(AnnotateCommand.Format.JSONL, 1, false, input).output().get(0);

        JsonNode original = ModelJson.mapper().readTree(input);
        assertEquals(original.path("source"), out.path("source"));
        assertEquals(original.path("label"), out.path("label"));
        assertEquals("doc-7", out.path("id").asText());
        assertTrue(out.path("tokens").isMissingNode(), "tokens only on request");
        assertTrue(out.path("entities").toString().contains("昇腾910C"), out.toString());
    }

    @Test
    void badLinesAreReportedWithTheirNumbersAndSkipped() throws Exception {
        Run run = run(AnnotateCommand.Format.JSONL, 2, false,
                line(1, "寒武纪营收11.11亿元。"), "{not json", "[1,2]", "{\"id\":4,\"text\":42}", "",
                line(6, "沐曦拟募资39.04亿元。"));

        assertEquals(2, run.output().size());
        assertEquals(List.of(1, 6), run.output().stream().map(n -> n.path("id").asInt()).toList());
        assertEquals(3, run.summary().bad());
        assertTrue(run.errors().contains("line 2: not JSON"), run.errors());
        assertTrue(run.errors().contains("line 3: not a JSON object"), run.errors());
        assertTrue(run.errors().contains("line 4: no \"text\" string"), run.errors());
    }

    @Test
    void outputOrderIsInputOrderWithSeveralThreads() throws Exception {
        String[] lines = new String[300];
        for (int i = 0; i < lines.length; i++) {
            // long and short texts mixed, so later lines often finish first
            String text = i % 7 == 0 ? "英伟达H20恢复供应。".repeat(40) : "华为" + i + "台服务器";
            lines[i] = line(i, text);
        }
        Run run = run(AnnotateCommand.Format.JSONL, 4, false, lines);

        assertEquals(300, run.output().size());
        for (int i = 0; i < 300; i++) {
            assertEquals(i, run.output().get(i).path("id").asInt());
        }
    }

    @Test
    void commandReadsAndWritesFilesAndExitsNonZeroOnBadLines(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.jsonl");
        Path out = dir.resolve("out.jsonl");
        Files.writeString(in, line(1, "英伟达H20。") + "\n" + "oops\n");
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new io.newsctl.cli.Newsctl());
        cli.setErr(new PrintWriter(err));

        int exit = cli.execute("annotate", "--in", in.toString(), "--out", out.toString(), "--threads", "2");

        assertEquals(1, exit);
        assertTrue(err.toString().contains("line 2: not JSON"), err.toString());
        List<String> written = Files.readAllLines(out);
        assertEquals(1, written.size());
        assertTrue(written.get(0).contains("\"canonical\":\"英伟达\""), written.get(0));
    }

    @Test
    void tsvHasOneEscapedMentionPerRow() throws Exception {
        Run run = run(AnnotateCommand.Format.TSV, 1, false,
                line("a\tb", "摩尔线程2024年营收4.32亿元。"));

        String[] rows = run.tsv().split("\n");
        assertEquals("id\ttype\tstart\tend\ttext\tcanonical", rows[0]);
        assertTrue(run.tsv().contains("a\\tb\tCOMPANY\t0\t4\t摩尔线程\t摩尔线程"), run.tsv());
        assertTrue(run.tsv().contains("\tFIGURE\t"), run.tsv());
        assertTrue(run.tsv().contains("432000000 CNY"), run.tsv());
        for (int i = 1; i < rows.length; i++) {
            assertEquals(6, rows[i].split("\t", -1).length, rows[i]);
        }
    }
}
