package io.newsctl.ingest.parse;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Finds the element holding the article text on an unknown page, in the spirit of GNE and the CNKI
 * paper 《基于文本及符号密度的网页正文提取方法》: running text is dense in characters and punctuation and
 * poor in links, while navigation, link lists and footers are the opposite.
 *
 * <p>One bottom-up pass over the page (skipping the subtrees {@link Blocks#isJunk} rejects) measures
 * every paragraph — the inline text owned by a block element — by its punctuation and length outside
 * links, and credits the score to the paragraph's parent in full and to its grandparent by half (so
 * an article split over sibling containers lifts their common parent). The container is the element
 * with the best score damped by its link density. The same counts tell list pages apart: a container
 * with many headline links standing on their own per unit of text is a list.
 *
 * <p>The pass is linear in the page and iterative (no recursion on the DOM depth).
 */
public final class ContentFinder {
    /** Below this much punctuation the search is retried without class/id hints. */
    static final int RETRY_BELOW_PUNCTUATION = 10;
    private static final int MIN_PARAGRAPH = 8;

    /** The container (null when the page has no running text) and whether it looks like a list of links. */
    public record Result(Element container, boolean listLike, int textLength, int punctuation, int headlineLinks,
                         boolean lenient) {
        /** The container's paragraphs, skipping furniture the same way the search did. */
        public List<Blocks.Block> blocks() {
            return container == null ? List.of() : Blocks.of(container, false, lenient);
        }
    }

    private static final class Stats {
        int text;          // weighted length of text outside links, whole subtree
        int linkText;      // weighted length of link text, whole subtree
        int punct;         // punctuation outside links, whole subtree
        int links;
        int headlineLinks; // links with at least 8 characters standing on their own: titles in lists
        int ownText;       // inline text owned by this element as a paragraph
        int ownLinkText;
        int ownPunct;
        double score;      // credited by child and grandchild paragraphs

        double linkDensity() {
            int total = text + linkText;
            return total == 0 ? 0 : (double) linkText / total;
        }
    }

    private ContentFinder() {
    }

    /**
     * Searches with class/id furniture hints; when that finds (almost) no running text, searches
     * again by tags only and keeps whichever result holds more text.
     */
    public static Result find(Element root) {
        Result strict = find(root, false);
        if (strict.punctuation() >= RETRY_BELOW_PUNCTUATION) {
            return strict;
        }
        Result lenient = find(root, true);
        return lenient.punctuation() > strict.punctuation() * 2 ? lenient : strict;
    }

    static Result find(Element root, boolean lenient) {
        Map<Element, Stats> stats = new IdentityHashMap<>();
        Deque<Element> elements = new ArrayDeque<>();
        Deque<Stats> stack = new ArrayDeque<>();
        Deque<Stats> blocks = new ArrayDeque<>(); // nearest block-level ancestor owns inline text
        int[] linkDepth = {0};
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    Stats s = stack.peek();
                    Stats owner = blocks.peek();
                    if (s != null) {
                        String text = t.getWholeText();
                        int len = Texts.weightedLength(text);
                        if (linkDepth[0] > 0) {
                            s.linkText += len;
                            if (owner != null) {
                                owner.ownLinkText += len;
                            }
                        } else {
                            int p = Texts.countPunctuation(text);
                            s.text += len;
                            s.punct += p;
                            if (owner != null) {
                                owner.ownText += len;
                                owner.ownPunct += p;
                            }
                        }
                    }
                    return FilterResult.CONTINUE;
                }
                if (!(node instanceof Element e)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (e != root && Blocks.isJunk(e, lenient)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                Stats s = new Stats();
                stack.push(s);
                elements.push(e);
                if (e == root || isBlock(e)) {
                    blocks.push(s);
                }
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
                elements.pop();
                if (e == root || isBlock(e)) {
                    blocks.pop();
                }
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
                    parent.links += s.links;
                    parent.headlineLinks += s.headlineLinks;
                }
                double paragraph = paragraphScore(s);
                if (paragraph > 0) {
                    if (!e.normalName().equals("p") && !e.normalName().equals("li")) {
                        s.score += paragraph; // a div of br-separated text is its own container
                    }
                    if (parent != null) {
                        parent.score += paragraph;
                        Iterable<Stats> it = stack;
                        int level = 0;
                        for (Stats up : it) {
                            if (level++ == 1) {
                                up.score += paragraph / 2;
                                break;
                            }
                        }
                    }
                }
                return FilterResult.CONTINUE;
            }
        }, root);

        Stats rootStats = stats.get(root);
        if (rootStats == null || rootStats.punct == 0) {
            boolean list = rootStats != null && rootStats.headlineLinks >= 5;
            return new Result(null, list, rootStats == null ? 0 : rootStats.text, 0,
                    rootStats == null ? 0 : rootStats.headlineLinks, lenient);
        }
        Element best = null;
        double bestScore = 0;
        for (Map.Entry<Element, Stats> entry : stats.entrySet()) {
            Stats s = entry.getValue();
            double score = s.score * (1 - s.linkDensity());
            if (score > bestScore) {
                best = entry.getKey();
                bestScore = score;
            }
        }
        if (best == null) {
            best = root;
        }
        Stats chosen = stats.get(best);
        return new Result(best, isList(chosen), chosen.text, chosen.punct, chosen.headlineLinks, lenient);
    }

    /** Readability's paragraph score, with punctuation for commas and CJK-aware length. */
    private static double paragraphScore(Stats s) {
        if (s.ownText < MIN_PARAGRAPH) {
            return 0;
        }
        double linkDensity = (double) s.ownLinkText / (s.ownText + s.ownLinkText);
        return (1 + s.ownPunct + Math.min(s.ownText / 100.0, 3)) * (1 - linkDensity);
    }

    private static boolean isBlock(Element e) {
        return Blocks.BLOCK_TAGS.contains(e.normalName());
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
