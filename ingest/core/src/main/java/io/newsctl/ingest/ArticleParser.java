package io.newsctl.ingest;

import io.newsctl.ingest.parse.Blocks.Block;
import io.newsctl.ingest.parse.BodyCleaner;
import io.newsctl.ingest.parse.Extraction;
import io.newsctl.ingest.parse.HtmlCharsets;
import io.newsctl.ingest.parse.PageContext;
import io.newsctl.ingest.parse.PublishTimes;
import io.newsctl.ingest.parse.Scripts;
import io.newsctl.ingest.parse.TextQuality;
import io.newsctl.ingest.parse.Texts;
import io.newsctl.ingest.parse.Titles;
import io.newsctl.ingest.parse.profile.GenericProfile;
import io.newsctl.ingest.parse.profile.JsonLdProfile;
import io.newsctl.ingest.parse.profile.Kr36Profile;
import io.newsctl.ingest.parse.profile.OpenGraphProfile;
import io.newsctl.ingest.parse.profile.SiteProfile;
import io.newsctl.ingest.parse.profile.WeChatProfile;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a fetched page into a {@link ParsedPage}: decodes the bytes, picks a site profile (36Kr,
 * WeChat) by host and page signals, adds what JSON-LD and OpenGraph metadata say, falls back to the
 * generic text-density extractor, then cleans the body (boilerplate, repost and copyright lines) and
 * decides whether the page is an article at all.
 *
 * <p>Thread-safe and stateless; never throws on malformed input (a page that cannot be read comes
 * back as a non-article). Work is linear in the page size; limiting the size is the fetcher's job.
 */
public final class ArticleParser {
    private static final Logger LOG = LoggerFactory.getLogger(ArticleParser.class);
    private static final int MAX_LINKS = 2000;
    private static final int MIN_ARTICLE_CHARS = 30;

    private final List<SiteProfile> siteProfiles;
    private final SiteProfile jsonLd;
    private final SiteProfile openGraph;
    private final SiteProfile generic;
    private final ZoneId zone;

    ArticleParser(List<SiteProfile> siteProfiles, SiteProfile jsonLd, SiteProfile openGraph, SiteProfile generic,
                  ZoneId zone) {
        this.siteProfiles = List.copyOf(siteProfiles);
        this.jsonLd = jsonLd;
        this.openGraph = openGraph;
        this.generic = generic;
        this.zone = zone;
    }

    /**
     * Profile names a crawl source may ask for: {@code auto} picks per page (the default); a site
     * profile name ({@code 36kr}, {@code wechat}) reads every page of the source with that profile even
     * when its host or markup would not select it (mirrors, syndication partners); the metadata and
     * generic names are what {@code auto} falls back to anyway.
     */
    public static final List<String> PROFILES = List.of("auto", "36kr", "wechat", "json-ld", "opengraph", "generic");

    /** Site profiles for 36Kr and WeChat, JSON-LD and OpenGraph metadata, the generic extractor; Asia/Shanghai. */
    public static ArticleParser createDefault() {
        return new ArticleParser(List.of(new Kr36Profile(), new WeChatProfile()), new JsonLdProfile(),
                new OpenGraphProfile(), new GenericProfile(), PublishTimes.DEFAULT_ZONE);
    }

    /** The parser for a source's {@code profile} (one of {@link #PROFILES}). */
    public static ArticleParser forProfile(String name) {
        if (name == null || !PROFILES.contains(name)) {
            throw new IllegalArgumentException("unknown profile '" + name + "'; known: " + PROFILES);
        }
        return switch (name) {
            case "36kr" -> new ArticleParser(List.of(new Forced(new Kr36Profile()), new WeChatProfile()),
                    new JsonLdProfile(), new OpenGraphProfile(), new GenericProfile(), PublishTimes.DEFAULT_ZONE);
            case "wechat" -> new ArticleParser(List.of(new Forced(new WeChatProfile()), new Kr36Profile()),
                    new JsonLdProfile(), new OpenGraphProfile(), new GenericProfile(), PublishTimes.DEFAULT_ZONE);
            default -> createDefault();
        };
    }

