package io.newsctl.index.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsctl.index.search.UserQuery.Term;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserQueryTest {

    @Test
    void wordsAreAllRequired() {
        UserQuery q = UserQuery.parse("寒武纪  H20");
        assertEquals(List.of(List.of(new Term("寒武纪", false)), List.of(new Term("H20", false))), q.required());
        assertTrue(q.excluded().isEmpty());
    }

    @Test
    void quotedPhrasesExclusionsAndOr() {
        UserQuery q = UserQuery.parse("\"出口 管制\" 英伟达 OR AMD -游戏 -“手机 发布”");
        assertEquals(List.of(
                List.of(new Term("出口 管制", true)),
                List.of(new Term("英伟达", false), new Term("AMD", false))), q.required());
        assertEquals(List.of(new Term("游戏", false), new Term("手机 发布", true)), q.excluded());
    }

    @Test
    void luceneSyntaxIsJustText() {
        UserQuery q = UserQuery.parse("title:H20 AND (a OR b)* ~2 \\");
        assertEquals(List.of("title:H20", "AND", "(a"), q.required().stream().limit(3)
                .map(g -> g.get(0).text()).toList());
        assertEquals(List.of(new Term("(a", false), new Term("b)*", false)), q.required().get(2));
    }

    @Test
    void danglingOrAndUnclosedQuoteAreForgiven() {
        assertEquals(1, UserQuery.parse("OR 寒武纪 OR").required().size());
        assertEquals(List.of(List.of(new Term("未闭合 的引号", true))), UserQuery.parse("\"未闭合 的引号").required());
    }

    @Test
    void onlyExclusionsIsAnError() {
        InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> UserQuery.parse("-寒武纪"));
        assertTrue(e.getMessage().contains("not excluded"));
    }

    @Test
    void oversizeQueriesAreRefused() {
        assertThrows(InvalidQueryException.class, () -> UserQuery.parse("字".repeat(UserQuery.MAX_LENGTH + 1)));
        assertThrows(InvalidQueryException.class, () -> UserQuery.parse("a ".repeat(UserQuery.MAX_TERMS + 1)));
    }

    @Test
    void blankIsEmpty() {
        assertTrue(UserQuery.parse("   ").isEmpty());
        assertTrue(UserQuery.parse(null).isEmpty());
    }
}
