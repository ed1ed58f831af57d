package io.newsctl.ingest.parse.profile;

import io.newsctl.ingest.parse.Blocks;
import io.newsctl.ingest.parse.Bylines;
import io.newsctl.ingest.parse.Blocks.Block;
import io.newsctl.ingest.parse.ContentFinder;
import io.newsctl.ingest.parse.Extraction;
import io.newsctl.ingest.parse.PageContext;
import io.newsctl.ingest.parse.PageMeta;
import io.newsctl.ingest.parse.PublishTimes;
import io.newsctl.ingest.parse.Texts;
import io.newsctl.ingest.parse.Titles;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Any page: the body is the container found by {@link ContentFinder} (text and punctuation
 * density), the title the heading that matches {@code <title>}, and time, author and source come from
 * meta tags or from the short lines around the title (the dateline of Chinese portals:
 * "2025-07-18 07:12 来源：新浪科技 作者：张三").
 */
public final class GenericProfile implements SiteProfile {
    private static final Pattern TIME_CLASS = Pattern.compile("(?i)(^|[-_\\s])(time|date|pubtime|pubdate|publish|post-?time|datetime|timestamp)");
    private static final int HEADER_LINES = 8;

    @Override
    public String name() {
        return "generic";
    }

    @Override
    public boolean appliesTo(PageContext page) {
        return true;
    }

    @Override
    public Extraction extract(PageContext page) {
        Element root = page.body();
        if (root == null) {
            return Extraction.empty();
        }
        PageMeta meta = page.meta();
        Element titleEl = Titles.headingElement(page.doc(), meta);
        String title = titleEl != null ? Texts.blankToNull(titleEl.text()) : Titles.fromTitleTag(meta.title());

        ContentFinder.Result content = ContentFinder.find(root);
        List<Block> body = content.container() == null ? null : content.blocks();

        // The dateline: short lines right after (and just before) the title, outside the body.
        StringBuilder header = new StringBuilder();
        if (titleEl != null) {
            datelineAround(titleEl, content.container(), header);
        } else if (title != null) {
            List<Block> all = Blocks.of(root, true);
            int at = indexOf(all, title);
            for (int i = Math.max(0, at - 2); at >= 0 && i < Math.min(all.size(), at + 1 + HEADER_LINES); i++) {
                String t = all.get(i).text();
                if (i > at && isRunningText(t)) {
                    break; // the article itself has started
                }
                if (i != at && t.length() <= 160) {
                    header.append(t).append('\n');
                }
            }
        }
        String headerText = header.toString();

        // meta tags, then <time>/itemprop, then the dateline by the title, then elements classed as times
        OffsetDateTime published = PublishTimes.parse(meta.firstProperty(OpenGraphProfile.TIME_KEYS), page.fetchedAt(), page.zone());
        if (published == null) {
            published = markedUpTime(page);
        }
        if (published == null && !headerText.isEmpty()) {
            for (String line : headerText.split("\n")) {
                published = PublishTimes.parse(line, page.fetchedAt(), page.zone());
                if (published != null) {
                    break;
                }
            }
        }
        if (published == null) {
            published = classedTime(page);
        }
        String author = meta.firstProperty(OpenGraphProfile.AUTHOR_KEYS);
        // Fields split over inline elements ("来源：<a>网易科技</a>") read as one line.
        String dateline = headerText.replace('\n', ' ');
        if (author == null) {
            author = Bylines.author(dateline);
        }
        String source = Bylines.source(dateline);
        if (source == null) {
            source = sourceElement(page, content.container(), dateline);
        }

        Boolean article = null;
        if (content.listLike()) {
            article = Boolean.FALSE;
        }
        return new Extraction(title, author, source, published, meta.firstProperty("description", "og:description"),
                body, article, meta.property("og:site_name"), null);
    }

