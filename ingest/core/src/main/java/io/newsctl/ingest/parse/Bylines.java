package io.newsctl.ingest.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Credit lines as Chinese news pages print them: 「文｜李小年」「作者：张三」「撰文：X」「本报记者 王小鹏」
 * 「經濟日報 記者王大明／台北即時報導」「来源：证券时报」「稿源：IT之家」.
 */
public final class Bylines {
    // A person's name: 2–12 Han/Latin characters up to a separator, or "报道"/"摄影"/"编辑".
    private static final String NAME = "([A-Za-z][A-Za-z.'’-]*(?: [A-Z][A-Za-z.'’-]*){0,3}|[\\p{IsHan}A-Za-z0-9·・]{2,12}?)"
            + "(?=$|[\\s，,。；;／/|｜丨()（）、:：]|报道|報導|摄影|攝影|编辑|編輯|整理|发自|發自|来源|來源|\\d{1,4}[-/年.:])";
    private static final String LABEL = "(?:作者|撰文|文字|文|采写|採寫|口述|作者丨)";
    private static final String SEP = "\\s*[:：|｜丨/／]\\s*";
    // What may follow the name on a byline line: more credits or a dateline, but no sentence.
    private static final String TRAILER = "(?:[\\s，,|｜丨／/][^。！？!?]{0,40})?[）)】\\]]?$";
    private static final Pattern LABELLED = Pattern.compile("(?<![\\p{IsHan}])" + LABEL + SEP + NAME);
    private static final String REPORTER_WORD = "(?:记者|記者)(?!会|會|招待|问|問|站|节|節|证|證|们|們)";
    private static final Pattern REPORTER = Pattern.compile(REPORTER_WORD + "\\s*(?:[:：|｜丨/／]\\s*)?" + NAME);
    private static final Pattern LABELLED_LINE = Pattern.compile(
            "^[（(【\\[]?\\s*(?:本报|本報|本刊|特约|特約)?" + LABEL + SEP + NAME + TRAILER);
    private static final Pattern REPORTER_LINE = Pattern.compile(
            "^[（(【\\[]?[^\\s，,。：:]{0,12}?\\s*" + REPORTER_WORD + "\\s*(?:[:：|｜丨/／]\\s*)?" + NAME + TRAILER);
    private static final Pattern SOURCE = Pattern.compile(
            "(?:来源|來源|文章来源|文章來源|稿源|稿件来源|信息来源|出处|出處|转载自|轉載自|转自|轉自)\\s*[:：|｜丨]\\s*"
                    + "([^\\s，,。；;:：|｜丨()（）]{2,30}?)(?=$|[\\s，,。；;:：|｜丨()（）]|作者|記者|记者|编辑|編輯|责编|發佈|发布|时间|時間|日期|\\d{4}[-/年])");
    private static final int MAX_LINE = 60;

    private Bylines() {
    }

    /** The author named in a short credit line (labelled or reporter form), or null. */
    public static String author(String line) {
        if (line == null || line.length() > 200) {
            return null;
        }
        Matcher m = LABELLED.matcher(line);
        if (m.find()) {
            String name = m.group(1).strip();
            if (!name.endsWith("记者") && !name.endsWith("記者")) {
                return name;
            }
            line = line.substring(m.start(1)); // "采写：南都见习记者 林子沛": the person follows the title
        }
        m = REPORTER.matcher(line);
        return m.find() ? m.group(1).strip() : null;
    }

    /** True when the whole line is a byline (and so not article text). */
    public static boolean isBylineLine(String line) {
        return line.length() <= MAX_LINE && (LABELLED_LINE.matcher(line).find() || REPORTER_LINE.matcher(line).find());
    }

    /** The source named in a "来源：X" credit, or null. */
    public static String source(String line) {
        if (line == null || line.length() > 200) {
            return null;
        }
        Matcher m = SOURCE.matcher(line);
        return m.find() ? m.group(1).strip() : null;
    }
}
