package io.newsctl.ingest.eval;

import io.newsctl.ingest.ArticleParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Prints per-field parse accuracy over the labelled samples.
 *
 * <pre>ParseEvaluationMain [SAMPLES_DIR (default: samples)] [--min 0.95]</pre>
 * With {@code --min}, exits 1 when any field scores below the floor; exits 2 on bad arguments.
 */
public final class ParseEvaluationMain {
    private ParseEvaluationMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of("samples");
        double min = -1;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--min") && i + 1 < args.length) {
                min = Double.parseDouble(args[++i]);
            } else if (args[i].startsWith("-")) {
                System.err.println("usage: ParseEvaluationMain [SAMPLES_DIR] [--min 0.95]");
                System.exit(2);
            } else {
                dir = Path.of(args[i]);
            }
        }
        if (!Files.isDirectory(dir)) {
            System.err.println("no such samples folder: " + dir.toAbsolutePath());
            System.exit(2);
        }
        ParseEvaluation.Report report = ParseEvaluation.evaluate(dir, ArticleParser.createDefault());
        report.print(System.out);
        if (min >= 0 && report.minimum() < min) {
            System.out.printf(Locale.ROOT, "FAIL: lowest field accuracy %.3f is below %.3f%n", report.minimum(), min);
            System.exit(1);
        }
    }
}
