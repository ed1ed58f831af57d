package io.newsctl.ingest.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Turns a DOM subtree into paragraphs ("blocks"): a new block starts at every block-level element
 * and at {@code <br>}. Non-content subtrees are skipped on the way: scripts and forms, navigation,
 * share bars, comment and related-article sections, ads, captions, hidden elements. The walk is
 * iterative (deeply nested junk cannot overflow the stack) and linear in the subtree size.
 */
public final class Blocks {
    /** One paragraph of text with the share of it that sits inside links. */
    public record Block(String text, int linkLength, boolean heading) {
        public double linkDensity() {
            return text.isEmpty() ? 0 : Math.min(1.0, (double) linkLength / text.length());
        }
    }

    static final Set<String> BLOCK_TAGS = Set.of("p", "div", "section", "article", "main", "header", "footer",
            "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "table",
            "tr", "td", "th", "tbody", "thead", "figure", "hr", "address", "center", "aside", "nav", "form",
            "fieldset", "details", "summary", "caption", "br");
    static final Set<String> JUNK_TAGS = Set.of("script", "style", "noscript", "iframe", "form", "button", "input",
            "select", "textarea", "svg", "canvas", "video", "audio", "object", "embed", "template", "nav",
            "aside", "figcaption", "footer", "head", "link", "meta", "map", "dialog", "menu");
    /**
     * Class or id words that mark non-article parts of a page. Matched against whole words of the
     * class/id (split at '-', '_', spaces and camel case).
     */
    static final Set<String> JUNK_WORDS = Set.of("comment", "comments", "commentlist", "reply", "replies", "related",
            "relate", "recommend", "recommends", "recommendation", "recommended", "recom", "footer", "copyright",
            "disclaimer", "statement", "advert", "advertisement", "ad", "ads", "adv", "adsbygoogle", "banner",
            "breadcrumb", "breadcrumbs", "crumbs", "toolbar", "social", "subscribe", "qrcode", "sidebar", "hotlist",
            "hotnews", "rank", "ranking", "caption", "imgdesc", "pagination", "pager", "reward", "login", "nav",
            "navbar", "menu", "popup", "modal", "promo", "sponsor", "sponsored", "newsletter", "cmt", "pinglun",
            "xgyd", "tuijian", "feedback", "gotop", "backtop", "fontsize", "navigation");
    /** Words that mark furniture only when nothing in the same class/id says "article" (share hooks, tag classes). */
    static final Set<String> WEAK_JUNK_WORDS = Set.of("share", "sharing", "sharebar", "tag", "tags", "keywords",
            "follow", "qr", "widget");
    static final Set<String> POSITIVE_WORDS = Set.of("article", "content", "entry", "post", "story", "body", "main",
            "detail", "text", "hentry", "artibody", "news", "rich", "richtext", "editor");
    // WordPress and CMS state classes ("tag-ai", "category-comments", "post-123"): say nothing about the layout
    private static final Pattern CMS_CLASS = Pattern.compile("(?i)^(tag|category|format|status|type|post|postid|page-id|author)[-_].*");
    /** Image caption classes, compared with separators removed. */
    static final Set<String> CAPTION_CLASSES = Set.of("imgdesc", "picdesc", "imagedesc", "photodesc", "imgtitle",
            "pictitle", "imgcaption", "imagecaption", "piccaption", "photocaption", "pictext", "imgtext", "imgnote",
            "picnote", "wpcaptiontext", "figcaption");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern SEPARATORS = Pattern.compile("[-_]");
    private static final Pattern WORD_SPLIT = Pattern.compile("[-_\\s]+|(?<=[a-z])(?=[A-Z])");
    private static final Pattern HIDDEN = Pattern.compile("(?i)display\\s*:\\s*none");

    private Blocks() {
    }

    /** Inline elements that, in datelines, separate fields ("<span>时间</span><span>来源</span>"). */
    static final Set<String> FIELD_TAGS = Set.of("span", "a", "em", "i", "b", "strong", "time", "cite", "label",
            "small", "font", "abbr", "address");

    /** The paragraphs under {@code root}; the root itself is never skipped. */
    public static List<Block> of(Element root) {
        return of(root, false);
    }

    /**
     * The text under {@code root} in blocks; with {@code splitFields}, inline elements also start a new
     * block (for reading bylines and datelines, never for article text).
     */
    public static List<Block> of(Element root, boolean splitFields) {
        return of(root, splitFields, false);
    }

