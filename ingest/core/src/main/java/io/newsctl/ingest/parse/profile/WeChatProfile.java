package io.newsctl.ingest.parse.profile;

import io.newsctl.ingest.parse.Blocks;
import io.newsctl.ingest.parse.Blocks.Block;
import io.newsctl.ingest.parse.Extraction;
import io.newsctl.ingest.parse.PageContext;
import io.newsctl.ingest.parse.PublishTimes;
import io.newsctl.ingest.parse.Texts;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * WeChat public-account articles (mp.weixin.qq.com/s…): title {@code #activity-name}, account
 * {@code #js_name} (the original source), author {@code meta[name=author]} or
 * {@code #js_author_name}, time {@code #publish_time} or the script variable {@code var ct = "…"}
 * (epoch seconds; the element is often filled in by script only), body {@code #js_content}.
 */
public final class WeChatProfile implements SiteProfile {
    private static final Pattern CT = Pattern.compile("(?:\\bct|\\bcreate_time|\\bpublish_time|\\bori_create_time)\\s*=\\s*[\"']?(\\d{10})\\b");
    private static final Pattern CREATE_TIME = Pattern.compile("\\bcreateTime\\s*=\\s*[\"']((?:19|20)\\d{2}-\\d{1,2}-\\d{1,2}[ T]\\d{1,2}:\\d{2})");
    private static final Pattern NICKNAME = Pattern.compile("\\bnickname\\s*=\\s*(?:htmlDecode\\()?[\"']([^\"']{1,40})[\"']");
    private static final Pattern TITLE_VAR = Pattern.compile("\\bmsg_title\\s*=\\s*(?:htmlDecode\\()?[\"']([^\"']{1,200})[\"']");

    @Override
    public String name() {
        return "wechat";
    }

    @Override
    public boolean appliesTo(PageContext page) {
        return page.hostIs("mp.weixin.qq.com") || page.doc().getElementById("js_content") != null;
    }

    @Override
    public Extraction extract(PageContext page) {
        String scripts = scriptText(page);
        Element content = page.doc().getElementById("js_content");
        List<Block> body = content == null ? null : Blocks.of(content);

        String title = first(page.text("#activity-name"), page.text(".rich_media_title"), group(TITLE_VAR, scripts),
                page.meta().property("og:title"), page.meta().property("twitter:title"));
        String account = first(page.text("#js_name"), page.text(".profile_nickname"), group(NICKNAME, scripts));
        String author = first(page.text("#js_author_name"), page.meta().property("author"), metaTextAuthor(page));
        if (author != null && author.equals(account)) {
            author = first(page.meta().property("author"), author);
        }
        OffsetDateTime published = null;
        String ct = group(CT, scripts);
        if (ct != null) {
            published = PublishTimes.epoch(Long.parseLong(ct), page.zone());
        }
        if (published == null) {
            published = PublishTimes.parse(group(CREATE_TIME, scripts), page.fetchedAt(), page.zone());
        }
        if (published == null) {
            published = PublishTimes.parse(page.text("#publish_time"), page.fetchedAt(), page.zone());
        }
        String summary = first(page.meta().property("og:description"), page.meta().property("description"));
        Boolean article = body != null && !body.isEmpty() ? Boolean.TRUE : null;
        return new Extraction(title, author, account, published, summary, body, article, account, null);
    }

    /** The author span WeChat prints before the account name ({@code .rich_media_meta_text} that is not the time). */
    private static String metaTextAuthor(PageContext page) {
        for (Element e : page.doc().select("#meta_content .rich_media_meta_text")) {
            if (e.id().equals("publish_time") || e.id().equals("js_ip_wording")) {
                continue;
            }
            String t = Texts.blankToNull(e.text());
            if (t != null && t.length() <= 30 && !t.contains("原创")) {
                return t;
            }
        }
        return null;
    }

    private static String scriptText(PageContext page) {
        StringBuilder sb = new StringBuilder();
        for (Element s : page.doc().select("script:not([src])")) {
            String d = s.data();
            if (d.contains("ct") || d.contains("nickname") || d.contains("msg_title") || d.contains("createTime")) {
                sb.append(d, 0, Math.min(d.length(), 200_000)).append('\n');
            }
        }
        return sb.toString();
    }

    private static String group(Pattern p, String s) {
        Matcher m = p.matcher(s);
        return m.find() ? Texts.blankToNull(m.group(1)) : null;
    }

    private static String first(String... values) {
        return Kr36Profile.first(values);
    }
}
