package io.newsctl.ingest.parse;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Finds the element holding the article text on an unknown page, in the spirit of GNE and the CNKI
 * paper 《基于文本及符号密度的网页正文提取方法》: running text is dense in characters and punctuation and
 * poor in links and tags, while navigation, link lists and footers are the opposite.
 *
 * <p>One bottom-up pass counts, for every element, its non-link text, its punctuation outside links,
 * its link text and its tags (skipping the subtrees {@link Blocks#isJunk} rejects). The "mass" of an
 * element is its punctuation outside links, damped by link density. Starting at {@code <body>}, the
 * search descends into the child that holds at least {@value #DESCEND_SHARE} of its parent's mass and
 * stops where the mass is spread over several children: that element is the article container.
 *
 * <p>The same counts tell list pages apart: a container with many headline-sized links per unit of
 * text, or mostly link text, is a list.
 */
public final class ContentFinder {
    static final double DESCEND_SHARE = 0.7;

    /** The container (null when the page has no running text) and whether it looks like a list of links. */
    public record Result(Element container, boolean listLike, int textLength, int punctuation, int headlineLinks) {
    }

    private static final class Stats {
        int text;        // weighted length of text outside links
        int linkText;    // weighted length of link text
        int punct;       // punctuation outside links
        int tags;
        int links;
        int headlineLinks; // links with at least 8 characters of text: article titles in lists

        double mass() {
            double total = text + linkText;
            double linkDensity = total == 0 ? 0 : linkText / total;
            return punct * (1 - linkDensity);
        }
    }

    private ContentFinder() {
    }

    public static Result find(Element root) {
        Map<Element, Stats> stats = new IdentityHashMap<>();
        Deque<Stats> stack = new ArrayDeque<>();
        int[] linkDepth = {0};
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    Stats s = stack.peek();
                    if (s != null) {
                        String text = t.getWholeText();
                        int len = Texts.weightedLength(text);
                        if (linkDepth[0] > 0) {
                            s.linkText += len;
                        } else {
                            s.text += len;
                            s.punct += Texts.countPunctuation(text);
                        }
                    }
                    return FilterResult.CONTINUE;
                }
                if (!(node instanceof Element e)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (e != root && Blocks.isJunk(e)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                Stats s = new Stats();
                stack.push(s);
                if (e.normalName().equals("a")) {
                    linkDepth[0]++;
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (!(node instanceof Element e)) {
                    return FilterResult.CONTINUE;
                }
                Stats s = stack.pop();
                s.tags++;
                if (e.normalName().equals("a")) {
                    linkDepth[0]--;
                    s.links++;
                    if (s.linkText >= 8 && e.hasAttr("href") && standsAlone(e)) {
                        s.headlineLinks++;
                    }
                }
                stats.put(e, s);
                Stats parent = stack.peek();
                if (parent != null) {
                    parent.text += s.text;
                    parent.linkText += s.linkText;
                    parent.punct += s.punct;
                    parent.tags += s.tags;
                    parent.links += s.links;
                    parent.headlineLinks += s.headlineLinks;
                }
                return FilterResult.CONTINUE;
            }
        }, root);

        Element node = root;
        Stats current = stats.get(root);
        if (current == null || current.mass() <= 0) {
            boolean list = current != null && current.headlineLinks >= 5;
            return new Result(null, list, current == null ? 0 : current.text, 0, current == null ? 0 : current.headlineLinks);
        }
        while (true) {
            Element bestChild = null;
            Stats bestStats = null;
            for (Element child : node.children()) {
                Stats cs = stats.get(child);
                if (cs != null && (bestStats == null || cs.mass() > bestStats.mass())) {
                    bestChild = child;
                    bestStats = cs;
                }
            }
            if (bestChild == null || bestStats.mass() < DESCEND_SHARE * current.mass()) {
                break;
            }
            node = bestChild;
            current = bestStats;
        }
        boolean list = isList(current);
        return new Result(node, list, current.text, current.punct, current.headlineLinks);
    }

    /** A link that is a block of its own (a headline in a list), not a phrase inside a sentence. */
    private static boolean standsAlone(Element a) {
        return !hasText(a.previousSibling()) && !hasText(a.nextSibling());
    }

    private static boolean hasText(Node n) {
        return n instanceof TextNode t && !t.isBlank() && Texts.weightedLength(t.getWholeText()) > 1;
    }

    /**
     * A list of headlines: five or more title-length links and one for every 300 characters or less of
     * other text, or more link text than other text.
     */
    static boolean isList(Stats s) {
        if (s.headlineLinks >= 5 && s.headlineLinks * 300 > s.text) {
            return true;
        }
        return s.linkText > s.text && s.links >= 5;
    }
}
