package io.newsctl.extract.bench;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import io.newsctl.extract.Extractor;
import io.newsctl.extract.eval.GoldArticle;
import io.newsctl.model.RawArticle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Extraction throughput in characters per second on one thread, against raw HanLP segmentation of the
 * same articles in the same run. The corpus is the labelled evaluation set (title + body of each
 * article; {@code -Djmh.corpus=dir} to use another directory of eval JSON files). Read the
 * {@code chars} rows: they are characters per second.
 *
 * <ul>
 *   <li>{@code extract} — {@link Extractor#enrich}: normalisation, knowledge-base matching, HanLP
 *       segmentation with person/name recognition, figures, tags, people/places, keywords, digest,
 *       segmented text</li>
 *   <li>{@code hanlpViterbiAllRecognizers} — the baseline of the issue: {@code HanLP.newSegment()}
 *       (Viterbi) with {@code enableAllNamedEntityRecognize(true)} (person, transliterated, Japanese,
 *       place, organization) and {@code enableNumberQuantifierRecognize(true)}</li>
 *   <li>{@code hanlpViterbiDefaults} — {@code HanLP.newSegment()} as shipped, for reference</li>
 *   <li>{@code interleaved} — extraction and the baseline back to back, CPU time of each; on a busy
 *       machine read {@code baselineCpuMs / extractCpuMs} as the throughput ratio</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 6, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Threads(1)
public class ExtractBenchmark {
    private List<RawArticle> articles;
    private Extractor extractor;
    private Segment allRecognizers;
    private Segment defaults;

    /** Counts characters processed: JMH reports it as a rate (characters per second). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Chars {
        public long chars;

        @Setup(Level.Iteration)
        public void reset() {
            chars = 0;
        }
    }

    /**
     * CPU milliseconds spent by each side of {@link #interleaved}: on a shared machine, comparing these
     * two sums (same iterations, same load) is more reliable than comparing separately run benchmarks.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class CpuMillis {
        public double extractCpuMs;
        public double baselineCpuMs;

        @Setup(Level.Iteration)
        public void reset() {
            extractCpuMs = 0;
            baselineCpuMs = 0;
        }
    }

    private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    @Setup
    public void setUp() throws IOException {
        Path dir = Path.of(System.getProperty("jmh.corpus", locateEvalSet()));
        articles = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                articles.add(GoldArticle.read(p).raw());
            }
        }
        extractor = Extractor.createDefault();
        allRecognizers = HanLP.newSegment().enableAllNamedEntityRecognize(true).enableNumberQuantifierRecognize(true);
        defaults = HanLP.newSegment();
    }

    private static String locateEvalSet() {
        for (String candidate : List.of("samples/eval/extract", "../../samples/eval/extract")) {
            if (Files.isDirectory(Path.of(candidate))) {
                return candidate;
            }
        }
        throw new UncheckedIOException(new IOException("evaluation set not found; pass -Djmh.corpus=dir"));
    }

    @Benchmark
    public void extract(Chars c, Blackhole bh) {
        for (RawArticle a : articles) {
            bh.consume(extractor.enrich(a));
            c.chars += a.title().length() + a.body().length();
        }
    }

    @Benchmark
    public void hanlpViterbiAllRecognizers(Chars c, Blackhole bh) {
        for (RawArticle a : articles) {
            bh.consume(allRecognizers.seg(a.title()));
            bh.consume(allRecognizers.seg(a.body()));
            c.chars += a.title().length() + a.body().length();
        }
    }

    /**
     * Extraction and the all-recognizers baseline back to back in each invocation, timed in thread CPU:
     * the ratio {@code baselineCpuMs / extractCpuMs} is extraction throughput relative to the baseline.
     */
    @Benchmark
    public void interleaved(CpuMillis c, Blackhole bh) {
        long t0 = CPU.getCurrentThreadCpuTime();
        for (RawArticle a : articles) {
            bh.consume(extractor.enrich(a));
        }
        long t1 = CPU.getCurrentThreadCpuTime();
        for (RawArticle a : articles) {
            bh.consume(allRecognizers.seg(a.title()));
            bh.consume(allRecognizers.seg(a.body()));
        }
        long t2 = CPU.getCurrentThreadCpuTime();
        c.extractCpuMs += (t1 - t0) / 1e6;
        c.baselineCpuMs += (t2 - t1) / 1e6;
    }

    @Benchmark
    public void hanlpViterbiDefaults(Chars c, Blackhole bh) {
        for (RawArticle a : articles) {
            bh.consume(defaults.seg(a.title()));
            bh.consume(defaults.seg(a.body()));
            c.chars += a.title().length() + a.body().length();
        }
    }
}
