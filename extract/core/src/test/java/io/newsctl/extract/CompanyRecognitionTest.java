package io.newsctl.extract;

import static io.newsctl.extract.Fixtures.analyze;
import static io.newsctl.extract.Fixtures.entity;
import static io.newsctl.extract.Fixtures.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsctl.model.Entity;
import io.newsctl.model.EntityType;
import io.newsctl.model.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompanyRecognitionTest {
    @Test
    void aliasesInEveryScriptLinkToOneEntity() {
        String text = "英伟达(NVIDIA)与輝達是同一家公司,Nvidia的英偉達写法也是。";
        TextAnalysis a = analyze(text);
        Entity nvidia = entity(a, EntityType.COMPANY, "nvidia").orElseThrow();
        assertEquals(5, nvidia.count());
        assertEquals("英伟达", nvidia.canonical());
        assertEquals("英伟达", nvidia.name());
        for (Span s : nvidia.mentions()) {
            assertTrue(List.of("英伟达", "NVIDIA", "輝達", "Nvidia", "英偉達").contains(text.substring(s.start(), s.end())));
        }
    }

    @Test
    void domesticChipMakersAreWholeNames() {
        TextAnalysis a = analyze("摩尔线程、沐曦、海光信息、昆仑芯、壁仞科技、燧原科技和天数智芯都在扩产,寒武纪(688256.SH)股价大涨。");
        assertEquals(List.of("moore-threads", "metax", "hygon", "kunlunxin", "biren", "enflame", "iluvatar", "cambricon"),
                ids(a, EntityType.COMPANY));
        assertEquals(2, entity(a, EntityType.COMPANY, "cambricon").orElseThrow().count(), "the ticker is a mention");
    }

    @Test
    void bareTickersCountOnlyInTickerContext() {
        assertEquals(List.of("nvidia"), ids(analyze("英伟达(NVDA)盘后下跌。"), EntityType.COMPANY));
        assertTrue(ids(analyze("他把NVDA写在了白板上。"), EntityType.COMPANY).isEmpty());
        assertEquals(List.of("tencent"), ids(analyze("腾讯控股(00700.HK)公布业绩"), EntityType.COMPANY));
    }

    @Test
    void everydayWordsAreNotCompanies() {
        assertTrue(ids(analyze("早餐喝了一碗小米粥,又吃了一个苹果树上摘的果子。"), EntityType.COMPANY).isEmpty());
        assertTrue(ids(analyze("这是一个理想的选择,让人联想到过去。"), EntityType.COMPANY).isEmpty());
        assertTrue(ids(analyze("这是完美的一天。"), EntityType.COMPANY).isEmpty());
        assertTrue(ids(analyze("the apple and meta data"), EntityType.COMPANY).isEmpty());
    }

    @Test
    void usuallyCommonWordsNeedConfirmation() {
        assertEquals(List.of("li-auto"), ids(analyze("理想汽车发布新车型,理想的销量随之上涨。"), EntityType.COMPANY));
        assertEquals(2, entity(analyze("理想汽车发布新车型,理想的销量随之上涨。"), EntityType.COMPANY, "li-auto").orElseThrow()
                .count());
        assertEquals(List.of("lenovo"), ids(analyze("联想发布了新款笔记本电脑。"), EntityType.COMPANY));
        assertEquals(List.of("dongfeng"), ids(analyze("该芯片获得了东风等车企的定点。"), EntityType.COMPANY));
    }

    @Test
    void latinNamesStandAlone() {
        assertTrue(ids(analyze("AMDX和LAMDA都不是公司,Metaverse也不是。"), EntityType.COMPANY).isEmpty());
        assertEquals(List.of("amd", "meta"), ids(analyze("AMD与Meta达成合作。"), EntityType.COMPANY));
    }

    @Test
    void organizationsAreTypedAndTitlesAreNotOrganizations() {
        TextAnalysis a = analyze("美国商务部工业与安全局(BIS)更新了规则,美国财政部长贝森特随后表态。");
        assertEquals(List.of("bis"), ids(a, EntityType.ORGANIZATION));
        assertEquals(2, entity(a, EntityType.ORGANIZATION, "bis").orElseThrow().count());
        assertFalse(ids(a, EntityType.ORGANIZATION).contains("us-treasury"));
    }
}
