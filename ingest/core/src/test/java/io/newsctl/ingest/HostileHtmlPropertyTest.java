package io.newsctl.ingest;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Whatever a site serves — a saved page mutated at random, random bytes, absurd nesting, huge
 * attributes — the parser answers without an exception escaping, within a bound on time and on the
 * memory it allocates for the page. The bounds are generous ceilings against hangs and blow-ups
 * (catastrophic regex backtracking, quadratic copies), not timing claims.
 */
class HostileHtmlPropertyTest {
    private static final Instant FETCHED = Instant.parse("2025-07-18T02:00:00Z");
    private static final Duration TIME_BOUND = Duration.ofSeconds(10);
    private static final ArticleParser PARSER = ArticleParser.createDefault();
    private static final List<byte[]> PAGES = samplePages();
    private static final String P = "英伟达宣布对华特供版H20算力芯片恢复供应，国产GPU公司获得了快速进行市场验证的机会。";

    @Property(tries = 60)
    void mutatedSamplePagesNeverThrow(@ForAll("mutatedPages") byte[] page, @ForAll("contentTypes") String contentType) {
        parseBounded(page, contentType);
    }

    @Property(tries = 30)
    void randomBytesNeverThrow(@ForAll @Size(max = 300_000) byte[] bytes, @ForAll("contentTypes") String contentType) {
        parseBounded(bytes, contentType);
    }

