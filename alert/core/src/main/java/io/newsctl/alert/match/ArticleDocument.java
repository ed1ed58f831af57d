package io.newsctl.alert.match;

import io.newsctl.model.EnrichedArticle;
import io.newsctl.model.Entity;
import io.newsctl.model.EntityType;
import io.newsctl.model.RawArticle;
import io.newsctl.model.SegmentedText;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.memory.MemoryIndex;

/**
 * The small document an article becomes for matching: its segmented title, summary and body (and
 * their {@code .std} forms), and keyword fields for tags, companies and chips (canonical names and
 * ids) and the site. Texts are kept so matches can be turned into evidence sentences.
 */
public final class ArticleDocument {
    public static final String TITLE = "title";
    public static final String SUMMARY = "summary";
    public static final String BODY = "body";
    public static final List<String> TEXT_FIELDS = List.of(TITLE, SUMMARY, BODY);
    public static final String TAG = "tag";
    public static final String COMPANY = "company";
    public static final String CHIP = "chip";
    public static final String SITE = "site";
    private static final String STD = ".std";

    private final EnrichedArticle article;
    private final Map<String, String> segmented = new LinkedHashMap<>();
    private final Map<String, String> plain = new LinkedHashMap<>();
    private final Map<String, Set<String>> keywords = new LinkedHashMap<>();
    private MemoryIndex memoryIndex;

    public ArticleDocument(EnrichedArticle article) {
        this.article = article;
        RawArticle raw = article.article();
        SegmentedText seg = article.segmented();
        put(TITLE, seg == null ? null : seg.title(), raw.title());
        put(SUMMARY, seg == null ? null : seg.summary(), raw.summary());
        put(BODY, seg == null ? null : seg.body(), raw.body());
        keywords.put(TAG, lower(article.tags()));
        keywords.put(COMPANY, entityKeys(article.entities(), EntityType.COMPANY));
        keywords.put(CHIP, entityKeys(article.entities(), EntityType.CHIP));
        keywords.put(SITE, raw.site() == null ? Set.of() : Set.of(raw.site().toLowerCase(Locale.ROOT)));
    }

    public static String std(String field) {
        return field + STD;
    }

    public static boolean isStd(String field) {
        return field.endsWith(STD);
    }

    public static String baseField(String field) {
        return isStd(field) ? field.substring(0, field.length() - STD.length()) : field;
    }

    private void put(String field, String segmentedText, String rawText) {
        String text = segmentedText != null ? segmentedText : rawText;
        if (text == null || text.isEmpty()) {
            return;
        }
        segmented.put(field, text);
        plain.put(field, SegmentedText.unsegment(text));
    }

    private static Set<String> lower(List<String> values) {
        Set<String> out = new LinkedHashSet<>();
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                out.add(value.strip().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    private static Set<String> entityKeys(List<Entity> entities, EntityType type) {
        Set<String> out = new LinkedHashSet<>();
        for (Entity entity : entities) {
            if (entity.type() != type) {
                continue;
            }
            for (String key : new String[] {entity.canonical(), entity.id()}) {
                if (key != null && !key.isBlank()) {
                    out.add(key.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        return out;
    }

    public EnrichedArticle article() {
        return article;
    }

    /** The field's text as analysed: segmented for text fields, unsegmented for {@code .std} fields. */
    public String text(String field) {
        return isStd(field) ? plain.get(baseField(field)) : segmented.get(field);
    }

    public Set<String> keywords(String field) {
        return keywords.getOrDefault(field, Set.of());
    }

    public Document luceneDocument() {
        Document doc = new Document();
        segmented.forEach((field, text) -> doc.add(new TextField(field, text, Field.Store.NO)));
        plain.forEach((field, text) -> doc.add(new TextField(std(field), text, Field.Store.NO)));
        keywords.forEach((field, values) -> values.forEach(v -> doc.add(new TextField(field, v, Field.Store.NO))));
        return doc;
    }

    /** The document in a one-document index with offsets, for explaining a match. Built once. */
    public MemoryIndex memoryIndex(Analyzer analyzer) {
        if (memoryIndex == null) {
            memoryIndex = MemoryIndex.fromDocument(luceneDocument(), analyzer, true, false);
        }
        return memoryIndex;
    }
}
