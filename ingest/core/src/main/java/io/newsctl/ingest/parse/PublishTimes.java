package io.newsctl.ingest.parse;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads publication times as Chinese news pages print them, relative to the time the page was
 * fetched. Times without an offset are in the page's zone (Asia/Shanghai unless told otherwise); an
 * explicit offset in the text wins and is kept.
 *
 * <p>Understood: ISO-8601 with or without offset; {@code 2025-07-18 07:12}, {@code 2025/7/18},
 * {@code 2025.07.18}, {@code 2025年7月18日 07:12} (date alone means midnight); {@code 07-18 07:12} and
 * {@code 7月18日 07:12} without a year (the latest such time not after the fetch); {@code 刚刚},
 * {@code N秒/分钟/小时/天/周前}, {@code 今天/昨天/前天 HH:mm}; epoch seconds or milliseconds.
 */
public final class PublishTimes {
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    // Sane bounds: nothing published before the web, nothing more than a day after the fetch.
    private static final Instant EARLIEST = Instant.parse("1995-01-01T00:00:00Z");
    private static final Duration FUTURE_SLACK = Duration.ofDays(1);

    private static final String TIME = "(?:\\s*(?:T|\\s|日|号|,)?\\s*(上午|下午|晚上|早上|中午|凌晨)?\\s*(\\d{1,2})[:：时点](\\d{1,2})(?:[:：分](\\d{1,2})(?:\\.(\\d{1,9}))?)?)?";
    private static final String OFFSET = "(?:\\s*(Z|z|[+-]\\d{2}:?\\d{2}|(?:GMT|UTC)\\s*[+-]\\s*\\d{1,2}(?::?\\d{2})?|UTC|GMT|CST|\\(?北京时间\\)?))?";

    private static final Pattern ABSOLUTE = Pattern.compile(
            "(?<!\\d)((?:19|20)\\d{2})\\s*(?:[-/.]|年)\\s*(\\d{1,2})\\s*(?:[-/.]|月)\\s*(\\d{1,2})(?!\\d)(?:\\s*日)?" + TIME + OFFSET);
    private static final Pattern NO_YEAR = Pattern.compile(
            "(?<![\\d\\-/.年])(\\d{1,2})\\s*(?:-|/|月)\\s*(\\d{1,2})(?!\\d)(?:\\s*日)?\\s*(?:\\s|日)?\\s*(\\d{1,2})[:：](\\d{2})(?![\\d:])");
    private static final Pattern NO_YEAR_CN_DATE_ONLY = Pattern.compile("(?<![\\d年])(\\d{1,2})月(\\d{1,2})日");
    private static final Pattern AGO = Pattern.compile("(\\d{1,4})\\s*(秒|分钟|分鐘|小时|小時|天|日|周|週|个月|個月)\\s*前");
    private static final Pattern DAY_WORD = Pattern.compile("(今天|今日|昨天|昨日|前天)\\s*(?:(\\d{1,2})[:：](\\d{2}))?");
    private static final Pattern EPOCH = Pattern.compile("\\d{10}|\\d{13}");

    private PublishTimes() {
    }

    /**
     * Finds the first time expression in a short text (a byline, a meta tag, a dateline).
     *
     * @return the time, or null when the text has none or it is implausible (before 1995, or more
     *         than a day after the fetch)
     */
    public static OffsetDateTime parse(String text, Instant fetchedAt, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.length() > 400 ? text.substring(0, 400) : text;
        s = s.replace('\u00a0', ' ').replace('\u3000', ' ').strip();
        ZoneId z = zone == null ? DEFAULT_ZONE : zone;
        Instant fetch = fetchedAt == null ? Instant.now() : fetchedAt;

        OffsetDateTime t = absolute(s, z);
        if (t == null) {
            t = relative(s, fetch, z);
        }
        if (t == null) {
            t = noYear(s, fetch, z);
        }
        if (t == null && EPOCH.matcher(s).matches()) {
            t = epoch(Long.parseLong(s), z);
        }
        return plausible(t, fetch) ? t : null;
    }

    /** Epoch seconds or milliseconds (told apart by size) in the given zone. */
    public static OffsetDateTime epoch(long value, ZoneId zone) {
        long millis = value < 100_000_000_000L ? value * 1000 : value;
        return Instant.ofEpochMilli(millis).atZone(zone == null ? DEFAULT_ZONE : zone).toOffsetDateTime();
    }

    public static boolean plausible(OffsetDateTime t, Instant fetchedAt) {
        if (t == null) {
            return false;
        }
        Instant i = t.toInstant();
        Instant fetch = fetchedAt == null ? Instant.now() : fetchedAt;
        return !i.isBefore(EARLIEST) && !i.isAfter(fetch.plus(FUTURE_SLACK));
    }

