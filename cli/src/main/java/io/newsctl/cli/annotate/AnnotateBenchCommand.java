package io.newsctl.cli.annotate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsctl.extract.Extractor;
import io.newsctl.model.ModelJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsctl bench-annotate}: lines/s and chars/s of {@code annotate} with 1 and 2 threads,
 * against the extract stage's own throughput ({@link Extractor#analyze} called directly on the
 * same texts with the same threads) measured in the same run. The ratio shows what annotation adds
 * on top of extraction (JSON in and out, ordering).
 */
@Command(name = "bench-annotate", mixinStandardHelpOptions = true,
        description = "Benchmark annotate against the extractor's own throughput on a generated corpus.")
public final class AnnotateBenchCommand implements Callable<Integer> {

    @Option(names = "--lines", defaultValue = "2000", description = "Lines in the generated corpus (default ${DEFAULT-VALUE}).")
    int lines;

    @Option(names = "--rounds", defaultValue = "3", description = "Measured rounds; the best is reported (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--texts", paramLabel = "DIR", description = "Articles to vary (default: samples/eval/extract).")
    Path texts;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path home = Path.of(System.getProperty("newsctl.home", "."));
        List<String> corpus = corpus(texts != null ? texts : home.resolve("samples/eval/extract"), lines);
        long chars = corpus.stream().mapToLong(String::length).sum();
        String jsonl = toJsonLines(corpus);
        Extractor extractor = Extractor.createDefault();
        out.printf(Locale.ROOT, "corpus: %,d lines, %,d chars (%.0f chars/line); %d cores%n", corpus.size(), chars,
                (double) chars / corpus.size(), Runtime.getRuntime().availableProcessors());
        out.flush();
        // warm-up: the JIT and HanLP's caches, on both paths, over the whole corpus
        analyzeDirect(extractor, corpus, 2);
        annotate(extractor, jsonl, 2);
        out.println("threads  extractor lines/s  chars/s     annotate lines/s  chars/s     ratio");
        for (int threads : new int[] {1, 2}) {
            // rounds alternate between the two paths so load from elsewhere hits both alike
            double direct = Double.MAX_VALUE;
            double annotated = Double.MAX_VALUE;
            for (int round = 0; round < rounds; round++) {
                direct = Math.min(direct, analyzeDirect(extractor, corpus, threads));
                annotated = Math.min(annotated, annotate(extractor, jsonl, threads));
            }
            double directRate = corpus.size() / direct;
            double annotateRate = corpus.size() / annotated;
            out.printf(Locale.ROOT, "%7d  %17.0f  %10.0f  %16.0f  %10.0f  %5.2f×%n", threads, directRate,
                    chars / direct, annotateRate, chars / annotated, annotateRate / directRate);
            out.flush();
        }
        return 0;
    }

    /** The extract stage's own work: analyze every text, nothing else. */
    static double analyzeDirect(Extractor extractor, List<String> corpus, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<Integer>> futures = new ArrayList<>();
            int chunk = (corpus.size() + threads - 1) / threads;
            for (int t = 0; t < threads; t++) {
                List<String> part = corpus.subList(Math.min(corpus.size(), t * chunk),
                        Math.min(corpus.size(), (t + 1) * chunk));
                futures.add(pool.submit(() -> {
                    int found = 0;
                    for (String text : part) {
                        found += extractor.analyze(text).entities().size();
                    }
                    return found;
                }));
            }
            for (Future<Integer> future : futures) {
                future.get();
            }
            return (System.nanoTime() - start) / 1e9;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The whole annotate path: read JSON Lines, analyze in order, write JSON Lines. */
    static double annotate(Extractor extractor, String jsonl, int threads) throws Exception {
        AnnotateCommand.Annotator annotator = new AnnotateCommand.Annotator(extractor, AnnotateCommand.Format.JSONL,
                false, threads, new PrintWriter(Writer.nullWriter()), 3600);
        long start = System.nanoTime();
        AnnotateCommand.Annotator.Summary summary =
                annotator.run(new BufferedReader(new StringReader(jsonl)), Writer.nullWriter());
        double seconds = (System.nanoTime() - start) / 1e9;
        if (summary.bad() > 0) {
            throw new IllegalStateException(summary.bad() + " generated lines failed to annotate");
        }
        return seconds;
    }

    /** Texts varied from labelled articles: paragraphs shuffled, digits changed. */
    static List<String> corpus(Path dir, int lines) throws IOException {
        List<String> seeds = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode article = ModelJson.mapper().readTree(file.toFile());
                seeds.add(article.path("title").asText("") + "\n\n" + article.path("body").asText(""));
            }
        }
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("no labelled articles in " + dir);
        }
        Random random = new Random(42);
        List<String> corpus = new ArrayList<>(lines);
        for (int i = 0; i < lines; i++) {
            List<String> paragraphs = new ArrayList<>(List.of(seeds.get(i % seeds.size()).split("\n\n")));
            java.util.Collections.shuffle(paragraphs, random);
            StringBuilder text = new StringBuilder();
            for (String paragraph : paragraphs) {
                for (char c : paragraph.toCharArray()) {
                    text.append(c >= '1' && c <= '9' && random.nextInt(4) == 0 ? (char) ('1' + random.nextInt(9)) : c);
                }
                text.append("\n\n");
            }
            corpus.add(text.toString().strip());
        }
        return corpus;
    }

    private static String toJsonLines(List<String> corpus) {
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < corpus.size(); i++) {
            ObjectNode line = ModelJson.mapper().createObjectNode();
            line.put("id", i);
            line.put("text", corpus.get(i));
            jsonl.append(line).append('\n');
        }
        return jsonl.toString();
    }
}