    /** A site profile applied to every page. */
    private record Forced(SiteProfile profile) implements SiteProfile {
        @Override
        public String name() {
            return profile.name();
        }

        @Override
        public boolean appliesTo(PageContext page) {
            return true;
        }

        @Override
        public Extraction extract(PageContext page) {
            return profile.extract(page);
        }
    }

    /**
     * Parses raw response bytes.
     *
     * @param contentType the HTTP Content-Type header, or null
     * @param url         the URL the bytes were fetched from (base for relative links), or null
     * @param fetchedAt   when they were fetched: the reference for relative times ("3小时前")
     */
    public ParsedPage parse(byte[] body, String contentType, String url, Instant fetchedAt) {
        HtmlCharsets.Decoded decoded = HtmlCharsets.decode(body, contentType);
        return parse(decoded.text(), url, fetchedAt)
                .withCharset(decoded.charset().name() + " (" + decoded.evidence() + ")");
    }

    /** Parses an already decoded page. */
    public ParsedPage parse(String html, String url, Instant fetchedAt) {
        Instant fetch = fetchedAt == null ? Instant.now() : fetchedAt;
        try {
            Document doc = Jsoup.parse(html == null ? "" : html, url == null ? "" : url);
            return parse(new PageContext(doc, url, fetch, zone));
        } catch (RuntimeException | StackOverflowError e) {
            LOG.debug("cannot parse {}: {}", url, e.toString());
            return new ParsedPage(false, UrlCanonicalizer.normalize(url), null, null, null, null, null, "",
                    Scripts.UNDETERMINED, "error", List.of(), null);
        }
    }

    private ParsedPage parse(PageContext page) {
        SiteProfile site = null;
        for (SiteProfile p : siteProfiles) {
            if (p.appliesTo(page)) {
                site = p;
                break;
            }
        }
        Extraction s = site == null ? Extraction.empty() : site.extract(page);
        Extraction j = jsonLd.appliesTo(page) ? jsonLd.extract(page) : Extraction.empty();
        Extraction o = openGraph.appliesTo(page) ? openGraph.extract(page) : Extraction.empty();
        boolean needGeneric = !s.hasBody() || s.title() == null || s.publishedAt() == null;
        Extraction g = needGeneric ? generic.extract(page) : Extraction.empty();

        String profile = site != null ? site.name()
                : !page.meta().jsonLdArticles().isEmpty() ? jsonLd.name()
                : page.meta().openGraphArticle() ? openGraph.name() : generic.name();

        String siteName = first(s.siteName(), j.siteName(), o.siteName(), g.siteName());
        String title = first(s.title(), j.title(), g.title(), o.title());
        title = Titles.stripSiteSuffix(title, siteName);

        List<Block> blocks = chooseBody(s, j, g);
        BodyCleaner.Cleaned cleaned = BodyCleaner.clean(blocks, title);
        String body = Texts.joinParagraphs(cleaned.paragraphs());

        String author = first(cleaned.repostAuthor(), person(s.author(), siteName, page), person(j.author(), siteName, page),
                person(o.author(), siteName, page), person(cleaned.bylineAuthor(), siteName, page), person(g.author(), siteName, page));
        String source = first(cleaned.repostSource(), s.originalSource(), j.originalSource(),
                BodyCleaner.sourceName(cleaned.bylineSource()), BodyCleaner.sourceName(g.originalSource()), siteName);
        OffsetDateTime published = firstTime(s.publishedAt(), j.publishedAt(), o.publishedAt(), g.publishedAt());
        String summary = first(s.summary(), j.summary(), o.summary(), g.summary());

        boolean article = isArticle(s, j, o, g, body);
        String canonical = UrlCanonicalizer.canonical(page.url(),
                first(page.meta().canonical(), page.meta().property("og:url")));
        List<String> links = links(page, s.links());
        String language = Scripts.detect((title == null ? "" : title) + "\n" + body, page.meta().htmlLang());
        if (!article) {
            return new ParsedPage(false, canonical, title, null, null, null, summary == null ? null : Texts.normaliseSpace(summary),
                    "", language, profile, links, null);
        }
        return new ParsedPage(true, canonical, clean(title), clean(author), clean(source), published,
                clean(summary), body, language, profile, links, null);
    }

