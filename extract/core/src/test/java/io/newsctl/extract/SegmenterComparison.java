package io.newsctl.extract;

import com.hankcs.hanlp.seg.common.Term;
import io.newsctl.extract.eval.Evaluation;
import io.newsctl.extract.eval.GoldArticle;
import io.newsctl.extract.kb.KnowledgeBase;
import io.newsctl.extract.rules.Segmenter;
import io.newsctl.extract.text.FieldText;
import io.newsctl.model.EntityType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Measures the segmenter choices on the labelled evaluation set: accuracy (people, places, companies,
 * and how many company/chip mentions HanLP itself cuts as one word, before the extractor enforces
 * them) and single-thread speed of the whole extraction and of the bare segmentation.
 *
 * <pre>java -cp target/test-classes:target/classes:$(deps) io.newsctl.extract.SegmenterComparison [evalDir]</pre>
 */
public final class SegmenterComparison {
    private SegmenterComparison() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "samples/eval/extract");
        KnowledgeBase kb = KnowledgeBase.load();
        List<GoldArticle> gold = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                gold.add(GoldArticle.read(p));
            }
        }
        long chars = gold.stream().mapToLong(g -> g.title().length() + g.body().length()).sum();
        Map<String, Segmenter.Options> configs = new LinkedHashMap<>();
        configs.put("viterbi+person+translit+place+kb (chosen)", Segmenter.Options.DEFAULT);
        configs.put("viterbi+person+translit+kb", new Segmenter.Options(true, true, true, false, false, true));
        configs.put("viterbi+person+kb", new Segmenter.Options(true, true, false, false, false, true));
        configs.put("viterbi+all incl. org+kb", new Segmenter.Options(true, true, true, true, true, true));
        configs.put("viterbi, no recognizers+kb", new Segmenter.Options(true, false, false, false, false, true));
        configs.put("viterbi+person+translit+place, no kb", new Segmenter.Options(true, true, true, true, false, false));
        configs.put("dat (max match)+kb", new Segmenter.Options(false, false, false, false, false, true));
        System.out.printf("%d articles, %,d chars; speed = single thread, median of 5 rounds after warm-up%n%n", gold.size(),
                chars);
        System.out.printf("%-42s %8s %8s %8s %8s %10s %12s %12s%n", "segmenter", "PERSON", "PLACE", "COMPANY", "CHIP",
                "KB-1-word", "extract c/s", "segment c/s");
        for (Map.Entry<String, Segmenter.Options> c : configs.entrySet()) {
            Extractor extractor = new Extractor(kb, c.getValue());
            Segmenter segmenter = new Segmenter(kb, c.getValue());
            Evaluation e = Evaluation.run(extractor, dir);
            double integrity = integrity(segmenter, gold);
            double extract = speed(chars, () -> gold.forEach(g -> extractor.enrich(g.raw())));
            double segment = speed(chars, () -> gold.forEach(g -> {
                segmenter.terms(new FieldText("title", g.title()));
                segmenter.terms(new FieldText("body", g.body()));
            }));
            System.out.printf("%-42s %8.3f %8.3f %8.3f %8.3f %10.3f %12s %12s%n", c.getKey(),
                    e.mentions().get("PERSON").f1(), e.mentions().get("PLACE").f1(), e.mentions().get("COMPANY").f1(),
                    e.mentions().get("CHIP").f1(), integrity, mega(extract), mega(segment));
        }
    }

    /** Share of labelled company and chip mentions that HanLP's own cut has as exactly one word. */
    private static double integrity(Segmenter segmenter, List<GoldArticle> gold) {
        int total = 0;
        int whole = 0;
        for (GoldArticle g : gold) {
            for (String field : new String[] {"title", "body"}) {
                String text = g.field(field);
                Set<Long> words = new HashSet<>();
                for (Term t : segmenter.terms(new FieldText(field, text))) {
                    words.add(((long) t.offset << 32) | (t.offset + t.word.length()));
                }
                for (GoldArticle.GoldMention m : g.mentions()) {
                    if (m.field().equals(field) && (m.type() == EntityType.COMPANY || m.type() == EntityType.CHIP)
                            && m.text().indexOf(' ') < 0) {
                        total++;
                        if (words.contains(((long) m.start() << 32) | m.end())) {
                            whole++;
                        }
                    }
                }
            }
        }
        return total == 0 ? 1 : (double) whole / total;
    }

    private static double speed(long chars, Runnable round) {
        for (int i = 0; i < 40; i++) {
            round.run();
        }
        double[] rates = new double[5];
        for (int r = 0; r < rates.length; r++) {
            long t = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                round.run();
            }
            rates[r] = chars * 20 / ((System.nanoTime() - t) / 1e9);
        }
        java.util.Arrays.sort(rates);
        return rates[rates.length / 2];
    }

    private static String mega(double charsPerSecond) {
        return String.format("%.2f M", charsPerSecond / 1e6);
    }
}
