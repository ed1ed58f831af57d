package io.newsctl.cli.annotate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsctl.extract.Extractor;
import io.newsctl.model.ModelJson;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsctl annotate}: the pipeline's segmentation, entities and figures over a researcher's
 * own texts, offline. JSON Lines in ({@code id}, {@code text}, any other fields), JSON Lines or
 * TSV out, in input order, in constant memory, on all cores. Uses the extract stage's
 * {@link Extractor} itself, so the results are the pipeline's.
 */
@Command(name = "annotate", mixinStandardHelpOptions = true,
        description = {
                "Annotate JSON Lines ({\"id\":…, \"text\":…}) with entities, figures and tags.",
                "Offsets are UTF-16 indexes into \"text\" as given (end exclusive), as Java and JavaScript count them.",
                "Bad lines are reported on stderr with their line number and skipped; exit code 1 if any."})
public final class AnnotateCommand implements Callable<Integer> {
    enum Format { JSONL, TSV }

    @Option(names = "--in", paramLabel = "FILE", description = "Input JSON Lines (default: stdin).")
    Path in;

    @Option(names = "--out", paramLabel = "FILE", description = "Output (default: stdout).")
    Path out;

    @Option(names = "--format", defaultValue = "jsonl",
            description = "jsonl (default): the input objects with entities, figures, tags added; "
                    + "tsv: one mention per line (id, type, start, end, text, canonical).")
    String format;

