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
        configs.put("A viterbi+names in cue sentences+kb (chosen)", Segmenter.Options.DEFAULT);
        configs.put("B viterbi+names everywhere+kb", new Segmenter.Options(true, true, true, false, false, true, false));
        configs.put("C viterbi+names+places+kb", new Segmenter.Options(true, true, true, true, false, true, false));
        configs.put("D viterbi+all incl. org+kb", new Segmenter.Options(true, true, true, true, true, true, false));
        configs.put("E viterbi, no recognizers+kb", new Segmenter.Options(true, false, false, false, false, true, false));
        configs.put("F viterbi+names+places, no kb", new Segmenter.Options(true, true, true, true, false, false, false));
        configs.put("G dat (max match)+kb", new Segmenter.Options(false, false, false, false, false, true, false));
        configs.put("A again (order and JIT check)", Segmenter.Options.DEFAULT);
        System.out.printf("%d articles, %,d chars; speed = chars per thread-CPU-second, median of 5 rounds after warm-up%n%n", gold.size(),
                chars);
        System.out.printf("%-42s %8s %8s %8s %8s %10s %12s %12s%n", "segmenter", "PERSON", "PLACE", "COMPANY", "CHIP",
                "KB-1-word", "extract c/s", "segment c/s");
        organizationRecognizer(kb, gold);
        if (args.length > 1 && args[1].equals("--org-only")) {
            return;
        }
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

    /**
     * Precision of HanLP's organization recognizer on the words the knowledge base does not cover:
     * every nt* word that overlaps no knowledge-base mention, judged against the labelled companies and
     * organizations (exact span), all of them and only those ending in a company suffix.
     */
    static void organizationRecognizer(KnowledgeBase kb, List<GoldArticle> gold) {
        Segmenter withOrg = new Segmenter(kb, new Segmenter.Options(true, true, true, false, true, true, false));
        io.newsctl.extract.rules.EntityRecognizer recognizer = new io.newsctl.extract.rules.EntityRecognizer(kb);
        int all = 0;
        int allRight = 0;
        int suffixed = 0;
        int suffixedRight = 0;
        List<String> samples = new ArrayList<>();
        for (GoldArticle g : gold) {
            for (String field : new String[] {"title", "body"}) {
                FieldText f = new FieldText(field, g.field(field));
                var known = io.newsctl.extract.rules.MentionResolver.resolve(recognizer.find(f));
                for (Term t : withOrg.terms(f)) {
                    if (t.nature == null || !t.nature.toString().startsWith("nt")) {
                        continue;
                    }
                    int start = t.offset;
                    int end = start + t.word.length();
                    if (known.stream().anyMatch(m -> m.overlaps(start, end))) {
                        continue;
                    }
                    boolean right = g.mentions().stream().anyMatch(m -> m.field().equals(field) && m.start() == start
                            && m.end() == end && (m.type() == EntityType.COMPANY || m.type() == EntityType.ORGANIZATION));
                    boolean suffix = t.word.matches(".{2,}(公司|集团|科技|股份|银行|证券|资本|基金|研究院|大学|协会|委员会|部|局|航空|物流|汽车)");
                    all++;
                    allRight += right ? 1 : 0;
                    if (suffix) {
                        suffixed++;
                        suffixedRight += right ? 1 : 0;
                    }
                    if (samples.size() < 40) {
                        samples.add(t.word + (right ? "✓" : "✗"));
                    }
                }
            }
        }
        System.out.printf("%nHanLP organization recognizer, words outside the knowledge base: %d, correct %d (precision %.2f);"
                + " with a company/organization suffix: %d, correct %d (precision %.2f)%n  %s%n", all, allRight,
                all == 0 ? 0 : (double) allRight / all, suffixed, suffixedRight,
                suffixed == 0 ? 0 : (double) suffixedRight / suffixed, String.join(" ", samples));
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
        for (int i = 0; i < 100; i++) {
            round.run();
        }
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] rates = new double[5];
        for (int r = 0; r < rates.length; r++) {
            long t = mx.getCurrentThreadCpuTime(); // CPU time: the machine is shared
            for (int i = 0; i < 20; i++) {
                round.run();
            }
            rates[r] = chars * 20 / ((mx.getCurrentThreadCpuTime() - t) / 1e9);
        }
        java.util.Arrays.sort(rates);
        return rates[rates.length / 2];
    }

    private static String mega(double charsPerSecond) {
        return String.format("%.2f M", charsPerSecond / 1e6);
    }
}