    private static final java.util.regex.Pattern NOT_A_NAME = java.util.regex.Pattern.compile(
            "@|https?:|www\\.|\\.(com|cn|net|org)\\b|^\\d+$|^(name|admin|author|editor|unknown|未知|佚名|匿名|null)$",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * An author credit that names a person (or a team), not the site itself: meta author tags often
     * carry the brand ("网易", "CSDN.NET"), placeholders ("name, email@gmail.com") or user ids.
     */
    private static String person(String author, String siteName, PageContext page) {
        if (author == null) {
            return null;
        }
        String a = Texts.normaliseSpace(author);
        if (a.isEmpty() || a.length() > 40 || NOT_A_NAME.matcher(a).find()) {
            return null;
        }
        String brandA = Texts.fingerprintForm(a);
        if (siteName != null) {
            String site = Texts.fingerprintForm(siteName);
            if (site.contains(brandA)) {
                return null;
            }
        }
        String titleTag = page.meta().title();
        if (titleTag != null) {
            String tail = Texts.fingerprintForm(titleTag);
            int cut = Math.max(Math.max(tail.lastIndexOf('_'), tail.lastIndexOf('|')), Math.max(tail.lastIndexOf('-'), tail.lastIndexOf('｜')));
            if (cut > 0 && tail.substring(cut + 1).contains(brandA)) {
                return null; // "…_网易新闻" and the author is "网易"
            }
        }
        return a;
    }

    private static List<Block> chooseBody(Extraction s, Extraction j, Extraction g) {
        if (s.hasBody()) {
            return s.body();
        }
        if (j.hasBody() && (!g.hasBody() || length(g.body()) * 2 < length(j.body()))) {
            return j.body();
        }
        return g.hasBody() ? g.body() : List.of();
    }

    private static int length(List<Block> blocks) {
        int n = 0;
        for (Block b : blocks) {
            n += b.text().length();
        }
        return n;
    }

    /**
     * An article needs running text; a site profile's verdict comes first, then JSON-LD article
     * markup, then the generic list detector, then OpenGraph's og:type.
     */
    private static boolean isArticle(Extraction s, Extraction j, Extraction o, Extraction g, String body) {
        int len = Texts.weightedLength(body);
        boolean hasText = len >= MIN_ARTICLE_CHARS && Texts.countPunctuation(body) >= 1;
        if (!hasText || !TextQuality.looksLikeText(body)) {
            return false;
        }
        if (s.article() != null) {
            return s.article();
        }
        if (Boolean.TRUE.equals(j.article())) {
            return true;
        }
        if (Boolean.FALSE.equals(g.article())) {
            return false;
        }
        if (Boolean.TRUE.equals(o.article())) {
            return true;
        }
        return len >= 80 && Texts.countPunctuation(body) >= 3;
    }

    private static List<String> links(PageContext page, List<String> profileLinks) {
        Set<String> out = new LinkedHashSet<>();
        if (profileLinks != null) {
            out.addAll(profileLinks);
        }
        for (Element a : page.doc().select("a[href]")) {
            if (out.size() >= MAX_LINKS) {
                break;
            }
            String abs = a.absUrl("href");
            String n = UrlCanonicalizer.normalize(abs.isEmpty() ? a.attr("href") : abs);
            if (n != null) {
                out.add(n);
            }
        }
        return new ArrayList<>(out);
    }

    private static String clean(String s) {
        return s == null ? null : Texts.blankToNull(s);
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static OffsetDateTime firstTime(OffsetDateTime... values) {
        for (OffsetDateTime v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "ArticleParser" + siteProfiles.stream().map(SiteProfile::name).filter(Objects::nonNull).toList();
    }
}
