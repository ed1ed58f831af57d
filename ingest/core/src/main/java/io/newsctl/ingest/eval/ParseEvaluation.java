package io.newsctl.ingest.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsctl.ingest.ArticleParser;
import io.newsctl.ingest.ParsedPage;
import io.newsctl.ingest.SavedPages;
import io.newsctl.model.ModelJson;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Scores {@link ArticleParser} against labelled pages: every {@code NAME.expected.json} under a folder
 * next to its {@code NAME.html} (format in samples/README.md). A field is scored only on pages whose
 * expected file names it; {@code null} there means "must be absent". Article fields are scored only
 * on pages expected to be articles.
 */
public final class ParseEvaluation {
    /** Fields in report order. */
    public static final List<String> FIELDS = List.of("isArticle", "url", "title", "author", "originalSource",
            "publishedAt", "language", "firstSentence", "lastSentence", "boilerplate", "links");

    /** Per-field tallies and the mismatches, one line each. */
    public record Report(Map<String, int[]> tallies, List<String> mismatches, int pages) {
        public double accuracy(String field) {
            int[] t = tallies.get(field);
            return t == null || t[1] == 0 ? Double.NaN : (double) t[0] / t[1];
        }

        /** The lowest per-field accuracy over the fields that were scored at all. */
        public double minimum() {
            double min = 1.0;
            for (String f : tallies.keySet()) {
                double a = accuracy(f);
                if (!Double.isNaN(a)) {
                    min = Math.min(min, a);
                }
            }
            return min;
        }

        public void print(PrintStream out) {
            out.printf(Locale.ROOT, "parse evaluation: %d labelled pages%n", pages);
            out.printf(Locale.ROOT, "%-16s %8s %8s%n", "field", "correct", "accuracy");
            for (String f : FIELDS) {
                int[] t = tallies.get(f);
                if (t != null && t[1] > 0) {
                    out.printf(Locale.ROOT, "%-16s %4d/%-4d %7.3f%n", f, t[0], t[1], accuracy(f));
                }
            }
            if (!mismatches.isEmpty()) {
                out.println("mismatches:");
                mismatches.forEach(m -> out.println("  " + m));
            }
        }
    }

    private ParseEvaluation() {
    }

    public static Report evaluate(Path samples, ArticleParser parser) throws IOException {
        List<Path> expectedFiles;
        try (Stream<Path> walk = Files.walk(samples)) {
            expectedFiles = walk.filter(p -> p.getFileName().toString().endsWith(".expected.json"))
                    .sorted(Comparator.comparing(Path::toString)).toList();
        }
        Map<String, int[]> tallies = new LinkedHashMap<>();
        List<String> mismatches = new ArrayList<>();
        for (Path expectedFile : expectedFiles) {
            String name = expectedFile.getFileName().toString().replace(".expected.json", "");
            Path html = expectedFile.resolveSibling(name + ".html");
            String label = samples.relativize(html).toString();
            if (!Files.exists(html)) {
                mismatches.add(label + ": missing page for " + expectedFile.getFileName());
                continue;
            }
            JsonNode exp = ModelJson.mapper().readTree(expectedFile.toFile());
            byte[] bytes = Files.readAllBytes(html);
            String url = text(exp, "fetchedUrl");
            if (url == null) {
                SavedPages.Scan scan = SavedPages.scan(html);
                url = scan.pages().isEmpty() ? null : scan.pages().get(0).url();
            }
            Instant fetchedAt = Instant.parse(Objects.requireNonNull(text(exp, "fetchedAt"), "fetchedAt in " + expectedFile));
            ParsedPage page = parser.parse(bytes, text(exp, "contentType"), url, fetchedAt);

            boolean expectArticle = !exp.has("isArticle") || exp.get("isArticle").asBoolean();
            score(tallies, mismatches, label, "isArticle", exp.has("isArticle"), expectArticle == page.isArticle(),
                    expectArticle, page.isArticle());
            score(tallies, mismatches, label, "url", exp.has("url"), Objects.equals(text(exp, "url"), page.url()),
                    text(exp, "url"), page.url());
            if (exp.has("minLinks")) {
                int min = exp.get("minLinks").asInt();
                score(tallies, mismatches, label, "links", true, page.links().size() >= min, ">= " + min, page.links().size());
            }
            if (!expectArticle) {
                continue;
            }
            scoreText(tallies, mismatches, label, exp, "title", page.title());
            scoreText(tallies, mismatches, label, exp, "author", page.author());
            scoreText(tallies, mismatches, label, exp, "originalSource", page.originalSource());
            scoreText(tallies, mismatches, label, exp, "language", page.language());
            if (exp.has("publishedAt")) {
                OffsetDateTime want = time(text(exp, "publishedAt"));
                score(tallies, mismatches, label, "publishedAt", true, Objects.equals(want, page.publishedAt()),
                        want, page.publishedAt());
            }
            if (exp.has("firstSentence")) {
                String want = text(exp, "firstSentence");
                score(tallies, mismatches, label, "firstSentence", true, want != null && page.body().startsWith(want),
                        want, head(page.body()));
            }
            if (exp.has("lastSentence")) {
                String want = text(exp, "lastSentence");
                score(tallies, mismatches, label, "lastSentence", true, want != null && page.body().endsWith(want),
                        want, tail(page.body()));
            }
            if (exp.has("bodyExcludes")) {
                List<String> found = new ArrayList<>();
                for (JsonNode n : exp.get("bodyExcludes")) {
                    if (page.body().contains(n.asText())) {
                        found.add(n.asText());
                    }
                }
                score(tallies, mismatches, label, "boilerplate", true, found.isEmpty(), "none of " + exp.get("bodyExcludes"),
                        found);
            }
        }
        return new Report(tallies, mismatches, expectedFiles.size());
    }

    private static void scoreText(Map<String, int[]> tallies, List<String> mismatches, String label, JsonNode exp,
                                  String field, String actual) {
        if (exp.has(field)) {
            String want = text(exp, field);
            score(tallies, mismatches, label, field, true, Objects.equals(want, actual), want, actual);
        }
    }

    private static void score(Map<String, int[]> tallies, List<String> mismatches, String label, String field,
                              boolean scored, boolean ok, Object want, Object got) {
        if (!scored) {
            return;
        }
        int[] t = tallies.computeIfAbsent(field, k -> new int[2]);
        t[1]++;
        if (ok) {
            t[0]++;
        } else {
            mismatches.add(label + " " + field + ": expected <" + want + "> got <" + got + ">");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static OffsetDateTime time(String s) {
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String head(String body) {
        return body.length() <= 40 ? body : body.substring(0, 40) + "…";
    }

    private static String tail(String body) {
        return body.length() <= 40 ? body : "…" + body.substring(body.length() - 40);
    }
}
