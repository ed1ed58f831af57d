package io.newsctl.extract.eval;

import io.newsctl.extract.Extractor;
import io.newsctl.extract.eval.GoldArticle.GoldFigure;
import io.newsctl.extract.eval.GoldArticle.GoldMention;
import io.newsctl.model.EnrichedArticle;
import io.newsctl.model.Entity;
import io.newsctl.model.EntityType;
import io.newsctl.model.Figure;
import io.newsctl.model.Span;
import io.newsctl.model.Tags;
import io.newsctl.extract.text.Normalizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Scores the extractor against the labelled articles of a directory: precision, recall and F1 per
 * type over mentions (exact span; for companies and chips also the knowledge-base id, for chips also
 * the vendor), over figures (exact span, kind, value, unit), distinct entities per article, figure
 * attributes, and the export-policy tag per article.
 */
public final class Evaluation {
    /** Counts of one row of the table. */
    public static final class Score {
        int gold;
        int predicted;
        int correct;

        public int gold() {
            return gold;
        }

        public int predicted() {
            return predicted;
        }

        public int correct() {
            return correct;
        }

        public double precision() {
            return predicted == 0 ? 1.0 : (double) correct / predicted;
        }

        public double recall() {
            return gold == 0 ? 1.0 : (double) correct / gold;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    private final Map<String, Score> mentions = new LinkedHashMap<>();
    private final Map<String, Score> distinct = new LinkedHashMap<>();
    private final Map<String, int[]> attributes = new LinkedHashMap<>();
    private final Score tag = new Score();
    private final List<String> errors = new ArrayList<>();
    private int articles;
    private long chars;

    private Evaluation() {
        for (String type : List.of("COMPANY", "CHIP", "FIGURE", "ORGANIZATION", "PERSON", "PLACE")) {
            mentions.put(type, new Score());
            distinct.put(type, new Score());
        }
        for (String a : List.of("metric", "subject", "period", "yoy")) {
            attributes.put(a, new int[2]);
        }
    }

    /** Runs the extractor over every {@code *.json} article of {@code dir}. */
    public static Evaluation run(Extractor extractor, Path dir) {
        Evaluation e = new Evaluation();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot list " + dir, ex);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no *.json articles in " + dir);
        }
        for (Path file : files) {
            GoldArticle gold;
            try {
                gold = GoldArticle.read(file);
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot read " + file, ex);
            }
            e.score(gold, extractor.enrich(gold.raw()));
        }
        return e;
    }

    public Map<String, Score> mentions() {
        return mentions;
    }

    public Map<String, Score> distinct() {
        return distinct;
    }

    public Score tag() {
        return tag;
    }

    public List<String> errors() {
        return errors;
    }

    public int articles() {
        return articles;
    }

    /** Accuracy of a figure attribute over the correctly found figures whose label states it. */
    public double attributeAccuracy(String name) {
        int[] a = attributes.get(name);
        return a[1] == 0 ? 1.0 : (double) a[0] / a[1];
    }

    public int attributeLabelled(String name) {
        return attributes.get(name)[1];
    }

    private record Predicted(EntityType type, String id, String vendor, String canonical, Span span) {
    }

    private void score(GoldArticle gold, EnrichedArticle out) {
        articles++;
        chars += length(gold.title()) + length(gold.summary()) + length(gold.body());
        List<Predicted> predicted = new ArrayList<>();
        for (Entity en : out.entities()) {
            for (Span s : en.mentions()) {
                predicted.add(new Predicted(en.type(), en.id(), en.vendor(), en.canonical(), s));
            }
        }
        for (EntityType type : List.of(EntityType.COMPANY, EntityType.CHIP, EntityType.ORGANIZATION, EntityType.PERSON,
                EntityType.PLACE)) {
            Score score = mentions.get(type.name());
            List<GoldMention> g = gold.mentions().stream().filter(m -> m.type() == type).toList();
            List<Predicted> p = predicted.stream().filter(m -> m.type() == type).toList();
            score.gold += g.size();
            score.predicted += p.size();
            Set<Predicted> matched = new HashSet<>();
            for (GoldMention m : g) {
                Predicted hit = p.stream().filter(x -> x.span().field().equals(m.field()) && x.span().start() == m.start()
                        && x.span().end() == m.end()).findFirst().orElse(null);
                boolean ok = hit != null && (m.id() == null || m.id().equals(hit.id()))
                        && (type != EntityType.CHIP || m.vendor() == null || m.vendor().equals(hit.vendor()));
                if (ok) {
                    score.correct++;
                    matched.add(hit);
                } else {
                    errors.add(gold.id() + "  missed " + type + " " + m.text() + " [" + m.field() + " " + m.start() + "]"
                            + (hit == null ? "" : " (found as id=" + hit.id() + " vendor=" + hit.vendor() + ")"));
                }
            }
            for (Predicted x : p) {
                if (!matched.contains(x)) {
                    boolean sameSpan = g.stream().anyMatch(m -> m.field().equals(x.span().field())
                            && m.start() == x.span().start() && m.end() == x.span().end());
                    if (!sameSpan) {
                        String text = gold.field(x.span().field()).substring(x.span().start(), x.span().end());
                        errors.add(gold.id() + "  spurious " + type + " " + text + " [" + x.span().field() + " "
                                + x.span().start() + "] id=" + x.id());
                    }
                }
            }
            // distinct entities of the article
            Set<String> goldKeys = new HashSet<>();
            for (GoldMention m : g) {
                goldKeys.add(m.id() != null ? m.id() : Normalizer.normalize(m.text()));
            }
            Set<String> predKeys = new HashSet<>();
            for (Predicted x : p) {
                predKeys.add(x.id() != null ? x.id() : Normalizer.normalize(x.canonical()));
            }
            Score d = distinct.get(type.name());
            d.gold += goldKeys.size();
            d.predicted += predKeys.size();
            for (String k : predKeys) {
                if (goldKeys.contains(k)) {
                    d.correct++;
                }
            }
        }
        scoreFigures(gold, out.figures());
        boolean goldTag = gold.tags().contains(Tags.EXPORT_POLICY);
        boolean predTag = out.tags().contains(Tags.EXPORT_POLICY);
        tag.gold += goldTag ? 1 : 0;
        tag.predicted += predTag ? 1 : 0;
        tag.correct += goldTag && predTag ? 1 : 0;
        if (goldTag != predTag) {
            errors.add(gold.id() + "  export-policy tag " + (predTag ? "spurious" : "missed"));
        }
    }

