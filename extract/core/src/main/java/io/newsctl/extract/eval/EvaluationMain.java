package io.newsctl.extract.eval;

import io.newsctl.extract.Extractor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Prints precision / recall / F1 of the extractor on a labelled evaluation set.
 *
 * <pre>EvaluationMain [--verbose] [--min-f1 0.95] [dir]</pre>
 * The directory defaults to {@code samples/eval/extract}. With {@code --min-f1}, exits with status 1 when
 * companies, chips or figures score below it.
 */
public final class EvaluationMain {
    static final List<String> GATED = List.of("COMPANY", "CHIP", "FIGURE");

    private EvaluationMain() {
    }

    public static void main(String[] args) {
        boolean verbose = false;
        double minF1 = -1;
        Path dir = Path.of("samples/eval/extract");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--verbose", "-v" -> verbose = true;
                case "--min-f1" -> minF1 = Double.parseDouble(args[++i]);
                case "--help", "-h" -> {
                    System.out.println("usage: EvaluationMain [--verbose] [--min-f1 F] [dir]");
                    return;
                }
                default -> dir = Path.of(args[i]);
            }
        }
        if (!Files.isDirectory(dir)) {
            System.err.println("no such directory: " + dir);
            System.exit(2);
        }
        Evaluation e = Evaluation.run(Extractor.createDefault(), dir);
        System.out.print(e.report(verbose));
        if (minF1 >= 0) {
            for (String type : GATED) {
                double f1 = e.mentions().get(type).f1();
                if (f1 < minF1) {
                    System.out.printf("%s F1 %.3f is below %.3f%n", type, f1, minF1);
                    System.exit(1);
                }
            }
        }
    }
}
