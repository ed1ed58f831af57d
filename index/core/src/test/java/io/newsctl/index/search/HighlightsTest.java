package io.newsctl.index.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HighlightsTest {
    @Test
    void separatorsRemovedAndCharacterMatchesJoined() {
        assertEquals("<em>寒武纪</em>思元590", Highlights.clean("<em>寒</em><em>武</em><em>纪</em>\u200A思元590"));
        assertEquals("昆仑芯、<em>寒武纪</em>在内", Highlights.clean("昆仑芯\u200A、\u200A<em>寒武纪</em>\u200A在内"));
    }

    @Test
    void escapeMatchesTheHtmlEncoder() {
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot;", Highlights.escape("a <b> & \"c\""));
    }
}
