package io.newsctl.extract.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class WordStartsTest {
    private static List<Integer> digitStarts(String text) {
        List<Integer> out = new ArrayList<>();
        for (int i = WordStarts.next(text, 0, '0', '9', "_."); i >= 0; i = WordStarts.next(text, i + 1, '0', '9', "_.")) {
            out.add(i);
        }
        return out;
    }

    @Test
    void numbersGluedToWordsDigitsOrDotsAreNotStarts() {
        // H20 (letter), 2025 (digits after the first), 1.5 (after the dot), x_2: only 营收12 and 增长1 start numbers
        assertEquals(List.of(2, 11), digitStarts("营收12亿元H20增长1.5倍x_2"));
        assertEquals(List.of(0), digitStarts("2025年"));
        assertEquals(List.of(), digitStarts("没有数字"));
    }

    @Test
    void startsAreWhereTheLookbehindPatternMatches() {
        // the scan must agree with the regex it replaces, on text mixing every kind of neighbour
        Pattern lookbehind = Pattern.compile("(?<![A-Za-z0-9_.])\\d");
        String text = "A100与H20，1,234.5亿美元；x2 _3 .4 v1.5 （5）６成 第3季度 -7% 8";
        List<Integer> expected = new ArrayList<>();
        Matcher m = lookbehind.matcher(text);
        while (m.find()) {
            expected.add(m.start());
        }
        assertEquals(expected, digitStarts(text));
    }

    @Test
    void joinedBeforeLooksOnlyAtThePreviousCharacter() {
        assertFalse(WordStarts.joinedBefore("A100", 0, ".-"));
        assertTrue(WordStarts.joinedBefore("v1.5-A100", 5, ".-"));
        assertFalse(WordStarts.joinedBefore("的A100", 1, ".-"));
        assertTrue(WordStarts.joinedBefore("xA100", 1, ""));
    }
}
