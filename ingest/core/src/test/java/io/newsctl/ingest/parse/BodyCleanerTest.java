package io.newsctl.ingest.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.newsctl.ingest.parse.Blocks.Block;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BodyCleanerTest {
    private static final String P1 = "GPU市场的变化总是比预期来得更快。历经三个月的发展与迭代，国产GPU的市场格局已悄然改变。";
    private static final String P2 = "7月15日，英伟达宣布对华特供版H20算力芯片恢复供应，称美国政府已保证授予许可，公司希望尽快交付。";

    private static List<Block> blocks(String... texts) {
        return Arrays.stream(texts).map(t -> new Block(t, 0, false)).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "本文来自微信公众号“半导体产业纵横”（ID:ICViews），作者：丰宁，36氪经授权发布。|半导体产业纵横|丰宁",
        "本文来自微信公众号 “半导体产业纵横”(ID:ICViews),作者:丰宁,36氪经授权发布。|半导体产业纵横|丰宁",
        "本文来自微信公众号\"半导体产业纵横\"(ID:ICViews),作者:丰宁,36氪经授权发布。|半导体产业纵横|丰宁",
        "本文来自微信公众号「硅星人Pro」（ID：Si-Planet），作者：王兆洋，36氪经授权发布。|硅星人Pro|王兆洋",
        "本文来自微信公众号“晚点LatePost”(ID:postlate),作者:沈方伟、宋玮,编辑:程曼祺,36氪经授权发布。|晚点LatePost|沈方伟、宋玮",
        "本文来自微信公众号：远川科技评论（ID：kechuangych），作者：何律衡|远川科技评论|何律衡",
        "本文来自“科创板日报”，作者：郭辉，36氪经授权发布。|科创板日报|郭辉",
        "以下文章来源于 智能车参考 ，作者 王思远|智能车参考|王思远",
        "本文转载自微信公众号“芯东西”，原标题《国产HBM迎来突破》|芯东西|",
    })
    void parsesRepostLines(String line, String source, String author) {
        BodyCleaner.Repost r = BodyCleaner.repost(line);
        assertEquals(source, r.source());
        assertEquals(author == null || author.isEmpty() ? null : author, r.author());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "这些订单来自英伟达的老客户，作者认为短期内不会改变。",
        "数据来自IDC的季度报告，显示出货量同比增长12%。",
        "本文来自对多位业内人士的采访。",
    })
    void ordinarySentencesAreNotRepostLines(String line) {
        assertNull(BodyCleaner.repost(line));
    }

    @Test
    void repostLineIsRemovedAndReported() {
        BodyCleaner.Cleaned c = BodyCleaner.clean(blocks(P1, P2,
                "本文来自微信公众号 “半导体产业纵横”(ID:ICViews),作者:丰宁,36氪经授权发布。"), null);
        assertEquals(List.of(P1, P2), c.paragraphs());
        assertEquals("半导体产业纵横", c.repostSource());
        assertEquals("丰宁", c.repostAuthor());
    }

    @Test
    void boilerplateLinesAreDropped() {
        BodyCleaner.Cleaned c = BodyCleaner.clean(blocks(
                "文｜李小年", "编辑｜苏建勋", "封面来源｜企业官方", "图片来源：视觉中国",
                P1, "（原标题：国产GPU迎来破局契机）", "△ 图为H20芯片", P2,
                "责任编辑：何俊熹", "本文仅代表作者观点，版权归原创者所有，如需转载请在文中注明来源及作者名字。",
                "点击上方蓝字关注我们", "免责声明：本文系转载编辑文章，仅作分享之用。如分享内容、图片侵犯到您的版权或非授权发布，请及时与我们联系进行审核处理或删除。"),
                null);
        assertEquals(List.of(P1, P2), c.paragraphs());
        assertEquals("李小年", c.bylineAuthor());
    }

    @Test
    void trailingSectionsEndTheBody() {
        BodyCleaner.Cleaned c = BodyCleaner.clean(blocks(P1, P2, "相关阅读",
                "英伟达H20恢复供应，谁是最大赢家？这是一篇相关文章的标题而不是正文。", "热门推荐"), null);
        assertEquals(List.of(P1, P2), c.paragraphs());
    }

    @Test
    void linkListsAreDropped() {
        BodyCleaner.Cleaned c = BodyCleaner.clean(List.of(new Block(P1, 0, false),
                new Block("英伟达H20恢复供应谁是最大赢家", 15, false), new Block(P2, 4, false)), null);
        assertEquals(List.of(P1, P2), c.paragraphs());
    }

    @Test
    void titleRepeatedAtTheTopIsDropped() {
        BodyCleaner.Cleaned c = BodyCleaner.clean(blocks("H20出口解禁,国产GPU迎来破局契机", P1), "H20出口解禁，国产GPU迎来破局契机");
        assertEquals(List.of(P1), c.paragraphs());
    }

    @Test
    void reporterBylineAtTheEndGivesTheAuthor() {
        BodyCleaner.Cleaned c = BodyCleaner.clean(blocks(P1, P2, "（记者 张晓明）"), null);
        assertEquals(List.of(P1, P2), c.paragraphs());
        assertEquals("张晓明", c.bylineAuthor());
    }

    @Test
    void reporterCreditInTheLeadGivesTheAuthorAndStays() {
        String lead = "新华社巴黎12月9日电（记者唐霁）法国9日再次爆发全国跨行业大罢工，反对政府进行退休制度改革，首都巴黎交通几乎完全瘫痪。";
        BodyCleaner.Cleaned c = BodyCleaner.clean(blocks(lead, P1), null);
        assertEquals(List.of(lead, P1), c.paragraphs());
        assertEquals("唐霁", c.bylineAuthor());
    }

    @Test
    void sourceLineAtTheEndIsACredit() {
        BodyCleaner.Cleaned c = BodyCleaner.clean(blocks(P1, P2, "（文章来源：证券时报）", "责编：陈梦莹"), null);
        assertEquals(List.of(P1, P2), c.paragraphs());
        assertEquals("证券时报", c.bylineSource());
    }

    @Test
    void sourceNamesLoseReportSuffixes() {
        assertEquals("网易科技", BodyCleaner.sourceName("网易科技报道"));
        assertEquals("新智网", BodyCleaner.sourceName("新智网综合报道"));
        assertEquals("科技讯", BodyCleaner.sourceName("科技讯"));
        assertEquals("证券时报", BodyCleaner.sourceName("“证券时报”"));
        assertNull(BodyCleaner.sourceName("网络"));
    }
}
