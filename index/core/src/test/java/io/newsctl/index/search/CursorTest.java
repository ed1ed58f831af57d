package io.newsctl.index.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void roundTrips() {
        Cursor after = Cursor.decode(Cursor.after("date", List.of(1720000000000L, "abc")).encode());
        assertTrue(after.isSearchAfter());
        assertEquals("date", after.sort());
        assertEquals(List.of(1720000000000L, "abc"), after.searchAfter());
        assertEquals(40, Cursor.decode(Cursor.offset(40).encode()).offset());
    }

    @Test
    void forgedOrBrokenCursorsAreRefused() {
        for (String bad : List.of("", "!!!", "e30", encode("[\"o\",-1]"), encode("[\"o\",20000]"), encode("[\"x\",1]"),
                encode("[\"a\",\"date\",{\"script\":1}]"), encode("{\"o\":1}"), encode("[\"a\",\"date\"]"))) {
            assertThrows(InvalidQueryException.class, () -> Cursor.decode(bad), bad);
        }
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes());
    }
}
