package io.newsctl.ingest.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BylinesTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", value = {
        "文｜李小年 => 李小年",
        "文 | 李小年 => 李小年",
        "作者：张三 => 张三",
        "撰文：王兆洋 编辑：程曼祺 => 王兆洋",
        "本报记者 王小鹏 => 王小鹏",
        "证券时报记者 王小鹏 => 王小鹏",
        "記者王大明／台北即時報導 => 王大明",
        "（记者 张晓明） => 张晓明",
        "文/Kevin Xu => Kevin Xu",
        "采写：南都见习记者 林子沛 => 林子沛",
    })
    void wholeLineBylines(String line, String author) {
        assertTrue(Bylines.isBylineLine(line), line);
        assertEquals(author, Bylines.author(line));
    }

    @ParameterizedTest
    @ValueSource(strings = {"文心一言正式上线", "记者会上，黄仁勋表示公司已经接到大量订单，部分中国企业正在等待芯片的正式交付。",
        "作者认为短期内不会改变"})
    void runningTextIsNoByline(String line) {
        assertFalse(Bylines.isBylineLine(line), line);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", value = {
        "2025-08-05 10:22 来源：证券时报网 作者：李娜 => 证券时报网",
        "2025-09-10 16:15:33 来源: 网易科技报道 举报 => 网易科技报道",
        "5小时前 稿源：IT之家 编辑：小鱼 => IT之家",
        "来源：新浪科技作者：张三 => 新浪科技",
    })
    void sources(String line, String source) {
        assertEquals(source, Bylines.source(line));
    }
}