    /** {@code itemprop=datePublished} or {@code <time datetime>}. */
    private static OffsetDateTime markedUpTime(PageContext page) {
        for (Element e : page.doc().select("[itemprop=datePublished], time[datetime], time[pubdate]")) {
            String v = e.hasAttr("datetime") ? e.attr("datetime") : e.hasAttr("content") ? e.attr("content") : e.text();
            OffsetDateTime t = PublishTimes.parse(v, page.fetchedAt(), page.zone());
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    /** A short element whose class or id says time/date, outside lists and comments. */
    private static OffsetDateTime classedTime(PageContext page) {
        int checked = 0;
        for (Element e : page.body().select("[class], [id]")) {
            if (!TIME_CLASS.matcher(e.className()).find() && !TIME_CLASS.matcher(e.id()).find()) {
                continue;
            }
            if (++checked > 50) {
                break;
            }
            if (Blocks.isJunk(e) || e.closest("a, li, [class~=(?i)(comment|related|recommend|hot|rank|list)]") != null) {
                continue;
            }
            String text = e.text();
            if (text.length() > 100) {
                continue;
            }
            OffsetDateTime t = PublishTimes.parse(text, page.fetchedAt(), page.zone());
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    /**
     * The short lines next to the headline element: its following siblings (then its parent's), and
     * one sibling before it, until running text or the body container starts. Furniture classes are
     * not skipped here: datelines often sit in "info"/"meta" boxes next to share buttons.
     */
    private static void datelineAround(Element titleEl, Element body, StringBuilder out) {
        int lines = 0;
        Element prev = titleEl.previousElementSibling();
        if (prev != null && prev != body && prev.text().length() <= 160) {
            appendLines(prev, out);
        }
        Element level = titleEl;
        for (int up = 0; up < 3 && level != null && lines < HEADER_LINES; up++, level = level.parent()) {
            for (Element sib = level.nextElementSibling(); sib != null && lines < HEADER_LINES; sib = sib.nextElementSibling()) {
                if (sib == body || (body != null && isInside(body, sib))) {
                    return; // the article itself has started
                }
                for (Block b : Blocks.of(sib, true, true)) {
                    if (isRunningText(b.text()) || lines >= HEADER_LINES) {
                        return;
                    }
                    if (b.text().length() <= 160) {
                        out.append(b.text()).append('\n');
                        lines++;
                    }
                }
            }
        }
    }

    private static void appendLines(Element e, StringBuilder out) {
        for (Block b : Blocks.of(e, true, true)) {
            if (b.text().length() <= 160 && !isRunningText(b.text())) {
                out.append(b.text()).append('\n');
            }
        }
    }

    /** A line of the article rather than of its dateline: long, with sentence punctuation. */
    private static boolean isRunningText(String t) {
        return Texts.weightedLength(t) > 60 && Texts.countPunctuation(t) >= 2;
    }

    /** An element marked as the source ({@code class="source"}, {@code id="media_name"} …) outside the body. */
    private static String sourceElement(PageContext page, Element body, String dateline) {
        int seen = 0;
        for (Element e : page.body().select("[class~=(?i)(^|[-_ ])(source|media|from|origin)([-_ ]|$)], [id~=(?i)(^|[-_])(source|media_name|media)([-_]|$)]")) {
            if (++seen > 20) {
                break;
            }
            if (body != null && isInside(e, body)) {
                continue;
            }
            String t = Texts.normaliseSpace(e.ownText().isBlank() ? e.text() : e.ownText());
            t = t.replaceFirst("^(来源|來源|稿源|出处|出處)\\s*[:：]?\\s*", "");
            if (t.length() >= 2 && t.length() <= 20 && Texts.countPunctuation(t) == 0 && dateline.contains(t)) {
                return t;
            }
        }
        return null;
    }

    private static boolean isInside(Element e, Element ancestor) {
        for (Element p = e; p != null; p = p.parent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(List<Block> blocks, String title) {
        String want = Texts.fingerprintForm(title);
        for (int i = 0; i < blocks.size(); i++) {
            if (Texts.fingerprintForm(blocks.get(i).text()).equals(want)) {
                return i;
            }
        }
        return -1;
    }
}
