package io.newsctl.ingest.parse.profile;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsctl.ingest.parse.Blocks.Block;
import io.newsctl.ingest.parse.Extraction;
import io.newsctl.ingest.parse.PageContext;
import io.newsctl.ingest.parse.PageMeta;
import io.newsctl.ingest.parse.PublishTimes;
import io.newsctl.ingest.parse.Texts;
import java.util.ArrayList;
import java.util.List;

/**
 * Pages that describe themselves with a schema.org JSON-LD {@code NewsArticle} (or Article,
 * BlogPosting …): headline, author, datePublished, publisher, description; {@code articleBody} only
 * as the body of last resort (the DOM keeps paragraphs better).
 */
public final class JsonLdProfile implements SiteProfile {
    @Override
    public String name() {
        return "json-ld";
    }

    @Override
    public boolean appliesTo(PageContext page) {
        return !page.meta().jsonLdArticles().isEmpty();
    }

    @Override
    public Extraction extract(PageContext page) {
        List<JsonNode> articles = page.meta().jsonLdArticles();
        if (articles.isEmpty()) {
            return Extraction.empty();
        }
        JsonNode a = articles.get(0);
        String title = PageMeta.jsonText(a.get("headline"));
        if (title == null) {
            title = PageMeta.jsonText(a.get("name"));
        }
        if (title == null) {
            title = PageMeta.jsonText(a.get("title")); // Baidu cambrian
        }
        String author = PageMeta.jsonText(a.get("author"));
        if (author == null) {
            author = PageMeta.jsonText(a.get("creator"));
        }
        if (author != null && (author.startsWith("http://") || author.startsWith("https://"))) {
            author = null;
        }
        var published = PublishTimes.parse(PageMeta.jsonText(a.get("datePublished")), page.fetchedAt(), page.zone());
        if (published == null) {
            published = PublishTimes.parse(PageMeta.jsonText(a.get("dateCreated")), page.fetchedAt(), page.zone());
        }
        if (published == null) {
            published = PublishTimes.parse(PageMeta.jsonText(a.get("pubDate")), page.fetchedAt(), page.zone());
        }
        String publisher = PageMeta.jsonText(a.get("publisher"));
        String basedOn = PageMeta.jsonText(a.get("sourceOrganization"));
        List<Block> body = null;
        String articleBody = PageMeta.jsonText(a.get("articleBody"));
        if (articleBody != null && articleBody.length() > 80) {
            body = new ArrayList<>();
            for (String para : a.get("articleBody").asText().split("\\n+")) {
                String t = Texts.normaliseSpace(para);
                if (!t.isEmpty()) {
                    body.add(new Block(t, 0, false));
                }
            }
        }
        return new Extraction(title, author, basedOn, published, PageMeta.jsonText(a.get("description")), body,
                Boolean.TRUE, publisher, null);
    }
}
