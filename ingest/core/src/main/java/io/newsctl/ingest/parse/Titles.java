package io.newsctl.ingest.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Finding the headline: the heading that agrees with {@code <title>}, and site names cut off titles. */
public final class Titles {
    private static final Pattern SEPARATORS = Pattern.compile("\\s+[-–—|｜]\\s+|\\s*[_|｜]\\s*|\\s*--\\s*|\\s+-\\s*");
    private static final int MAX_SITE_NAME = 16;

    private Titles() {
    }

    /**
     * The h1/h2 that is the headline: the longest one contained in {@code <title>} (or og:title); else
     * the only h1 of reasonable length; else null.
     */
    public static Element headingElement(Document doc, PageMeta meta) {
        String titleTag = Texts.fingerprintForm(meta.title());
        String og = Texts.fingerprintForm(meta.property("og:title"));
        Element best = null;
        int bestLen = 0;
        List<Element> h1s = new ArrayList<>();
        int seen = 0;
        for (Element h : doc.select("h1, h2, h3")) {
            if (++seen > 200) {
                break;
            }
            if (Blocks.isJunk(h) || h.closest("a, nav, footer, li") != null) {
                continue;
            }
            String t = Texts.fingerprintForm(h.text());
            if (t.length() < 4 || t.length() > 120) {
                continue;
            }
            if (h.normalName().equals("h1")) {
                h1s.add(h);
            }
            boolean matches = (!titleTag.isEmpty() && titleTag.contains(t)) || (!og.isEmpty() && og.contains(t));
            int weight = t.length() + (h.normalName().equals("h1") ? 1000 : 0);
            if (matches && weight > bestLen) {
                best = h;
                bestLen = weight;
            }
        }
        if (best != null) {
            return best;
        }
        return h1s.size() == 1 ? h1s.get(0) : null;
    }

    /** {@code <title>} with trailing site-name segments ("_科技_新浪网", " - 36氪") removed. */
    public static String fromTitleTag(String title) {
        if (title == null) {
            return null;
        }
        String t = Texts.normaliseSpace(title);
        String[] parts = SEPARATORS.split(t);
        if (parts.length < 2) {
            return t.isEmpty() ? null : cutBareDashSuffix(t);
        }
        int end = parts.length;
        while (end > 1 && parts[end - 1].length() <= MAX_SITE_NAME && parts[end - 1].length() < longest(parts, end - 1)) {
            end--;
        }
        if (end == parts.length) {
            return t;
        }
        // cut the original string after the last kept part, keeping separators inside the headline
        int idx = 0;
        for (int i = 0; i < end; i++) {
            idx = t.indexOf(parts[i], idx) + parts[i].length();
        }
        return t.substring(0, idx).strip();
    }

    /** The og:title or headline with a trailing " - Site" cut when the rest is what {@code <title>} shows. */
    public static String stripSiteSuffix(String title, String siteName) {
        if (title == null) {
            return null;
        }
        String t = Texts.normaliseSpace(title);
        if (siteName != null && !siteName.isBlank()) {
            String s = Texts.normaliseSpace(siteName);
            if (t.endsWith(s) && t.length() > s.length() + 4) {
                String head = t.substring(0, t.length() - s.length()).strip();
                String trimmed = head.replaceAll("[-–—|｜_:：\\s]+$", "").strip();
                if (trimmed.length() < head.length() || head.length() < t.length() - s.length()) {
                    return trimmed;
                }
            }
        }
        return t;
    }

    /** "标题-36氪": a dash glued to a CJK headline followed by a short site name. */
    private static String cutBareDashSuffix(String t) {
        int dash = Math.max(t.lastIndexOf('-'), t.lastIndexOf('—'));
        if (dash <= 0 || t.length() - dash - 1 > 10 || t.length() - dash - 1 < 2) {
            return t;
        }
        char before = t.charAt(dash - 1);
        if ((before < 128 && Character.isLetterOrDigit(before)) || dash < 6) {
            return t;
        }
        return t.substring(0, dash).strip();
    }

    private static int longest(String[] parts, int end) {
        int max = 0;
        for (int i = 0; i < end; i++) {
            max = Math.max(max, parts[i].length());
        }
        return max;
    }
}