    @Option(names = "--tokens", description = "Add the segmented words with their offsets (jsonl only).")
    boolean tokens;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: one per core).")
    Integer threads;

    @Option(names = "--progress-seconds", defaultValue = "5", hidden = true)
    int progressSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Format outputFormat = parseFormat(format);
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1 || workers > 256) {
            throw new IllegalArgumentException("--threads must be between 1 and 256");
        }
        PrintWriter err = spec.commandLine().getErr();
        Extractor extractor = Extractor.createDefault();
        try (InputStream input = in == null ? System.in : Files.newInputStream(in);
             OutputStream output = out == null ? nonClosing(System.out) : Files.newOutputStream(out)) {
            Annotator annotator = new Annotator(extractor, outputFormat, tokens, workers, err, progressSeconds);
            Annotator.Summary summary = annotator.run(
                    new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8), 1 << 16),
                    new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 1 << 16));
            if (summary.bad() > 0 || summary.lines() > 10_000) {
                err.printf(Locale.ROOT, "annotate: %,d lines, %,d annotated, %,d bad%n",
                        summary.lines(), summary.annotated(), summary.bad());
            }
            err.flush();
            return summary.bad() == 0 ? 0 : 1;
        }
    }

    private static Format parseFormat(String value) {
        try {
            return Format.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--format takes jsonl or tsv");
        }
    }

    private static OutputStream nonClosing(OutputStream stream) {
        return new java.io.FilterOutputStream(stream) {
            @Override
            public void write(byte[] b, int off, int len) throws java.io.IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws java.io.IOException {
                flush();
            }
        };
    }

    /** The streaming loop, separate from picocli so tests and the benchmark drive it directly. */
    static final class Annotator {
        record Summary(long lines, long annotated, long bad) {
        }

        private record Result(long line, ObjectNode annotated, String error) {
        }

        /** Lines per batch handed to a worker, and the characters that close a batch early (memory). */
        private static final int BATCH_LINES = 16;
        private static final int BATCH_CHARS = 256 * 1024;

        private final Extractor extractor;
        private final Format format;
        private final boolean tokens;
        private final int threads;
        private final PrintWriter err;
        private final long progressNanos;

        Annotator(Extractor extractor, Format format, boolean tokens, int threads, PrintWriter err, int progressSeconds) {
            this.extractor = extractor;
            this.format = format;
            this.tokens = tokens;
            this.threads = threads;
            this.err = err;
            this.progressNanos = progressSeconds * 1_000_000_000L;
        }

        Summary run(BufferedReader reader, Writer writer) throws Exception {
            long[] counts = new long[3]; // lines, annotated, bad
            long started = System.nanoTime();
            long[] nextProgress = {started + progressNanos};
            if (format == Format.TSV) {
                writer.write("id\ttype\tstart\tend\ttext\tcanonical\n");
            }
            OrderedPipeline.Sink<List<Result>> sink = results -> {
                for (Result result : results) {
                    if (result.error() != null) {
                        counts[2]++;
                        err.println("line " + result.line() + ": " + result.error());
                    } else {
                        counts[1]++;
                        write(result.annotated(), writer);
                    }
                }
                long now = System.nanoTime();
                if (now >= nextProgress[0]) {
                    nextProgress[0] = now + progressNanos;
                    double seconds = (now - started) / 1e9;
                    err.printf(Locale.ROOT, "annotate: %,d lines (%,.0f lines/s), %,d bad%n",
                            counts[1] + counts[2], (counts[1] + counts[2]) / seconds, counts[2]);
                    err.flush();
                }
            };
            // Lines go to the workers in small batches: one hand-over per line (a task, a wake-up,
            // a join) cost about a tenth of the extractor's own time per line at one thread.
            try (OrderedPipeline<List<String[]>, List<Result>> pipeline =
                         new OrderedPipeline<>(threads, threads * 4, this::processBatch, sink)) {
                List<String[]> batch = new ArrayList<>(BATCH_LINES);
                long batchChars = 0;
                String line;
                while ((line = reader.readLine()) != null) {
                    counts[0]++;
                    if (counts[0] == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                        line = line.substring(1);
                    }
                    if (line.isBlank()) {
                        continue;
                    }
                    batch.add(new String[] {Long.toString(counts[0]), line});
                    batchChars += line.length();
                    if (batch.size() == BATCH_LINES || batchChars >= BATCH_CHARS) {
                        pipeline.submit(batch);
                        batch = new ArrayList<>(BATCH_LINES);
                        batchChars = 0;
                    }
                }
                if (!batch.isEmpty()) {
                    pipeline.submit(batch);
                }
                pipeline.finish();
            }
            writer.flush();
            return new Summary(counts[1] + counts[2], counts[1], counts[2]);
        }

        private List<Result> processBatch(List<String[]> numberedLines) {
            List<Result> results = new ArrayList<>(numberedLines.size());
            for (String[] numberedLine : numberedLines) {
                results.add(process(numberedLine));
            }
            return results;
        }

        private Result process(String[] numberedLine) {
            long number = Long.parseLong(numberedLine[0]);
            try {
                ObjectNode input = Annotation.parse(numberedLine[1]);
                return new Result(number, Annotation.annotate(extractor, input, tokens), null);
            } catch (Annotation.BadLineException e) {
                return new Result(number, null, e.getMessage());
            } catch (RuntimeException e) {
                return new Result(number, null, "annotation failed: " + e);
            }
        }

        private void write(ObjectNode annotated, Writer writer) throws Exception {
            if (format == Format.JSONL) {
                writer.write(ModelJson.mapper().writeValueAsString(annotated));
                writer.write('\n');
                return;
            }
            String id = id(annotated.get("id"));
            for (Annotation.Mention m : Annotation.mentions(annotated)) {
                writer.write(tsv(id) + '\t' + m.type() + '\t' + m.start() + '\t' + m.end() + '\t' + tsv(m.text())
                        + '\t' + tsv(m.canonical()) + '\n');
            }
        }

        private static String id(JsonNode id) {
            return id == null || id.isNull() ? "" : id.isTextual() ? id.asText() : id.toString();
        }

        /** Backslash escapes for tab, line breaks and backslash, so each mention stays one TSV row. */
        static String tsv(String value) {
            StringBuilder out = new StringBuilder(value.length());
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\\' -> out.append("\\\\");
                    default -> out.append(c);
                }
            }
            return out.toString();
        }
    }
}
