package io.newsctl.ingest.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The publish-time parser on anything a byline or a meta tag may hold: no exception escapes, every
 * call ends well within a bound (no catastrophic backtracking), an answer is always plausible, and
 * the formats it documents read back the time that was written.
 */
class PublishTimesPropertyTest {
    private static final Instant FETCHED = Instant.parse("2025-07-18T02:00:00Z");
    private static final ZoneId SHANGHAI = PublishTimes.DEFAULT_ZONE;
    private static final Duration BOUND = Duration.ofSeconds(2);
    private static final String DATE_ALPHABET = "0123456789 0123456789:：-/.年月日号时点分秒前刚天周小时今昨上下午凌晨T+Z北京时间GMTUTC()\t\u3000\u00a0";

    @Property(tries = 300)
    void anyTextParsesToNothingOrAPlausibleTime(@ForAll("bylines") String text) {
        OffsetDateTime t = assertTimeoutPreemptively(BOUND, () -> PublishTimes.parse(text, FETCHED, SHANGHAI),
                () -> "parsing " + text.length() + " chars took longer than " + BOUND);
        assertTrue(t == null || PublishTimes.plausible(t, FETCHED), text + " → " + t);
    }

    @Property(tries = 200)
    void writtenTimesReadBack(@ForAll("pastTimes") LocalDateTime time, @ForAll("formats") String pattern,
                              @ForAll("decorations") String prefix) {
        String text = prefix + DateTimeFormatter.ofPattern(pattern).format(time);
        OffsetDateTime parsed = PublishTimes.parse(text, FETCHED, SHANGHAI);
        LocalDateTime expected = pattern.contains("ss") ? time : time.truncatedTo(ChronoUnit.MINUTES);
        assertEquals(expected.atZone(SHANGHAI).toInstant(), parsed == null ? null : parsed.toInstant(), text);
    }

    @Property(tries = 100)
    void hoursAgoCountBackFromTheFetch(@ForAll @IntRange(min = 0, max = 9999) int hours) {
        OffsetDateTime parsed = PublishTimes.parse(hours + "小时前", FETCHED, SHANGHAI);
        Instant expected = FETCHED.minus(Duration.ofHours(hours));
        if (expected.isBefore(Instant.parse("1995-01-01T00:00:00Z"))) {
            assertEquals(null, parsed);
        } else {
            assertEquals(expected, parsed.toInstant(), hours + "小时前");
        }
    }

    /** 10-digit seconds or 13-digit millis (so from 2001-09-09 on: shorter numbers are not taken for times). */
    @Property(tries = 100)
    void epochNumbersAreSecondsOrMillis(@ForAll @LongRange(min = 1_000_000_000L, max = 1_752_800_000L) long seconds,
                                        @ForAll boolean millis) {
        String text = millis ? Long.toString(seconds * 1000) : Long.toString(seconds);
        OffsetDateTime parsed = PublishTimes.parse(text, FETCHED, SHANGHAI);
        assertEquals(Instant.ofEpochSecond(seconds), parsed.toInstant(), text);
    }

    @Provide
    Arbitrary<String> bylines() {
        Arbitrary<String> dateLike = Arbitraries.strings().withChars(DATE_ALPHABET.toCharArray()).ofMaxLength(600);
        Arbitrary<String> anything = Arbitraries.strings().all().ofMaxLength(2000);
        Arbitrary<String> repeated = Arbitraries.of("2025-", "7月", "18日 ", "07:", "12", "小时前", "年", " ", "-1", "：")
                .list().ofMaxSize(2000).map(l -> String.join("", l));
        return Arbitraries.oneOf(dateLike, anything, repeated);
    }

    @Provide
    Arbitrary<LocalDateTime> pastTimes() {
        long from = LocalDateTime.of(1996, 1, 1, 0, 0).toEpochSecond(java.time.ZoneOffset.UTC);
        long to = LocalDateTime.of(2025, 7, 17, 0, 0).toEpochSecond(java.time.ZoneOffset.UTC);
        return Arbitraries.longs().between(from, to)
                .map(s -> LocalDateTime.ofEpochSecond(s, 0, java.time.ZoneOffset.UTC));
    }

    @Provide
    Arbitrary<String> formats() {
        return Arbitraries.of("yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy/M/d HH:mm", "yyyy.MM.dd HH:mm",
                "yyyy年M月d日 HH:mm", "yyyy年MM月dd日 HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss");
    }

    @Provide
    Arbitrary<String> decorations() {
        return Arbitraries.of("", "发布时间：", "来源：36氪 ", "  ", "原创 2小时前 ", "作者 张三 | ");
    }
}
