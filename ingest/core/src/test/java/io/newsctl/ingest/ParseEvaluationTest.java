package io.newsctl.ingest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsctl.ingest.eval.ParseEvaluation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The labelled sample set: at least 15 pages in 6 layouts, every field at 0.95 or better. */
class ParseEvaluationTest {
    private static final double FLOOR = 0.95;

    @Test
    void everyFieldMeetsTheFloor() throws IOException {
        Path samples = Samples.dir();
        ParseEvaluation.Report report = ParseEvaluation.evaluate(samples, ArticleParser.createDefault());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.print(new PrintStream(out, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);

        assertTrue(report.pages() >= 15, printed);
        for (String field : ParseEvaluation.FIELDS) {
            double a = report.accuracy(field);
            assertTrue(Double.isNaN(a) || a >= FLOOR, field + " below " + FLOOR + "\n" + printed);
        }
        assertTrue(report.minimum() >= FLOOR, printed);
    }

    @Test
    void labelledSetCoversAtLeastSixLayouts() throws IOException {
        try (Stream<Path> dirs = Files.list(Samples.dir().resolve("pages"))) {
            long layouts = dirs.filter(Files::isDirectory).filter(d -> {
                try (Stream<Path> files = Files.list(d)) {
                    return files.anyMatch(f -> f.getFileName().toString().endsWith(".expected.json"));
                } catch (IOException e) {
                    return false;
                }
            }).count();
            assertTrue(layouts >= 6, "layouts: " + layouts);
        }
    }
}
