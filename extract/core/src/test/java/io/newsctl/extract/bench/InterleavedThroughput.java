package io.newsctl.extract.bench;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import io.newsctl.extract.Extractor;
import io.newsctl.extract.eval.GoldArticle;
import io.newsctl.model.RawArticle;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The same comparison as {@link ExtractBenchmark}, made robust to a busy shared machine: extraction
 * and the HanLP baselines run in alternating rounds and are timed in thread CPU time, so a burst of
 * load from other processes hits both sides alike. Prints characters per CPU-second (median of the
 * rounds) and the median of the per-round ratios.
 *
 * <pre>java -cp target/test-classes:target/classes:$(deps) io.newsctl.extract.bench.InterleavedThroughput [evalDir] [rounds]</pre>
 */
public final class InterleavedThroughput {
    private InterleavedThroughput() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "samples/eval/extract");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        List<RawArticle> articles = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                articles.add(GoldArticle.read(p).raw());
            }
        }
        long chars = articles.stream().mapToLong(a -> a.title().length() + a.body().length()).sum();
        Extractor extractor = Extractor.createDefault();
        Segment all = HanLP.newSegment().enableAllNamedEntityRecognize(true).enableNumberQuantifierRecognize(true);
        Segment defaults = HanLP.newSegment();
        Runnable extract = () -> articles.forEach(extractor::enrich);
        Runnable baseline = () -> articles.forEach(a -> {
            all.seg(a.title());
            all.seg(a.body());
        });
        Runnable plain = () -> articles.forEach(a -> {
            defaults.seg(a.title());
            defaults.seg(a.body());
        });
        for (int i = 0; i < 60; i++) { // warm-up: JIT all three paths
            extract.run();
            baseline.run();
            plain.run();
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] e = new double[rounds];
        double[] b = new double[rounds];
        double[] d = new double[rounds];
        double[] ratio = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            e[r] = chars * 5 / seconds(mx, extract, 5);
            b[r] = chars * 5 / seconds(mx, baseline, 5);
            d[r] = chars * 5 / seconds(mx, plain, 5);
            ratio[r] = e[r] / b[r];
        }
        System.out.printf("corpus %d articles, %,d chars; %d interleaved rounds of 5 passes; thread CPU time%n",
                articles.size(), chars, rounds);
        System.out.printf("extract                          %,12.0f chars/CPU-s%n", median(e));
        System.out.printf("HanLP Viterbi, all recognizers   %,12.0f chars/CPU-s%n", median(b));
        System.out.printf("HanLP Viterbi, defaults          %,12.0f chars/CPU-s%n", median(d));
        System.out.printf("extract / all recognizers: median of per-round ratios %.2f (min %.2f, max %.2f)%n",
                median(ratio), Arrays.stream(ratio).min().orElse(0), Arrays.stream(ratio).max().orElse(0));
        System.out.printf("CPU per 3,800-char article: extract %.2f ms, all recognizers %.2f ms%n",
                3800 / median(e) * 1000, 3800 / median(b) * 1000);
    }

    private static double seconds(ThreadMXBean mx, Runnable work, int passes) {
        long start = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < passes; i++) {
            work.run();
        }
        return (mx.getCurrentThreadCpuTime() - start) / 1e9;
    }

    private static double median(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }
}
