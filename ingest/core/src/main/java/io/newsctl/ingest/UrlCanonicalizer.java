package io.newsctl.ingest;

import crawlercommons.domains.EffectiveTldFinder;
import crawlercommons.filters.basic.BasicURLNormalizer;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The canonical form of an article URL, used as its identity ({@code ArticleIds.of}).
 *
 * <ul>
 *   <li>A page's rel=canonical (or og:url) is taken when it is an absolute http(s) URL on the same
 *       registrable domain as the fetched URL (36kr.com and m.36kr.com are the same site); a canonical
 *       pointing elsewhere is ignored, as search engines do.</li>
 *   <li>Tracking and share parameters are dropped: {@code utm_*}, {@code spm}, {@code from},
 *       {@code share_token} and friends, plus per-site ones (WeChat keeps only {@code __biz, mid, idx, sn}).</li>
 *   <li>Then crawler-commons' {@link BasicURLNormalizer}: lower-case scheme and host, default port
 *       and fragment removed, path escapes normalised, query parameters sorted.</li>
 * </ul>
 * Thread-safe.
 */
public final class UrlCanonicalizer {
    private static final Set<String> TRACKING = Set.of(
            "spm", "from", "source", "scene", "share", "share_token", "sharetoken", "share_source", "share_medium",
            "share_plat", "share_tag", "shareid", "share_from", "sharer", "wechat_share", "isappinstalled",
            "clicktime", "enterid", "ref", "referer", "referrer", "ref_src", "fbclid", "gclid", "msclkid", "yclid",
            "_hsenc", "_hsmi", "mc_cid", "mc_eid", "vd_source", "timestamp", "ts", "tt_from", "tt_medium", "wfr",
            "s_trackid", "subscene", "ascene", "pass_ticket", "exportkey", "chksm", "poc_token", "abtest_cookie");
    private static final Set<String> WECHAT_KEEP = Set.of("__biz", "mid", "idx", "sn");
    private static final Pattern TRACKING_PREFIX = Pattern.compile("(?i)^(utm_|spm_|share_|wt\\.|hmsr|hmpl|hmcu|hmkw|hmci|_ga|mkt_tok|pk_)");

    private static final BasicURLNormalizer NORMALIZER = new BasicURLNormalizer();

    private UrlCanonicalizer() {
    }

    /**
     * The canonical URL of a page fetched from {@code fetchedUrl} that declares {@code declared}
     * (rel=canonical or og:url, nullable).
     */
    public static String canonical(String fetchedUrl, String declared) {
        String base = normalize(fetchedUrl);
        String candidate = normalize(declared);
        if (candidate != null && (base == null || sameSite(base, candidate))) {
            return candidate;
        }
        return base != null ? base : candidate;
    }

    /** Tracking parameters removed and crawler-commons normalisation applied; null if not an http(s) URL. */
    public static String normalize(String url) {
        if (url == null) {
            return null;
        }
        String u = url.strip();
        if (u.startsWith("//")) {
            u = "https:" + u;
        }
        String lower = u.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(u.replace(" ", "%20").replace("|", "%7C"));
        } catch (URISyntaxException e) {
            String n = NORMALIZER.filter(u);
            return n;
        }
        if (uri.getHost() == null) {
            return null;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String query = cleanQuery(host, uri.getRawQuery());
        StringBuilder sb = new StringBuilder();
        sb.append(uri.getScheme().toLowerCase(Locale.ROOT)).append("://");
        if (uri.getRawUserInfo() != null) {
            sb.append(uri.getRawUserInfo()).append('@');
        }
        sb.append(host);
        if (uri.getPort() >= 0) {
            sb.append(':').append(uri.getPort());
        }
        String path = uri.getRawPath();
        sb.append(path == null || path.isEmpty() ? "/" : path);
        if (query != null && !query.isEmpty()) {
            sb.append('?').append(query);
        }
        String normalized = NORMALIZER.filter(sb.toString());
        return normalized != null ? normalized : sb.toString();
    }

    /** True when both URLs are on the same registrable domain (public-suffix aware). */
    public static boolean sameSite(String a, String b) {
        String ha = host(a);
        String hb = host(b);
        if (ha == null || hb == null) {
            return false;
        }
        if (ha.equals(hb)) {
            return true;
        }
        String da = EffectiveTldFinder.getAssignedDomain(ha, true, false);
        String db = EffectiveTldFinder.getAssignedDomain(hb, true, false);
        return da != null && da.equals(db);
    }

    /** The lower-case host of a URL, or null. */
    public static String host(String url) {
        if (url == null) {
            return null;
        }
        try {
            String h = new URI(url.strip().replace(" ", "%20").replace("|", "%7C")).getHost();
            return h == null ? null : h.toLowerCase(Locale.ROOT);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String cleanQuery(String host, String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        boolean wechat = host.equals("mp.weixin.qq.com");
        List<String> kept = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            if (wechat ? !WECHAT_KEEP.contains(name) : isTracking(name)) {
                continue;
            }
            kept.add(pair);
        }
        return String.join("&", kept);
    }

    private static boolean isTracking(String name) {
        return TRACKING.contains(name) || TRACKING_PREFIX.matcher(name).find();
    }
}