    private void scoreFigures(GoldArticle gold, List<Figure> figures) {
        Score score = mentions.get("FIGURE");
        score.gold += gold.figures().size();
        score.predicted += figures.size();
        Set<Figure> matched = new HashSet<>();
        for (GoldFigure g : gold.figures()) {
            Figure hit = figures.stream().filter(f -> f.span().field().equals(g.field()) && f.span().start() == g.start()
                    && f.span().end() == g.end()).findFirst().orElse(null);
            boolean ok = hit != null && hit.kind() == g.kind() && hit.value().compareTo(g.value()) == 0
                    && hit.unit().equals(g.unit()) && Objects.equals(hit.valueMax() == null ? null
                    : hit.valueMax().stripTrailingZeros(), g.valueMax() == null ? null : g.valueMax().stripTrailingZeros());
            if (!ok) {
                errors.add(gold.id() + "  missed FIGURE " + g.text() + " [" + g.field() + " " + g.start() + "]"
                        + (hit == null ? "" : " (found " + hit.kind() + " " + hit.value().toPlainString() + " " + hit.unit()
                        + (hit.valueMax() == null ? "" : " max " + hit.valueMax().toPlainString()) + ")"));
                continue;
            }
            score.correct++;
            matched.add(hit);
            g.attributes().forEach((name, expected) -> {
                int[] a = attributes.get(name);
                a[1]++;
                Object actual = switch (name) {
                    case "metric" -> hit.metric();
                    case "subject" -> hit.subject();
                    case "period" -> hit.period();
                    default -> hit.yearOnYear();
                };
                Object want = expected.isNull() ? null : expected.isBoolean() ? (Object) expected.asBoolean()
                        : Normalizer.normalize(expected.asText());
                Object have = actual instanceof String s ? Normalizer.normalize(s) : actual;
                if (Objects.equals(want, have)) {
                    a[0]++;
                } else {
                    errors.add(gold.id() + "  figure " + g.text() + " " + name + ": expected " + want + ", got " + have);
                }
            });
        }
        for (Figure f : figures) {
            if (!matched.contains(f) && gold.figures().stream().noneMatch(g -> g.field().equals(f.span().field())
                    && g.start() == f.span().start() && g.end() == f.span().end())) {
                errors.add(gold.id() + "  spurious FIGURE " + f.text() + " [" + f.span().field() + " " + f.span().start()
                        + "] " + f.kind() + " " + f.value().toPlainString() + " " + f.unit());
            }
        }
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    /** The report as printed by {@link EvaluationMain}. */
    public String report(boolean verbose) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("newsctl extract evaluation: %d articles, %,d characters%n%n", articles, chars));
        sb.append("Mentions (exact span; companies/chips also id, chips also vendor; figures also kind, value, unit)\n");
        table(sb, mentions);
        sb.append("\nDistinct entities per article (id, or name when not in the knowledge base)\n");
        Map<String, Score> d = new LinkedHashMap<>(distinct);
        d.remove("FIGURE");
        table(sb, d);
        sb.append("\nFigure attributes, over correctly found figures whose label states them\n");
        for (String a : attributes.keySet()) {
            int[] v = attributes.get(a);
            sb.append(String.format("  %-8s %4d / %-4d %.3f%n", a, v[0], v[1], attributeAccuracy(a)));
        }
        sb.append(String.format("%nTag export-policy (articles)   gold %d  predicted %d  correct %d   P %.3f  R %.3f  F1 %.3f%n",
                tag.gold, tag.predicted, tag.correct, tag.precision(), tag.recall(), tag.f1()));
        if (verbose) {
            sb.append("\nErrors\n");
            errors.forEach(e -> sb.append("  ").append(e).append('\n'));
        } else {
            sb.append(String.format("%n%d errors (run with --verbose to list them)%n", errors.size()));
        }
        return sb.toString();
    }

    private static void table(StringBuilder sb, Map<String, Score> rows) {
        sb.append(String.format("  %-13s %6s %6s %6s %7s %7s %7s%n", "type", "gold", "pred", "tp", "P", "R", "F1"));
        for (Map.Entry<String, Score> e : rows.entrySet()) {
            Score s = e.getValue();
            sb.append(String.format("  %-13s %6d %6d %6d %7.3f %7.3f %7.3f%n", e.getKey(), s.gold, s.predicted, s.correct,
                    s.precision(), s.recall(), s.f1()));
        }
    }
}
