package io.newsctl.ingest.parse.profile;

import io.newsctl.ingest.parse.Extraction;
import io.newsctl.ingest.parse.PageContext;
import io.newsctl.ingest.parse.PageMeta;
import io.newsctl.ingest.parse.PublishTimes;

/**
 * Pages with OpenGraph ({@code og:type=article}) and {@code article:*} properties, plus the usual
 * named meta tags Chinese portals add (author, publishdate, pubdate …). Metadata only: the body comes
 * from the generic extractor.
 */
public final class OpenGraphProfile implements SiteProfile {
    static final String[] TIME_KEYS = {"article:published_time", "og:article:published_time", "article:published",
        "og:published_time", "og:release_date", "publishdate", "publish_date", "publish-date", "publishtime",
        "publish_time", "pubdate", "pubtime", "pub_date", "datepublished", "dc.date.issued", "dc.date",
        "dcterms.created", "sailthru.date", "weibo:article:create_at", "bytedance:published_time", "apub:time",
        "firstpublishedtime", "releasedate", "createdate", "date"};
    static final String[] AUTHOR_KEYS = {"article:author", "og:article:author", "author", "dc.creator", "byl",
        "sailthru.author", "weibo:article:author", "bytedance:author"};

    @Override
    public String name() {
        return "opengraph";
    }

    @Override
    public boolean appliesTo(PageContext page) {
        return page.meta().openGraphArticle();
    }

    @Override
    public Extraction extract(PageContext page) {
        PageMeta m = page.meta();
        String author = m.firstProperty(AUTHOR_KEYS);
        if (author != null && (author.startsWith("http") || author.contains("/") && author.contains("."))) {
            author = null; // a profile URL, not a name
        }
        Boolean article = m.openGraphArticle() ? Boolean.TRUE : null;
        return new Extraction(m.property("og:title"), author, null,
                PublishTimes.parse(m.firstProperty(TIME_KEYS), page.fetchedAt(), page.zone()),
                m.firstProperty("og:description", "description"), null, article, m.property("og:site_name"), null);
    }
}
