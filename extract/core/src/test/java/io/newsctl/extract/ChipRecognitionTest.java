package io.newsctl.extract;

import static io.newsctl.extract.Fixtures.analyze;
import static io.newsctl.extract.Fixtures.entity;
import static io.newsctl.extract.Fixtures.ids;
import static io.newsctl.extract.Fixtures.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsctl.model.Entity;
import io.newsctl.model.EntityType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChipRecognitionTest {
    @Test
    void catalogChipsCarryTheirVendor() {
        TextAnalysis a = analyze("国产GPU已可对标H20,如昆仑芯第三代芯片P800、摩尔线程MTT S80、华为昇腾910C、寒武纪思元590,AMD则有MI308芯片。");
        assertEquals("英伟达", entity(a, EntityType.CHIP, "nvidia-h20").orElseThrow().vendor());
        assertEquals("昆仑芯", entity(a, EntityType.CHIP, "kunlunxin-p800").orElseThrow().vendor());
        assertEquals("摩尔线程", entity(a, EntityType.CHIP, "mthreads-s80").orElseThrow().vendor());
        assertEquals("华为", entity(a, EntityType.CHIP, "huawei-ascend-910c").orElseThrow().vendor());
        assertEquals("寒武纪", entity(a, EntityType.CHIP, "cambricon-590").orElseThrow().vendor());
        assertEquals("AMD", entity(a, EntityType.CHIP, "amd-mi308").orElseThrow().vendor());
    }

    @Test
    void spellingVariantsAreTheSameChip() {
        TextAnalysis a = analyze("MTT S80、MTTS80和MTT-S80都是摩尔线程的显卡;RTX PRO 6000D与RTX Pro 6000D相同。");
        assertEquals(3, entity(a, EntityType.CHIP, "mthreads-s80").orElseThrow().count());
        assertEquals(2, entity(a, EntityType.CHIP, "nvidia-rtx-pro-6000d").orElseThrow().count());
    }

    @Test
    void seriesPatternsFindModelsTheCatalogDoesNotList() {
        TextAnalysis a = analyze("华为计划推出昇腾910D芯片,摩尔线程也在研发MTT S6000。");
        Entity ascend = entity(a, EntityType.CHIP, "huawei-ascend-910d").orElseThrow();
        assertEquals("昇腾910D", ascend.canonical());
        assertEquals("华为", ascend.vendor());
        assertEquals("摩尔线程", entity(a, EntityType.CHIP, "mthreads-s6000").orElseThrow().vendor());
    }

    @Test
    void aModelRightAfterAChipVendorIsItsChip() {
        TextAnalysis a = analyze("英伟达H30尚未发布,昆仑芯第四代芯片P900也在路上。");
        assertEquals("英伟达", entity(a, EntityType.CHIP, "nvidia-h30").orElseThrow().vendor());
        assertEquals("昆仑芯", entity(a, EntityType.CHIP, "kunlunxin-p900").orElseThrow().vendor());
    }

    @Test
    void shortNamesNeedChipContext() {
        assertEquals(List.of("nvidia-h100", "nvidia-h200"), ids(analyze("Hopper系列包括H100、H200。"), EntityType.CHIP));
        assertTrue(ids(analyze("他住在H20号楼。"), EntityType.CHIP).isEmpty());
        assertEquals(List.of("nvidia-h20"), ids(analyze("H20恢复供应。英伟达表示H20需求旺盛。"), EntityType.CHIP));
    }

    @ParameterizedTest
    @ValueSource(strings = {"G20峰会在约翰内斯堡举行。", "空客A380客机逐步退役。", "公司通过了ISO9001质量管理体系认证。",
        "PM2.5浓度同比下降4.2%。", "多个城市开放L4级自动驾驶测试。", "5G和4K视频成为展会亮点。", "国产C919客机执行航班。",
        "M2同比增长8.5%,Q3数据向好。", "A股和H股同步上市。", "华为P70和小米SU7都卖得不错。", "T3航站楼和B2B业务。"})
    void codesThatAreNotChips(String text) {
        assertTrue(of(analyze(text), EntityType.CHIP).isEmpty(), () -> text + " → " + of(analyze(text), EntityType.CHIP));
    }

    @Test
    void intelsArcA380IsAChipOnlyAsArc() {
        assertEquals(List.of("intel-arc-a380"), ids(analyze("英特尔Arc A380显卡售价亲民。"), EntityType.CHIP));
    }

    @Test
    void chipSpansExcludeTheVendorAndTheWordChip() {
        String text = "英伟达H20芯片";
        Entity h20 = entity(analyze(text), EntityType.CHIP, "nvidia-h20").orElseThrow();
        assertEquals("H20", text.substring(h20.mentions().get(0).start(), h20.mentions().get(0).end()));
    }
}
