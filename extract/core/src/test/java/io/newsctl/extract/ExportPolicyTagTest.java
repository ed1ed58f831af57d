package io.newsctl.extract;

import static io.newsctl.extract.Fixtures.analyze;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsctl.model.TagEvidence;
import io.newsctl.model.Tags;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ExportPolicyTagTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "美国商务部宣布对华半导体出口管制新规。",
        "BIS将140家中国实体列入实体清单。",
        "英伟达表示,向中国出口H20需要申请许可证。",
        "H20出口解禁,国产GPU迎来契机。",
        "美國對中國的晶片出口管制仍是變數。",
        "The rule tightens export controls on advanced chips.",
        "上一波H20芯片断供,给国产GPU带来机会。",
        "中方原则上不予许可镓、锗相关两用物项对美国出口。",
    })
    void exportPolicySentences(String text) {
        TextAnalysis a = analyze(text);
        assertEquals(List.of(Tags.EXPORT_POLICY), a.tags(), text);
        TagEvidence e = a.evidence().get(0);
        assertEquals(text, text.substring(e.span().start(), e.span().end()));
        assertTrue(!e.terms().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "前三季度我国汽车出口495万辆,同比增长14.8%。",
        "比亚迪出口量大增,海外市场成为新引擎,出口均价高于国内。",
        "欧盟对中国产电动汽车加征反补贴关税,出口企业积极应对。",
        "公司取得了营业许可证,并实行禁塑令。",
        "受台风影响,当地电力恢复供应需要数日。",
        "BISON公司发布了新产品。",
    })
    void notExportPolicy(String text) {
        assertTrue(analyze(text).tags().isEmpty(), () -> text + " → " + analyze(text).evidence());
    }

    @Test
    void evidenceNamesItsCueTerms() {
        TagEvidence e = analyze("美国商务部将多家企业列入实体清单。").evidence().get(0);
        assertTrue(e.terms().contains("实体清单"), e.terms().toString());
    }
}
