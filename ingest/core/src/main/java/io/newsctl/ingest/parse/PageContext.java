package io.newsctl.ingest.parse;

import java.time.Instant;
import java.time.ZoneId;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** A parsed page and what profiles need to know about it. Not thread-safe; one per parse. */
public final class PageContext {
    private final Document doc;
    private final String url;
    private final String host;
    private final Instant fetchedAt;
    private final ZoneId zone;
    private final PageMeta meta;

    public PageContext(Document doc, String url, Instant fetchedAt, ZoneId zone) {
        this.doc = doc;
        this.url = url;
        this.host = io.newsctl.ingest.UrlCanonicalizer.host(url);
        this.fetchedAt = fetchedAt;
        this.zone = zone;
        this.meta = PageMeta.read(doc);
    }

    public Document doc() {
        return doc;
    }

    public Element body() {
        return doc.body();
    }

    /** The URL the page was fetched from (may be null for files without one). */
    public String url() {
        return url;
    }

    /** Lower-case host of {@link #url()}, or null. */
    public String host() {
        return host;
    }

    public boolean hostIs(String domain) {
        return host != null && (host.equals(domain) || host.endsWith("." + domain));
    }

    public Instant fetchedAt() {
        return fetchedAt;
    }

    public ZoneId zone() {
        return zone;
    }

    public PageMeta meta() {
        return meta;
    }

    /** The first text of the elements matching a CSS query, normalised, or null. */
    public String text(String cssQuery) {
        Element e = doc.selectFirst(cssQuery);
        return e == null ? null : Texts.blankToNull(e.text());
    }
}
