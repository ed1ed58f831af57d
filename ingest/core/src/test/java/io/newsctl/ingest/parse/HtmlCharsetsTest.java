package io.newsctl.ingest.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HtmlCharsetsTest {
    private static final String TEXT = "英伟达宣布对华特供版H20算力芯片恢复供应，国产GPU公司获得了快速进行市场验证的机会。"
            + "摩尔线程招股书显示，2024年公司主营业务收入达到4.32亿元，同比大增257.02%。";
    private static final Charset GBK = Charset.forName("GBK");

    private static byte[] page(String meta, Charset encoding) {
        return ("<html><head>" + meta + "<title>国产GPU</title></head><body><p>" + TEXT + "</p><p>" + TEXT
                + "</p></body></html>").getBytes(encoding);
    }

    @Test
    void gbkWithMetaCharset() {
        HtmlCharsets.Decoded d = HtmlCharsets.decode(page("<meta charset=\"gbk\">", GBK), null);
        assertEquals("GB18030", d.charset().name());
        assertEquals("meta", d.evidence());
        assertTrue(d.text().contains(TEXT));
    }

    @Test
    void gb2312HttpEquivDecodesAsGb18030() {
        byte[] bytes = page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">", GBK);
        HtmlCharsets.Decoded d = HtmlCharsets.decode(bytes, "text/html");
        assertEquals("GB18030", d.charset().name());
        assertTrue(d.text().contains(TEXT));
    }

    @Test
    void gbkWithoutAnyDeclarationIsDetected() {
        HtmlCharsets.Decoded d = HtmlCharsets.decode(page("", GBK), null);
        assertTrue(d.text().contains(TEXT), d.charset() + " " + d.evidence());
    }

    @Test
    void big5WithoutDeclarationIsDetected() {
        String trad = "台積電今日召開法說會，公布第二季財報。受惠於人工智慧相關需求強勁，第二季合併營收達新台幣9337.9億元，季增11.3%。"
                + "董事長魏哲家表示，人工智慧加速器的需求非常強勁，客戶對先進封裝的需求仍然大於供給，公司將持續擴充產能。";
        byte[] bytes = ("<html><body><p>" + trad + "</p><p>" + trad + "</p></body></html>").getBytes(Charset.forName("Big5"));
        HtmlCharsets.Decoded d = HtmlCharsets.decode(bytes, null);
        assertTrue(d.text().contains(trad), d.charset() + " " + d.evidence());
    }

    @Test
    void byteOrderMarkWinsOverEverything() {
        byte[] body = page("<meta charset=\"gbk\">", StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        HtmlCharsets.Decoded d = HtmlCharsets.decode(withBom, "text/html; charset=gbk");
        assertEquals(StandardCharsets.UTF_8, d.charset());
        assertEquals("bom", d.evidence());
        assertTrue(d.text().startsWith("<html>"), "the BOM is not part of the text");
        assertTrue(d.text().contains(TEXT));
    }

    @Test
    void headerCharsetThatContradictsTheBytesLosesToTheMeta() {
        // the server says UTF-8, the page says GBK and really is GBK
        HtmlCharsets.Decoded d = HtmlCharsets.decode(page("<meta charset=\"gbk\">", GBK), "text/html; charset=utf-8");
        assertEquals("GB18030", d.charset().name());
        assertEquals("meta", d.evidence());
        assertTrue(d.text().contains(TEXT));
    }

    @Test
    void headerCharsetThatFitsWinsOverTheMeta() {
        // the page was transcoded to GBK by the server, which says so; its meta still says Big5
        HtmlCharsets.Decoded d = HtmlCharsets.decode(page("<meta charset=\"big5\">", GBK), "text/html;charset=GBK");
        assertEquals("GB18030", d.charset().name());
        assertEquals("header", d.evidence());
        assertTrue(d.text().contains(TEXT));
    }

    @Test
    void westernDefaultHeaderDoesNotOverrideAChineseMeta() {
        HtmlCharsets.Decoded d = HtmlCharsets.decode(page("<meta charset=\"gb2312\">", GBK), "text/html; charset=ISO-8859-1");
        assertTrue(d.text().contains(TEXT), d.charset() + " " + d.evidence());
    }

    @Test
    void validUtf8MislabelledAsGbkIsReadAsUtf8() {
        HtmlCharsets.Decoded d = HtmlCharsets.decode(page("<meta charset=\"gbk\">", StandardCharsets.UTF_8), null);
        assertEquals(StandardCharsets.UTF_8, d.charset());
        assertTrue(d.text().contains(TEXT));
    }

    @Test
    void truncatedUtf8IsStillUtf8() {
        byte[] full = page("", StandardCharsets.UTF_8);
        byte[] cut = java.util.Arrays.copyOf(full, full.length - 20 - 1); // likely mid-character
        HtmlCharsets.Decoded d = HtmlCharsets.decode(cut, null);
        assertEquals(StandardCharsets.UTF_8, d.charset());
    }

    @Test
    void labelsMapToSupersets() {
        assertEquals("GB18030", HtmlCharsets.charsetFromLabel("GB2312").name());
        assertEquals("GB18030", HtmlCharsets.charsetFromLabel("x-gbk").name());
        assertEquals(StandardCharsets.UTF_8, HtmlCharsets.charsetFromLabel("utf8"));
        assertEquals(null, HtmlCharsets.charsetFromLabel("no-such-charset"));
    }
}