    private static OffsetDateTime absolute(String s, ZoneId zone) {
        Matcher m = ABSOLUTE.matcher(s);
        while (m.find()) {
            try {
                LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
                LocalTime time = timeOf(m.group(4), m.group(5), m.group(6), m.group(7), m.group(8));
                return at(date.atTime(time), offsetOf(m.group(9)), zone);
            } catch (DateTimeException | NumberFormatException e) {
                // not a real date (2025-13-45): look further
            }
        }
        return null;
    }

    private static OffsetDateTime noYear(String s, Instant fetch, ZoneId zone) {
        Matcher m = NO_YEAR.matcher(s);
        int month;
        int day;
        LocalTime time;
        if (m.find()) {
            month = Integer.parseInt(m.group(1));
            day = Integer.parseInt(m.group(2));
            try {
                time = LocalTime.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)));
            } catch (DateTimeException e) {
                return null;
            }
        } else {
            Matcher d = NO_YEAR_CN_DATE_ONLY.matcher(s);
            if (!d.find()) {
                return null;
            }
            month = Integer.parseInt(d.group(1));
            day = Integer.parseInt(d.group(2));
            time = LocalTime.MIDNIGHT;
        }
        ZonedDateTime now = fetch.atZone(zone);
        for (int year = now.getYear(); year >= now.getYear() - 4; year--) {
            try {
                ZonedDateTime candidate = LocalDate.of(year, month, day).atTime(time).atZone(zone);
                if (!candidate.toInstant().isAfter(fetch)) {
                    return candidate.toOffsetDateTime();
                }
            } catch (DateTimeException e) {
                if (month < 1 || month > 12 || day < 1 || day > 31) {
                    return null; // 02-29 in a non-leap year just moves on to an earlier year
                }
            }
        }
        return null;
    }

    private static OffsetDateTime relative(String s, Instant fetch, ZoneId zone) {
        if (s.contains("刚刚") || s.contains("剛剛")) {
            return fetch.atZone(zone).toOffsetDateTime();
        }
        Matcher m = AGO.matcher(s);
        if (m.find()) {
            long n = Long.parseLong(m.group(1));
            ZonedDateTime now = fetch.atZone(zone);
            ZonedDateTime t = switch (m.group(2)) {
                case "秒" -> now.minusSeconds(n);
                case "分钟", "分鐘" -> now.minusMinutes(n);
                case "小时", "小時" -> now.minusHours(n);
                case "天", "日" -> now.minusDays(n);
                case "周", "週" -> now.minusWeeks(n);
                default -> now.minusMonths(n);
            };
            return t.toOffsetDateTime();
        }
        Matcher d = DAY_WORD.matcher(s);
        if (d.find()) {
            int back = switch (d.group(1)) {
                case "今天", "今日" -> 0;
                case "昨天", "昨日" -> 1;
                default -> 2;
            };
            LocalDate day = fetch.atZone(zone).toLocalDate().minusDays(back);
            LocalTime time = LocalTime.MIDNIGHT;
            if (d.group(2) != null) {
                try {
                    time = LocalTime.of(Integer.parseInt(d.group(2)), Integer.parseInt(d.group(3)));
                } catch (DateTimeException e) {
                    return null;
                }
            }
            return day.atTime(time).atZone(zone).toOffsetDateTime();
        }
        return null;
    }

    private static LocalTime timeOf(String halfDay, String h, String m, String sec, String frac) {
        if (h == null) {
            return LocalTime.MIDNIGHT;
        }
        int hour = Integer.parseInt(h);
        if (halfDay != null && hour < 12 && (halfDay.equals("下午") || halfDay.equals("晚上"))) {
            hour += 12;
        }
        int seconds = sec == null ? 0 : Integer.parseInt(sec);
        int nanos = 0;
        if (frac != null) {
            String nine = (frac + "000000000").substring(0, 9);
            nanos = Integer.parseInt(nine);
        }
        return LocalTime.of(hour, Integer.parseInt(m), seconds, nanos);
    }

    private static ZoneOffset offsetOf(String text) {
        if (text == null) {
            return null;
        }
        String t = text.replace(" ", "").replace("(", "").replace(")", "");
        if (t.equalsIgnoreCase("Z") || t.equals("UTC") || t.equals("GMT")) {
            return ZoneOffset.UTC;
        }
        if (t.equals("CST") || t.equals("北京时间")) {
            return ZoneOffset.ofHours(8); // on Chinese pages CST is China Standard Time
        }
        t = t.replace("GMT", "").replace("UTC", "");
        try {
            if (t.matches("[+-]\\d{1,2}")) {
                return ZoneOffset.ofHours(Integer.parseInt(t));
            }
            if (t.matches("[+-]\\d{4}")) {
                return ZoneOffset.of(t.substring(0, 3) + ":" + t.substring(3));
            }
            return ZoneOffset.of(t);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static OffsetDateTime at(LocalDateTime local, ZoneOffset explicit, ZoneId zone) {
        return explicit != null ? local.atOffset(explicit) : local.atZone(zone).toOffsetDateTime();
    }
}
