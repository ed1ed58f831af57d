package io.newsctl.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class UrlCanonicalizerTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "https://36kr.com/p/3386107931734151?utm_source=wechat&utm_medium=social#comment|https://36kr.com/p/3386107931734151",
        "HTTPS://36KR.COM:443/p/3386107931734151?spm=a2c4g.11186623&from=timeline|https://36kr.com/p/3386107931734151",
        "https://www.163.com/tech/article/K9A1.html?share_token=abc&isappinstalled=0|https://www.163.com/tech/article/K9A1.html",
        "https://news.example.cn/a.shtml?id=42&utm_campaign=x|https://news.example.cn/a.shtml?id=42",
        "https://news.example.cn/a?b=2&a=1|https://news.example.cn/a?a=1&b=2",
        "https://mp.weixin.qq.com/s?__biz=MzA4MTQ1NjcyMA==&mid=2650291875&idx=1&sn=c2a1&chksm=84a1&scene=21#wechat_redirect|https://mp.weixin.qq.com/s?__biz=MzA4MTQ1NjcyMA==&idx=1&mid=2650291875&sn=c2a1",
        "https://36kr.com|https://36kr.com/",
    })
    void normalises(String in, String expected) {
        assertEquals(expected, UrlCanonicalizer.normalize(in));
    }

    @Test
    void notHttpIsNull() {
        assertNull(UrlCanonicalizer.normalize("javascript:void(0)"));
        assertNull(UrlCanonicalizer.normalize("mailto:service@example.com"));
        assertNull(UrlCanonicalizer.normalize(null));
    }

    @Test
    void sameSiteCanonicalIsUsed() {
        assertEquals("https://36kr.com/p/3386107931734151",
                UrlCanonicalizer.canonical("https://m.36kr.com/p/3386107931734151?from=app", "https://36kr.com/p/3386107931734151"));
    }

    @Test
    void canonicalOnAnotherSiteIsIgnored() {
        assertEquals("https://www.aggregator.cn/news/991.html",
                UrlCanonicalizer.canonical("https://www.aggregator.cn/news/991.html?utm_source=x", "https://36kr.com/p/3386107931734151"));
    }

    @Test
    void canonicalAloneIsUsedWhenTheFetchedUrlIsUnknown() {
        assertEquals("https://36kr.com/p/1", UrlCanonicalizer.canonical(null, "https://36kr.com/p/1?utm_source=rss"));
    }

    @Test
    void sameSiteIsPublicSuffixAware() {
        assertTrue(UrlCanonicalizer.sameSite("https://finance.sina.com.cn/a", "https://tech.sina.com.cn/b"));
        assertFalse(UrlCanonicalizer.sameSite("https://a.com.cn/x", "https://b.com.cn/y"));
    }
}
