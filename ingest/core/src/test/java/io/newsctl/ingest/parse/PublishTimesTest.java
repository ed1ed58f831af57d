package io.newsctl.ingest.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PublishTimesTest {
    /** 2025-07-18 10:00 in Shanghai. */
    private static final Instant FETCHED = Instant.parse("2025-07-18T02:00:00Z");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // absolute dates
        "2025-07-18 07:12|2025-07-18T07:12+08:00",
        "2025-07-18 07:12:30|2025-07-18T07:12:30+08:00",
        "2025年7月18日 07:12|2025-07-18T07:12+08:00",
        "2025年07月18日07:12|2025-07-18T07:12+08:00",
        "2025/7/18|2025-07-18T00:00+08:00",
        "2025/07/17 14:30|2025-07-17T14:30+08:00",
        "2025.07.18 07:12|2025-07-18T07:12+08:00",
        "发布时间：2025-07-18 07:12 来源：新浪科技|2025-07-18T07:12+08:00",
        "2025年7月17日 下午3:05|2025-07-17T15:05+08:00",
        // explicit offsets win and are kept
        "2025-07-17T23:12:00Z|2025-07-17T23:12Z",
        "2025-07-18T07:12:00+08:00|2025-07-18T07:12+08:00",
        "2025-07-17T16:12:00.000-07:00|2025-07-17T16:12-07:00",
        "2025-07-18 07:12 +0800|2025-07-18T07:12+08:00",
        "2025-07-17 23:12 UTC|2025-07-17T23:12Z",
        // month-day without a year: the latest such time not after the fetch
        "07-18 07:12|2025-07-18T07:12+08:00",
        "·07-17 21:40|2025-07-17T21:40+08:00",
        "07-19 08:00|2024-07-19T08:00+08:00",
        "7月18日 07:12|2025-07-18T07:12+08:00",
        // relative to the fetch time
        "刚刚|2025-07-18T10:00+08:00",
        "3分钟前|2025-07-18T09:57+08:00",
        "3小时前|2025-07-18T07:00+08:00",
        "2天前|2025-07-16T10:00+08:00",
        "30秒前|2025-07-18T09:59:30+08:00",
        "昨天 08:30|2025-07-17T08:30+08:00",
        "昨天|2025-07-17T00:00+08:00",
        "前天 23:05|2025-07-16T23:05+08:00",
        "今天 09:15|2025-07-18T09:15+08:00",
        "3小時前|2025-07-18T07:00+08:00",
        // epoch values
        "1752793920000|2025-07-18T07:12+08:00",
        "1752793920|2025-07-18T07:12+08:00",
    })
    void readsTimes(String text, String expected) {
        assertEquals(OffsetDateTime.parse(expected), PublishTimes.parse(text, FETCHED, SHANGHAI));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "阅读 3.2万", "2025-13-45 10:00", "1990-01-01 00:00", "2025-07-25 10:00", "第3期"})
    void rejectsWhatIsNotAPlausibleTime(String text) {
        assertNull(PublishTimes.parse(text, FETCHED, SHANGHAI));
    }

    @org.junit.jupiter.api.Test
    void yearLessDateOnNewYearBelongsToTheYearBefore() {
        Instant jan2 = Instant.parse("2026-01-02T04:00:00Z");
        assertEquals(OffsetDateTime.parse("2025-12-30T21:05+08:00"), PublishTimes.parse("12-30 21:05", jan2, SHANGHAI));
    }

    @org.junit.jupiter.api.Test
    void otherZonesAreHonoured() {
        assertEquals(OffsetDateTime.parse("2025-07-18T07:12+09:00"),
                PublishTimes.parse("2025-07-18 07:12", FETCHED, ZoneId.of("Asia/Tokyo")));
    }
}
