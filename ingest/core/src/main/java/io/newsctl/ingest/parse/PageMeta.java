package io.newsctl.ingest.parse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a page says about itself in its head: {@code <title>}, rel=canonical, OpenGraph and
 * {@code article:*} properties, named {@code <meta>} tags and JSON-LD article objects.
 */
public final class PageMeta {
    /** Lenient JSON for scripts embedded in pages (single quotes, trailing commas, unquoted names). */
    public static final ObjectMapper LENIENT_JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES,
                    JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS,
                    JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_JAVA_COMMENTS,
                    JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .build();
    private static final Set<String> ARTICLE_TYPES = Set.of("newsarticle", "article", "blogposting",
            "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle", "backgroundnewsarticle",
            "reviewnewsarticle", "techarticle", "socialmediaposting", "liveblogposting", "report");
    private static final Set<String> LIST_TYPES = Set.of("collectionpage", "itemlist", "searchresultspage");

    private final String title;
    private final String canonical;
    private final Map<String, String> properties; // og:*, article:*, name=…, itemprop=… (lower-case keys, first wins)
    private final List<JsonNode> jsonLdArticles;
    private final boolean jsonLdList;
    private final String htmlLang;

    private PageMeta(String title, String canonical, Map<String, String> properties, List<JsonNode> jsonLdArticles,
                     boolean jsonLdList, String htmlLang) {
        this.title = title;
        this.canonical = canonical;
        this.properties = properties;
        this.jsonLdArticles = jsonLdArticles;
        this.jsonLdList = jsonLdList;
        this.htmlLang = htmlLang;
    }

    public static PageMeta read(Document doc) {
        Map<String, String> props = new HashMap<>();
        for (Element meta : doc.select("meta[content]")) {
            String content = meta.attr("content");
            if (content.isBlank()) {
                continue;
            }
            for (String attr : new String[] {"property", "name", "itemprop", "http-equiv"}) {
                String key = meta.attr(attr).trim().toLowerCase(Locale.ROOT);
                if (!key.isEmpty()) {
                    props.putIfAbsent(key, content.trim());
                }
            }
        }
        String canonical = null;
        for (Element link : doc.select("link[rel][href]")) {
            if (link.attr("rel").toLowerCase(Locale.ROOT).contains("canonical")) {
                canonical = link.absUrl("href");
                if (canonical.isEmpty()) {
                    canonical = link.attr("href");
                }
                break;
            }
        }
        List<JsonNode> articles = new ArrayList<>();
        boolean list = false;
        for (Element script : doc.select("script[type~=(?i)application/ld\\+json]")) {
            JsonNode root;
            try {
                root = LENIENT_JSON.readTree(script.data().trim());
            } catch (Exception e) {
                continue; // broken JSON-LD is common; ignore it
            }
            List<JsonNode> nodes = new ArrayList<>();
            flatten(root, nodes, 0);
            for (JsonNode node : nodes) {
                if (hasType(node, ARTICLE_TYPES) || isCambrian(node)) {
                    articles.add(node);
                } else if (hasType(node, LIST_TYPES)) {
                    list = true;
                }
            }
        }
        Element titleEl = doc.selectFirst("title");
        Element html = doc.selectFirst("html");
        return new PageMeta(titleEl == null ? null : Texts.blankToNull(titleEl.text()), Texts.blankToNull(canonical),
                props, articles, list, html == null ? null : Texts.blankToNull(html.attr("lang")));
    }

    private static void flatten(JsonNode node, List<JsonNode> out, int depth) {
        if (node == null || depth > 4) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode n : node) {
                flatten(n, out, depth + 1);
            }
        } else if (node.isObject()) {
            out.add(node);
            if (node.has("@graph")) {
                flatten(node.get("@graph"), out, depth + 1);
            }
            if (node.has("mainEntity")) {
                flatten(node.get("mainEntity"), out, depth + 1);
            }
        }
    }

    /** Baidu's "cambrian" JSON-LD, common on Chinese portals: {@code title}, {@code pubDate}, no article {@code @type}. */
    private static boolean isCambrian(JsonNode node) {
        JsonNode context = node.get("@context");
        return context != null && context.toString().contains("cambrian") && node.has("pubDate");
    }

    private static boolean hasType(JsonNode node, Set<String> types) {
        JsonNode t = node.get("@type");
        if (t == null) {
            return false;
        }
        if (t.isArray()) {
            for (JsonNode x : t) {
                if (types.contains(x.asText().toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
            return false;
        }
        return types.contains(t.asText().toLowerCase(Locale.ROOT));
    }

    public String title() {
        return title;
    }

    public String canonical() {
        return canonical;
    }

    public String htmlLang() {
        return htmlLang;
    }

    /** A meta value by property/name/itemprop (case-insensitive), or null. */
    public String property(String key) {
        return properties.get(key.toLowerCase(Locale.ROOT));
    }

    /** The first of several meta keys that is present. */
    public String firstProperty(String... keys) {
        for (String k : keys) {
            String v = property(k);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    public List<JsonNode> jsonLdArticles() {
        return jsonLdArticles;
    }

    public boolean jsonLdListPage() {
        return jsonLdList;
    }

    public boolean openGraphArticle() {
        String type = property("og:type");
        return (type != null && type.toLowerCase(Locale.ROOT).contains("article"))
                || property("article:published_time") != null;
    }

    /** A text value of a JSON-LD field: a string, the {@code name} of an object, or names of an array joined by "、". */
    public static String jsonText(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isTextual() || node.isNumber()) {
            return Texts.blankToNull(node.asText());
        }
        if (node.isObject()) {
            return jsonText(node.get("name"));
        }
        if (node.isArray()) {
            List<String> names = new ArrayList<>();
            for (JsonNode n : node) {
                String t = jsonText(n);
                if (t != null && !names.contains(t)) {
                    names.add(t);
                }
            }
            return names.isEmpty() ? null : String.join("、", names);
        }
        return null;
    }
}