    /** As {@link #of(Element, boolean)}; {@code lenient} skips by tag only (see {@link #isJunk(Element, boolean)}). */
    public static List<Block> of(Element root, boolean splitFields, boolean lenient) {
        Collector c = new Collector(root, splitFields, lenient);
        NodeTraversor.filter(c, root);
        c.flush();
        return c.blocks;
    }

    /** True for elements whose whole subtree is page furniture rather than article content. */
    public static boolean isJunk(Element e) {
        return isJunk(e, false);
    }

    /**
     * With {@code lenient}, only the tag and visibility count, not class and id words: the retry for
     * pages whose article container carries a furniture-like class ("js_img_share_area").
     */
    public static boolean isJunk(Element e, boolean lenient) {
        String tag = e.normalName();
        if (JUNK_TAGS.contains(tag)) {
            return true;
        }
        if (e.hasAttr("hidden") || e.attr("aria-hidden").equals("true")) {
            return true;
        }
        String style = e.attr("style");
        if (!style.isEmpty() && HIDDEN.matcher(style).find()) {
            return true;
        }
        return !lenient && (hasJunkWord(e.className()) || hasJunkWord(e.id()));
    }

    static boolean hasJunkWord(String attr) {
        if (attr == null || attr.isEmpty() || attr.length() > 300) {
            return false;
        }
        boolean weak = false;
        boolean positive = false;
        for (String name : SPACES.split(attr.trim())) {
            if (CMS_CLASS.matcher(name).matches()) {
                continue;
            }
            if (CAPTION_CLASSES.contains(SEPARATORS.matcher(name).replaceAll("").toLowerCase(Locale.ROOT))) {
                return true; // img-desc, pic_desc, image-caption …
            }
            for (String w : WORD_SPLIT.split(name)) {
                String word = w.toLowerCase(Locale.ROOT);
                if (JUNK_WORDS.contains(word)) {
                    return true;
                }
                weak |= WEAK_JUNK_WORDS.contains(word);
                positive |= POSITIVE_WORDS.contains(word);
            }
        }
        return weak && !positive;
    }

    private static final class Collector implements NodeFilter {
        private final Element root;
        private final List<Block> blocks = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();
        private int linkLength;
        private int linkDepth;
        private boolean heading;
        private int headingDepth;

        private final boolean splitFields;
        private final boolean lenient;

        Collector(Element root, boolean splitFields, boolean lenient) {
            this.root = root;
            this.splitFields = splitFields;
            this.lenient = lenient;
        }

        private boolean breaks(String tag) {
            return BLOCK_TAGS.contains(tag) || (splitFields && FIELD_TAGS.contains(tag));
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (node instanceof TextNode t) {
                String s = t.getWholeText();
                text.append(s);
                if (linkDepth > 0) {
                    linkLength += Texts.normaliseSpace(s).length();
                }
                return FilterResult.CONTINUE;
            }
            if (!(node instanceof Element e)) {
                return FilterResult.SKIP_ENTIRELY; // comments, data nodes
            }
            if (e != root && isJunk(e, lenient)) {
                return FilterResult.SKIP_ENTIRELY;
            }
            String tag = e.normalName();
            if (tag.equals("img")) {
                return FilterResult.CONTINUE;
            }
            if (breaks(tag)) {
                flush();
            }
            if (tag.equals("a")) {
                linkDepth++;
            }
            if (tag.length() == 2 && tag.charAt(0) == 'h' && Character.isDigit(tag.charAt(1))) {
                headingDepth++;
                heading = true;
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element e) {
                String tag = e.normalName();
                if (tag.equals("a")) {
                    linkDepth--;
                }
                if (tag.length() == 2 && tag.charAt(0) == 'h' && Character.isDigit(tag.charAt(1))) {
                    headingDepth--;
                }
                if (breaks(tag)) {
                    flush();
                }
            }
            return FilterResult.CONTINUE;
        }

        void flush() {
            if (text.length() > 0) {
                String t = Texts.normaliseSpace(text.toString());
                if (!t.isEmpty()) {
                    blocks.add(new Block(t, Math.min(linkLength, t.length()), heading));
                }
                text.setLength(0);
            }
            linkLength = 0;
            heading = headingDepth > 0;
        }
    }
}
