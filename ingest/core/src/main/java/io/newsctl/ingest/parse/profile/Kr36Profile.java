package io.newsctl.ingest.parse.profile;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsctl.ingest.parse.Blocks;
import io.newsctl.ingest.parse.Blocks.Block;
import io.newsctl.ingest.parse.EmbeddedJson;
import io.newsctl.ingest.parse.Extraction;
import io.newsctl.ingest.parse.PageContext;
import io.newsctl.ingest.parse.PublishTimes;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * 36Kr (36kr.com, m.36kr.com): articles at {@code /p/{itemId}}, newsflashes at
 * {@code /newsflashes/{itemId}}, everything else is a list. Reads the DOM ({@code h1.article-title},
 * {@code a.title-icon-item.item-a}, {@code span.title-icon-item.item-time}, {@code div.summary},
 * {@code div.articleDetailContent.kr-rich-text-wrapper}) and the page's {@code window.initialState}
 * JSON, whose {@code publishTime} (epoch ms) is exact where the DOM shows "07-18 07:12" or "3小时前".
 */
public final class Kr36Profile implements SiteProfile {
    private static final Pattern ARTICLE_PATH = Pattern.compile("^/(p|newsflashes)/(\\d{6,})");
    private static final String BODY = "div.articleDetailContent, div.kr-rich-text-wrapper, div.newsflash-content, div.newsflash-item-detail .item-desc";

    @Override
    public String name() {
        return "36kr";
    }

    @Override
    public boolean appliesTo(PageContext page) {
        return page.hostIs("36kr.com") || page.doc().selectFirst("div.kr-rich-text-wrapper, h1.article-title + .article-title-icon") != null;
    }

    @Override
    public Extraction extract(PageContext page) {
        String path = path(page.url());
        Matcher m = ARTICLE_PATH.matcher(path);
        String itemId = m.find() ? m.group(2) : null;
        JsonNode state = EmbeddedJson.assigned(page.doc(), "window.initialState");
        JsonNode data = articleData(state, itemId);

        Element bodyEl = page.doc().selectFirst(BODY);
        List<Block> body = bodyEl == null ? null : Blocks.of(bodyEl);
        if ((body == null || body.isEmpty()) && data != null) {
            String html = EmbeddedJson.text(data, "widgetContent");
            if (html != null) {
                body = Blocks.of(Jsoup.parseBodyFragment(html).body());
            }
        }
        String title = first(page.text("h1.article-title"), page.text(".newsflash-detail h1, .item-title"),
                EmbeddedJson.text(data, "widgetTitle"), EmbeddedJson.text(data, "title"));
        String author = first(page.text("a.title-icon-item.item-a"), page.text(".article-title-icon .item-a"),
                EmbeddedJson.text(data, "author"), EmbeddedJson.text(data, "authorName"));
        OffsetDateTime published = null;
        if (data != null && data.path("publishTime").canConvertToLong() && data.path("publishTime").asLong() > 0) {
            published = PublishTimes.epoch(data.path("publishTime").asLong(), page.zone());
        }
        if (published == null) {
            published = PublishTimes.parse(page.text("span.title-icon-item.item-time, .article-title-icon .item-time, .time"),
                    page.fetchedAt(), page.zone());
        }
        String summary = first(page.text("div.summary"), EmbeddedJson.text(data, "summary"),
                EmbeddedJson.text(data, "widgetSummary"));

        Boolean article;
        if (itemId != null) {
            article = Boolean.TRUE;
        } else if (page.url() != null && (body == null || body.isEmpty())) {
            article = Boolean.FALSE; // home, channel, newsflash and search lists
        } else {
            article = null;
        }
        List<String> links = itemId == null ? stateLinks(state, path) : null;
        return new Extraction(title, author, null, published, summary, body, article, "36氪", links);
    }

    private static JsonNode articleData(JsonNode state, String itemId) {
        if (state == null) {
            return null;
        }
        JsonNode data = state.at("/articleDetail/articleDetailData/data");
        if (data.isObject()) {
            return data;
        }
        if (itemId == null) {
            return null; // a list page: its items are not the page's article
        }
        return EmbeddedJson.findObject(state, n -> n.has("publishTime")
                && (n.has("widgetTitle") || n.has("title")) && itemId.equals(n.path("itemId").asText()), 20_000);
    }

    /** Article links listed in the state of a list page ({@code itemList} entries with an {@code itemId}). */
    private static List<String> stateLinks(JsonNode state, String path) {
        if (state == null) {
            return null;
        }
        Set<String> links = new LinkedHashSet<>();
        String kind = path.startsWith("/newsflashes") ? "newsflashes" : "p";
        collectItems(state, links, kind, 0);
        return links.isEmpty() ? null : new ArrayList<>(links);
    }

    private static void collectItems(JsonNode node, Set<String> out, String kind, int depth) {
        if (depth > 12 || out.size() > 500) {
            return;
        }
        if (node.isObject()) {
            JsonNode items = node.get("itemList");
            if (items != null && items.isArray()) {
                for (JsonNode item : items) {
                    String id = item.path("itemId").asText("");
                    if (id.matches("\\d{6,}")) {
                        String route = item.path("route").asText("");
                        String k = route.contains("newsflash") ? "newsflashes" : route.contains("article") ? "p" : kind;
                        out.add("https://36kr.com/" + k + "/" + id);
                    }
                }
            }
            node.elements().forEachRemaining(n -> collectItems(n, out, kind, depth + 1));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(n -> collectItems(n, out, kind, depth + 1));
        }
    }

    private static String path(String url) {
        if (url == null) {
            return "";
        }
        try {
            String p = new java.net.URI(url).getPath();
            return p == null ? "" : p;
        } catch (java.net.URISyntaxException e) {
            return "";
        }
    }

    static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
