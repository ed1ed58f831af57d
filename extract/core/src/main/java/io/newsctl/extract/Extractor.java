package io.newsctl.extract;

import com.hankcs.hanlp.seg.common.Term;
import io.newsctl.extract.kb.KnowledgeBase;
import io.newsctl.extract.rules.Digest;
import io.newsctl.extract.rules.EntityRecognizer;
import io.newsctl.extract.rules.FigureExtractor;
import io.newsctl.extract.rules.Keywords;
import io.newsctl.extract.rules.Mention;
import io.newsctl.extract.rules.MentionResolver;
import io.newsctl.extract.rules.PeoplePlaces;
import io.newsctl.extract.rules.PolicyTagger;
import io.newsctl.extract.rules.Segmenter;
import io.newsctl.extract.text.FieldText;
import io.newsctl.model.EnrichedArticle;
import io.newsctl.model.Entity;
import io.newsctl.model.EntityType;
import io.newsctl.model.Figure;
import io.newsctl.model.ModelJson;
import io.newsctl.model.RawArticle;
import io.newsctl.model.SegmentedText;
import io.newsctl.model.Span;
import io.newsctl.model.TagEvidence;
import io.newsctl.model.Tags;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extracts companies, chips, people, places, figures, tags, keywords and a digest from Chinese tech
 * news, and segments it for the search index.
 *
 * <p>Construction loads the knowledge base and configures HanLP; nothing changes afterwards, so one
 * instance is shared by all threads. {@link #createDefault()} returns the process-wide instance built
 * from the shipped knowledge base.
 */
public final class Extractor {
    private static final Logger LOG = LoggerFactory.getLogger(Extractor.class);
    private static final int KEYWORDS = 10;
    private static final int DIGEST_SENTENCES = 3;

    private final KnowledgeBase kb;
    private final EntityRecognizer recognizer;
    private final FigureExtractor figures;
    private final PolicyTagger policy;
    private final Segmenter segmenter;
    private final String version;

    private static final class Default {
        static final Extractor INSTANCE = new Extractor(KnowledgeBase.load());
    }

    Extractor(KnowledgeBase kb) {
        this(kb, Segmenter.Options.DEFAULT);
    }

    /** An extractor with another segmenter configuration, for measurements. */
    Extractor(KnowledgeBase kb, Segmenter.Options segmenterOptions) {
        long started = System.nanoTime();
        this.kb = kb;
        this.recognizer = new EntityRecognizer(kb);
        this.figures = new FigureExtractor(kb);
        this.policy = new PolicyTagger(kb);
        this.segmenter = new Segmenter(kb, segmenterOptions);
        Properties p = new Properties();
        try (InputStream in = Extractor.class.getResourceAsStream("extractor.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.version = "newsctl-extract/" + p.getProperty("version", "dev") + " kb/" + kb.version()
                + " hanlp/" + p.getProperty("hanlp", "portable-1.8.6");
        LOG.info("extractor ready: {} companies, {} organizations, {} chips in {} ms ({})",
                kb.count(EntityType.COMPANY), kb.count(EntityType.ORGANIZATION), kb.chips().size(),
                (System.nanoTime() - started) / 1_000_000, version);
    }

    /** The shared extractor with the shipped knowledge base; built on first use (about half a second). */
    public static Extractor createDefault() {
        return Default.INSTANCE;
    }

    /** Version of the extractor, its knowledge base and HanLP, e.g. {@code newsctl-extract/0.1.0 kb/1a2b3c4d5e6f hanlp/portable-1.8.6}. */
    public String version() {
        return version;
    }

    KnowledgeBase knowledgeBase() {
        return kb;
    }

    /** Analyses title, summary and body; the raw article rides along unchanged. */
    public EnrichedArticle enrich(RawArticle article) {
        List<FieldText> fields = new ArrayList<>(3);
        FieldText title = field(Span.TITLE, article.title(), fields);
        FieldText summary = field(Span.SUMMARY, article.summary(), fields);
        FieldText body = field(Span.BODY, article.body(), fields);
        Analysis a = analyzeFields(fields, article.author());

        List<Keywords.Occurrence> words = new ArrayList<>();
        for (FieldText f : fields) {
            // tokens and mentions are both in text order: walk them together; a token that is exactly a
            // mention counts as its canonical name (the last of several mentions of that span, as listed)
            List<Mention> ms = a.mentions.getOrDefault(f, List.of());
            int next = 0;
            for (Token t : a.tokens.get(f)) {
                while (next < ms.size() && ms.get(next).start() < t.start()) {
                    next++;
                }
                String canonical = null;
                for (int j = next; j < ms.size() && ms.get(j).start() == t.start(); j++) {
                    if (ms.get(j).end() == t.end()) {
                        canonical = ms.get(j).canonical();
                    }
                }
                words.add(new Keywords.Occurrence(t, f == title, canonical));
            }
        }
        List<String> keywords = Keywords.top(words, KEYWORDS);
        FieldText digestSource = body != null && !body.normalized().isBlank() ? body : summary != null ? summary : title;
        String digest = digestSource == null ? "" : Digest.of(digestSource, new LinkedHashSet<>(keywords),
                a.mentions.getOrDefault(digestSource, List.of()), DIGEST_SENTENCES);
        SegmentedText segmented = new SegmentedText(a.joined(title), a.joined(summary), a.joined(body));
        return new EnrichedArticle(ModelJson.SCHEMA_VERSION, article, a.entities(), a.figures, a.tags(), a.evidence,
                keywords, digest, segmented, Instant.now(), version);
    }

    /** The same analysis for a free text; spans use the field name {@value TextAnalysis#FIELD}. */
    public TextAnalysis analyze(String text) {
        List<FieldText> fields = new ArrayList<>(1);
        FieldText f = field(TextAnalysis.FIELD, text == null ? "" : text, fields);
        Analysis a = analyzeFields(fields, null);
        return new TextAnalysis(a.entities(), a.figures, a.tags(), a.evidence, a.tokens.get(f));
    }

    /** A search query cut into words exactly as documents are (normalised; spaces and punctuation dropped). */
    public List<String> queryTokens(String query) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        List<FieldText> fields = new ArrayList<>(1);
        FieldText f = field("query", query, fields);
        List<Mention> mentions = MentionResolver.resolve(recognizer.find(f));
        List<Token> tokens = segmenter.tokens(f, segmenter.terms(f), mentions);
        List<String> out = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            if (!t.word().isBlank() && !isPunctuation(t.word())) {
                out.add(t.word());
            }
        }
        return out;
    }

    private static FieldText field(String name, String text, List<FieldText> into) {
        if (text == null) {
            return null;
        }
        FieldText f = new FieldText(name, text);
        into.add(f);
        return f;
    }

    private Analysis analyzeFields(List<FieldText> fields, String author) {
        List<Mention> candidates = new ArrayList<>();
        for (FieldText f : fields) {
            candidates.addAll(recognizer.find(f));
        }
        List<Mention> known = MentionResolver.resolve(candidates);
        Analysis a = new Analysis();
        for (FieldText f : fields) {
            List<Mention> fieldKnown = new ArrayList<>();
            for (Mention m : known) {
                if (m.field() == f) {
                    fieldKnown.add(m);
                }
            }
            List<Term> terms = segmenter.terms(f);
            List<Mention> all = new ArrayList<>(fieldKnown);
            all.addAll(PeoplePlaces.find(f, terms, fieldKnown, author));
            all.sort((x, y) -> Integer.compare(x.start(), y.start()));
            a.mentions.put(f, all);
            a.tokens.put(f, segmenter.tokens(f, terms, fieldKnown));
            a.figures.addAll(figures.extract(f, fieldKnown));
            a.evidence.addAll(policy.evidence(f));
        }
        a.fields = fields;
        return a;
    }

    private static boolean isPunctuation(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.isLetterOrDigit(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Everything found in the fields of one text. */
    private static final class Analysis {
        List<FieldText> fields = List.of();
        final Map<FieldText, List<Mention>> mentions = new HashMap<>();
        final Map<FieldText, List<Token>> tokens = new HashMap<>();
        final List<Figure> figures = new ArrayList<>();
        final List<TagEvidence> evidence = new ArrayList<>();

        List<String> tags() {
            return evidence.isEmpty() ? List.of() : List.of(Tags.EXPORT_POLICY);
        }

        /** Mentions merged into entities, in order of first mention (fields in reading order). */
        List<Entity> entities() {
            Map<String, List<Mention>> byKey = new LinkedHashMap<>();
            for (FieldText f : fields) {
                for (Mention m : mentions.getOrDefault(f, List.of())) {
                    byKey.computeIfAbsent(m.key(), k -> new ArrayList<>()).add(m);
                }
            }
            List<Entity> out = new ArrayList<>(byKey.size());
            for (List<Mention> ms : byKey.values()) {
                Mention first = ms.get(0);
                List<Span> spans = new ArrayList<>(ms.size());
                for (Mention m : ms) {
                    spans.add(new Span(m.field().field(), m.start(), m.end()));
                }
                out.add(new Entity(first.type(), first.surface(), first.canonical(), first.id(), first.vendor(), spans));
            }
            return out;
        }

        String joined(FieldText f) {
            if (f == null) {
                return null;
            }
            List<Token> ts = tokens.get(f);
            StringBuilder sb = new StringBuilder(f.length() + ts.size());
            for (Token t : ts) {
                if (!sb.isEmpty()) {
                    sb.append(SegmentedText.SEPARATOR);
                }
                sb.append(t.word());
            }
            return sb.toString();
        }
    }
}
