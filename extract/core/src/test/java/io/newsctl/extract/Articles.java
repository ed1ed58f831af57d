package io.newsctl.extract;

import io.newsctl.model.ModelJson;
import io.newsctl.model.RawArticle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test articles from {@code src/test/resources/articles}. */
final class Articles {
    private Articles() {
    }

    static String text(String name) {
        try (InputStream in = Articles.class.getResourceAsStream("/articles/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test article " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reference article: first line the title, the rest the body. */
    static RawArticle reference() {
        String text = text("36kr-h20-domestic-gpu.txt");
        int nl = text.indexOf('\n');
        return raw(text.substring(0, nl).strip(), null, text.substring(nl + 1).strip(), "丰宁");
    }

    static RawArticle raw(String title, String summary, String body, String author) {
        return new RawArticle(ModelJson.SCHEMA_VERSION, "id", "https://36kr.com/p/1", "https://36kr.com/p/1", "36kr.com",
                "test", null, "36kr", title, author, null, null, summary, body, "zh-Hans", null, null);
    }
}