    @Property(tries = 15)
    void deepNestingNeverThrows(@ForAll @IntRange(min = 1, max = 60_000) int depth,
                                @ForAll("tags") String tag, @ForAll boolean closed) {
        StringBuilder html = new StringBuilder(depth * 12 + 500).append("<html><body><h1>深层嵌套</h1>");
        for (int i = 0; i < depth; i++) {
            html.append('<').append(tag).append('>');
        }
        html.append("<p>").append(P).append("</p><p>").append(P).append("</p>");
        if (closed) {
            for (int i = 0; i < depth; i++) {
                html.append("</").append(tag).append('>');
            }
        }
        parseBounded(html.toString().getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8");
    }

    @Property(tries = 15)
    void hugeAttributesNeverThrow(@ForAll @IntRange(min = 1, max = 3_000_000) int length,
                                  @ForAll @IntRange(min = 1, max = 2_000) int attributes,
                                  @ForAll("attributeNames") String name) {
        StringBuilder html = new StringBuilder(length + attributes * 16 + 1000)
                .append("<html><head><meta property=\"og:title\" content=\"");
        html.append("标".repeat(Math.min(length, 200_000))).append("\"><title>标题</title></head><body><div");
        for (int i = 0; i < attributes; i++) {
            html.append(' ').append(name).append(i).append("=\"v\"");
        }
        html.append(' ').append(name).append("=\"").append("x".repeat(length)).append("\"><h1>标题</h1><p>")
                .append(P).append("</p></div></body></html>");
        parseBounded(html.toString().getBytes(StandardCharsets.UTF_8), "text/html");
    }

    /** Parses within the time bound, allocating at most 200× the page plus 64 MB, and returns a result. */
    private static void parseBounded(byte[] page, String contentType) {
        long allocationBound = 64L * 1024 * 1024 + 200L * page.length;
        long allocated = assertTimeoutPreemptively(TIME_BOUND, () -> {
            long before = allocatedBytes();
            ParsedPage parsed = PARSER.parse(page, contentType, "https://news.example.cn/a/1.html", FETCHED);
            long used = allocatedBytes() - before;
            assertNotNull(parsed);
            if (parsed.isArticle()) {
                assertNotNull(parsed.body());
            }
            return used;
        }, () -> "parsing a page of " + page.length + " bytes took longer than " + TIME_BOUND);
        assertTrue(allocated < 0 || allocated <= allocationBound,
                "parsing a page of " + page.length + " bytes allocated " + allocated + " bytes");
    }

    /** Bytes allocated so far by the current thread, or a negative number where the JVM cannot tell. */
    private static long allocatedBytes() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads
                && threads.isThreadAllocatedMemorySupported()) {
            return threads.getCurrentThreadAllocatedBytes();
        }
        return Long.MIN_VALUE / 4;
    }

    @Provide
    Arbitrary<byte[]> mutatedPages() {
        Arbitrary<byte[]> page = Arbitraries.of(PAGES);
        Arbitrary<List<Mutation>> mutations = mutation().list().ofMinSize(1).ofMaxSize(12);
        return Combinators.combine(page, mutations, Arbitraries.longs()).as((original, list, seed) -> {
            byte[] bytes = original;
            Random random = new Random(seed);
            for (Mutation m : list) {
                bytes = m.apply(bytes, random);
            }
            return bytes;
        });
    }

    /** One edit of the page's bytes at a random place. */
    private enum Mutation {
        DELETE_RANGE, DUPLICATE_RANGE, TRUNCATE, INSERT_GARBAGE, INSERT_TAG_SOUP, FLIP_BYTES, SWAP_RANGES;

        byte[] apply(byte[] b, Random r) {
            if (b.length < 2) {
                return INSERT_TAG_SOUP == this ? insert(b, 0, soup(r)) : b;
            }
            int at = r.nextInt(b.length);
            int len = 1 + r.nextInt(Math.min(4096, b.length - at));
            return switch (this) {
                case DELETE_RANGE -> concat(slice(b, 0, at), slice(b, at + len, b.length));
                case DUPLICATE_RANGE -> insert(b, at, slice(b, at, at + len));
                case TRUNCATE -> slice(b, 0, at);
                case INSERT_GARBAGE -> {
                    byte[] g = new byte[1 + r.nextInt(2048)];
                    r.nextBytes(g);
                    yield insert(b, at, g);
                }
                case INSERT_TAG_SOUP -> insert(b, at, soup(r));
                case FLIP_BYTES -> {
                    byte[] c = b.clone();
                    for (int i = 0; i < len; i++) {
                        c[at + i] ^= (byte) (1 << r.nextInt(8));
                    }
                    yield c;
                }
                case SWAP_RANGES -> {
                    int other = r.nextInt(b.length);
                    int l2 = Math.min(len, b.length - other);
                    byte[] c = b.clone();
                    for (int i = 0; i < l2 && at + i < b.length; i++) {
                        byte t = c[at + i];
                        c[at + i] = c[other + i];
                        c[other + i] = t;
                    }
                    yield c;
                }
            };
        }

        private static final String[] SOUP = {"<div>", "</div>", "<p>", "</p>", "<script>", "</script>", "<!--",
            "-->", "<![CDATA[", "]]>", "<meta charset=\"gbk\">", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=big5\">",
            "<article>", "<h1>", "</h1>", "<title>", "</title>", "&#x", "&amp;", "&#99999999;", "<time datetime=\"",
            "\">", "发布时间：2025年7月18日 07:12", "3小时前", "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":",
            "\"", "{", "}", "[", "<table><tr><td>", "<svg><foreignObject>", "<template>", "<noscript>", "\u0000", "\uFEFF",
            "<a href=\"javascript:", "<iframe src=\"", "<base href=\"http://127.0.0.1/\">", "<link rel=\"canonical\" href=\"",
            "营收4.32亿元", "<br>".repeat(50)};

        private static byte[] soup(Random r) {
            StringBuilder s = new StringBuilder();
            int n = 1 + r.nextInt(30);
            for (int i = 0; i < n; i++) {
                s.append(SOUP[r.nextInt(SOUP.length)]);
            }
            return s.toString().getBytes(StandardCharsets.UTF_8);
        }

        private static byte[] slice(byte[] b, int from, int to) {
            return java.util.Arrays.copyOfRange(b, Math.min(from, b.length), Math.min(Math.max(from, to), b.length));
        }

        private static byte[] concat(byte[] a, byte[] b) {
            byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, c, a.length, b.length);
            return c;
        }

        private static byte[] insert(byte[] b, int at, byte[] piece) {
            return concat(concat(slice(b, 0, at), piece), slice(b, at, b.length));
        }
    }

    private static Arbitrary<Mutation> mutation() {
        return Arbitraries.of(Mutation.class);
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.of(null, "text/html", "text/html; charset=utf-8", "text/html; charset=gbk",
                "text/html; charset=big5", "text/html; charset=no-such-charset", "application/octet-stream",
                "text/html; charset=\"utf-16\"");
    }

    @Provide
    Arbitrary<String> tags() {
        return Arbitraries.of("div", "span", "p", "b", "table", "li", "section", "a");
    }

    @Provide
    Arbitrary<String> attributeNames() {
        return Arbitraries.of("class", "data-x", "style", "content", "id");
    }

    private static List<byte[]> samplePages() {
        try (Stream<Path> files = Files.walk(Samples.dir().resolve("pages"))) {
            List<byte[]> pages = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
                pages.add(Files.readAllBytes(file));
            }
            if (pages.isEmpty()) {
                throw new IllegalStateException("no saved pages under samples/pages");
            }
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
