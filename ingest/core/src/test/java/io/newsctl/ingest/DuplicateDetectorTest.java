package io.newsctl.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DuplicateDetectorTest {
    private static final Instant FETCHED = Instant.parse("2025-07-18T10:30:00Z");

    private static String reference() {
        return ArticleParser.createDefault().parse(Samples.bytes("pages/36kr/h20-domestic-gpu.html"), null,
                "https://36kr.com/p/3386107931734151", FETCHED).body();
    }

    /** How an aggregator reposts it: its own intro line, full-width commas, a few words changed, no headings. */
    private static String repost(String body) {
        List<String> paras = List.of(body.split("\n\n"));
        StringBuilder sb = new StringBuilder("编者按：以下内容转载自半导体产业纵横，有删节。\n\n");
        for (String p : paras) {
            if (p.length() < 20) {
                continue; // the aggregator dropped the section headings
            }
            sb.append(p.replace(',', '，').replace("三个月", "3个月")).append("\n\n");
        }
        return sb.toString().strip();
    }

    @Test
    void repostOnAnotherSiteIsANearDuplicate() {
        String original = reference();
        DuplicateDetector dedup = new DuplicateDetector();
        assertNull(dedup.offer("kr-1", original));
        assertEquals("kr-1", dedup.offer("aggregator-9", repost(original)));
        assertEquals(1, dedup.size(), "duplicates are not indexed");
    }

    @Test
    void differentArticleOnTheSameTopicIsNot() {
        String other = "7月15日，英伟达宣布H20芯片将恢复对华供应。分析人士认为，这一变化对国产GPU厂商的短期订单影响有限，"
                + "但中长期的生态竞争仍将加剧。摩尔线程、沐曦等公司已经提交科创板上市申请，寒武纪一季度营收同比大增。"
                + "业内人士表示，国产芯片在信创市场有稳定需求，而互联网大厂仍会继续采购英伟达产品。";
        DuplicateDetector dedup = new DuplicateDetector();
        assertNull(dedup.offer("kr-1", reference()));
        assertNull(dedup.offer("other-2", other.repeat(3)));
        assertEquals(2, dedup.size());
    }

    @Test
    void identicalTextWithDifferentSpacingIsAnExactDuplicate() {
        DuplicateDetector dedup = new DuplicateDetector();
        String body = "国产GPU迎来破局契机。业内人士认为，双轨化需求为国产GPU带来了持续增长的通道。";
        assertNull(dedup.offer("a", body));
        DuplicateDetector.Match m = dedup.find("b", Fingerprint.of(" 国产GPU迎来破局契机。\n\n业内人士认为,双轨化需求为国产GPU带来了持续增长的通道。"));
        assertEquals("a", m.id());
        assertTrue(m.exact());
    }

    @Test
    void reOfferingTheSameIdIsNoDuplicateOfItself() {
        DuplicateDetector dedup = new DuplicateDetector();
        String body = reference();
        assertNull(dedup.offer("kr-1", body));
        assertNull(dedup.offer("kr-1", body));
        assertEquals(1, dedup.size());
    }

    @Test
    void simHashDistanceSeparatesNearFromFar() {
        String original = reference();
        Fingerprint a = Fingerprint.of(original);
        Fingerprint near = Fingerprint.of(repost(original));
        Fingerprint far = Fingerprint.of("宁德时代发布2025年半年度报告，上半年公司实现营业收入1789亿元，同比增长7.3%。".repeat(20));
        assertTrue(a.distance(near) <= DuplicateDetector.DEFAULT_MAX_DISTANCE, "near: " + a.distance(near));
        assertTrue(a.distance(far) > 16, "far: " + a.distance(far));
    }

    @Test
    void markSetsDuplicateOfOnTheRepost() {
        ArticleParser parser = ArticleParser.createDefault();
        ParsedPage page = parser.parse(Samples.bytes("pages/36kr/h20-domestic-gpu.html"), null,
                "https://36kr.com/p/3386107931734151", FETCHED);
        io.newsctl.model.RawArticle original = RawArticles.toRawArticle(page, "https://36kr.com/p/3386107931734151", "test", FETCHED);
        ParsedPage repost = new ParsedPage(true, "https://www.aggregator.cn/news/991.html", page.title(), page.author(),
                page.originalSource(), page.publishedAt(), null, repost(page.body()), page.language(), "generic", List.of(), null);
        io.newsctl.model.RawArticle copy = RawArticles.toRawArticle(repost, "https://www.aggregator.cn/news/991.html", "test", FETCHED);

        DuplicateDetector dedup = new DuplicateDetector();
        assertNull(dedup.mark(original).duplicateOf());
        assertEquals(original.id(), dedup.mark(copy).duplicateOf());
    }

    @Test
    void contentHashMatchesTheRawArticleField() {
        assertEquals(Fingerprint.contentHash("a b"), Fingerprint.of("ab").contentHash());
    }
}
