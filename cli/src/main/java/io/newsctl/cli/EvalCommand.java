package io.newsctl.cli;

import io.newsctl.extract.Extractor;
import io.newsctl.extract.eval.Evaluation;
import io.newsctl.ingest.ArticleParser;
import io.newsctl.ingest.eval.ParseEvaluation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsctl eval}: accuracy of the two extraction stages on the labelled sets the project
 * ships — page parsing (per field) and entity/figure extraction (precision, recall, F1 per type).
 * Exits 1 when a score is below its floor.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Print parse accuracy per field and extraction precision/recall/F1 per type on the labelled sets.")
final class EvalCommand implements Callable<Integer> {
    private static final List<String> GATED_TYPES = List.of("COMPANY", "CHIP", "FIGURE");

    @Option(names = "--pages", paramLabel = "DIR", description = "Labelled saved pages (default: samples/).")
    Path pages;

    @Option(names = "--texts", paramLabel = "DIR", description = "Labelled articles (default: samples/eval/extract/).")
    Path texts;

    @Option(names = "--only", paramLabel = "parse|extract", description = "Run one of the two evaluations.")
    String only;

    @Option(names = "--min", defaultValue = "0.95",
            description = "Floor for every parse field and for company/chip/figure F1 (default ${DEFAULT-VALUE}).")
    double min;

    @Option(names = {"-v", "--verbose"}, description = "List every mismatch.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path home = Path.of(System.getProperty("newsctl.home", "."));
        boolean ok = true;
        if (only == null || only.equals("parse")) {
            Path dir = pages != null ? pages : home.resolve("samples");
            requireDirectory(dir);
            ParseEvaluation.Report report = ParseEvaluation.evaluate(dir, ArticleParser.createDefault());
            out.println("Page parsing (" + dir + "):");
            out.print(capture(report::print));
            if (report.minimum() < min) {
                out.printf(Locale.ROOT, "FAIL: lowest field accuracy %.3f is below %.3f%n", report.minimum(), min);
                ok = false;
            }
            out.println();
        }
        if (only == null || only.equals("extract")) {
            Path dir = texts != null ? texts : home.resolve("samples/eval/extract");
            requireDirectory(dir);
            Evaluation evaluation = Evaluation.run(Extractor.createDefault(), dir);
            out.println("Entity and figure extraction (" + dir + "):");
            out.print(evaluation.report(verbose));
            for (String type : GATED_TYPES) {
                double f1 = evaluation.mentions().get(type).f1();
                if (f1 < min) {
                    out.printf(Locale.ROOT, "FAIL: %s F1 %.3f is below %.3f%n", type, f1, min);
                    ok = false;
                }
            }
            Path holdout = dir.resolveSibling(dir.getFileName() + "-holdout");
            if (texts == null && Files.isDirectory(holdout)) {
                // written after the rules were tuned: the fairer estimate for unseen text; reported, not gated
                out.println();
                out.println("Held-out articles (" + holdout + "):");
                out.print(Evaluation.run(Extractor.createDefault(), holdout).report(verbose));
            }
        }
        if (only != null && !only.equals("parse") && !only.equals("extract")) {
            throw new IllegalArgumentException("--only takes 'parse' or 'extract'");
        }
        out.flush();
        return ok ? 0 : 1;
    }

    private static void requireDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("no such directory: " + dir);
        }
    }

    private interface Printer {
        void print(PrintStream out);
    }

    private static String capture(Printer printer) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream stream = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            printer.print(stream);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
