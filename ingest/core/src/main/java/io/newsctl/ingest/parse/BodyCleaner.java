package io.newsctl.ingest.parse;

import io.newsctl.ingest.parse.Blocks.Block;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Paragraph-level clean-up of an article body, after the DOM-level skipping in {@link Blocks}:
 * drops link lists, bylines, repost and copyright lines, editor credits, image credits and
 * "follow us" lines; cuts the body at trailing sections (相关阅读, 免责声明, comments …); and reports
 * what the removed lines said (original source, author) so the caller can use it.
 */
public final class BodyCleaner {
    /** The cleaned paragraphs and the credits found in lines that were removed. */
    public record Cleaned(List<String> paragraphs, String repostSource, String repostAuthor, String bylineAuthor,
                          String bylineSource) {
    }

    // A heading that starts the trailing furniture of a page: everything from it on is dropped.
    private static final Pattern TRAILING_SECTION = Pattern.compile(
            "^[【\\[「]?\\s*(相关阅读|相关文章|相关新闻|相关推荐|延伸阅读|推荐阅读|热门推荐|热门文章|热门阅读|猜你喜欢|更多精彩|精彩推荐|"
                    + "阅读更多|更多阅读|往期回顾|往期推荐|热点推荐|点击排行|热门评论|网友评论|最新评论|全部评论|评论区|发表评论|"
                    + "相關閱讀|相關文章|相關新聞|延伸閱讀|推薦閱讀|熱門推薦|熱門文章|猜你喜歡|更多精彩|網友評論|最新評論|發表評論)"
                    + "\\s*[】\\]」]?\\s*[:：>›»]*\\s*$");
    private static final Pattern DISCLAIMER_START = Pattern.compile("^[【\\[（(]?\\s*(免责声明|免責聲明|风险提示|風險提示|特别声明|特別聲明)\\s*[】\\]）)]?\\s*[:：]?");
    private static final Pattern COPYRIGHT = Pattern.compile(
            "本文仅代表作者|本文僅代表作者|仅代表作者(个人|本人)?观点|版权归.{0,12}所有|版權歸.{0,12}所有|如需转载|如需轉載|"
                    + "未经(许可|授权|允许).{0,20}(转载|使用|复制)|未經(許可|授權|允許).{0,20}(轉載|使用|複製)|转载请(注明|联系|务必)|轉載請(註明|聯繫)|"
                    + "本文(系|为|為)(转载|轉載|原创|原創)|^(声明|聲明)[:：]|^版权(声明|所有)|^版權(聲明|所有)|Copyright\\s*©|©\\s*\\d{4}|All Rights Reserved");
    private static final Pattern CREDIT_LINE = Pattern.compile(
            "^[（(【\\[]?\\s*(责任编辑|責任編輯|责编|責編|文字编辑|编辑|編輯|校对|校對|审核|審核|审校|審校|监制|監製|编审|編審|出品|策划|策劃|排版|美编|美編|值班编辑|实习编辑|图片编辑|视觉|設計|设计|运营|運營|主编|主編)\\s*[:：|｜丨/]");
    private static final Pattern IMAGE_CREDIT = Pattern.compile(
            "^[（(【\\[]?\\s*(图片来源|圖片來源|图源|圖源|图片|圖片|题图|題圖|头图|頭圖|封面|配图|配圖|图|圖|图注|圖註|摄影|攝影|△|▲)\\s*[:：|｜丨/\\s]|^[△▲]");
    private static final Pattern CALL_TO_ACTION = Pattern.compile(
            "(点击|點擊|长按|長按|扫码|掃碼|扫描|掃描).{0,12}(关注|關注|二维码|二維碼|阅读原文|閱讀原文|订阅|訂閱|下载|下載)|"
                    + "^(阅读原文|閱讀原文|分享到|分享至|点赞|點讚|在看|收藏|举报|舉報|打开APP|打開APP|返回搜狐|查看更多|展开全文|展開全文)|"
                    + "点[个個一下]{0,2}[“【「\"]?在看|點[个個一下]{0,2}[“【「\"]?在看|返回.{0,8}首页|返回.{0,8}首頁|[【\\[](点击|點擊|下载|下載|立即|马上|馬上)[^】\\]]{0,8}[】\\]]|下载地址】|下载客户端|下載客戶端|"
                    + "(安装|下载|安裝|下載).{0,10}(客户端|客戶端|APP|App)|^\\d{0,2}[、.]?\\s*回复[【「“]|^点击菜单|^點擊菜單");
    private static final Pattern ORIGINAL_TITLE = Pattern.compile("^[（(【\\[]?\\s*(本文)?(原标题|原標題)\\s*[:：]");
    private static final Pattern KEYWORDS_LINE = Pattern.compile("^(关键词|關鍵詞|关键字|關鍵字|标签|標籤|Tags?)\\s*[:：>》»]");
    // 本文来自微信公众号“X”（ID:…），作者：Y，36氪经授权发布。 and its looser variants
    private static final Pattern REPOST = Pattern.compile(
            "(本文|文章|此文)?(来自|來自|转载自|轉載自|转自|轉自|来源于|來源於|首发于|首發於|原载于|原載於|经授权转载自|經授權轉載自)\\s*"
                    + "(微信)?(公众号|公眾號|微博|头条号|頭條號|网易号|網易號|百家号|百家號)?\\s*[:：]?\\s*");
    private static final Pattern QUOTED = Pattern.compile("^[“\"「『《\\u201c]\\s*([^”\"」』》\\u201d]{1,40}?)\\s*[”\"」』》\\u201d]");
    private static final Pattern UNQUOTED = Pattern.compile("^([^，,。；;（(\\s“”\"「」]{1,30})");
    private static final Pattern AUTHOR_FIELD = Pattern.compile("(?:作者|作者名|撰文|(?<!\\p{IsHan})文)\\s*[:：|｜丨/\\s]\\s*([^，,。；;（()）\\s|｜]{1,30}(?:[、,，&和]\\s*[^，,。；;（()）\\s|｜]{1,10}){0,3}?)(?=$|[，,。；;（()）\\s|｜])");
    private static final Pattern SOURCE_LINE = Pattern.compile(
            "^[（(【\\[]?\\s*(?:来源|來源|本文来源|本文來源|文章来源|文章來源|稿件来源|信息来源|新闻来源|转载自|轉載自|转自|轉自|出处|出處)\\s*[:：|｜丨]\\s*([^\\s，,。；;()（）|｜]{2,30})");
    private static final Pattern ID_FIELD = Pattern.compile("ID\\s*[:：]|微信号\\s*[:：]");
    private static final Pattern DATELINE = Pattern.compile(
            "^[\\s(（【\\[]*(发布时间|發佈時間|发布日期|發佈日期|时间|時間|日期|更新时间|更新時間|发表于|發表於)?\\s*[:：]?\\s*"
                    + "(19|20)\\d{2}\\s*[-/.年]\\s*\\d{1,2}\\s*[-/.月]\\s*\\d{1,2}");
    // A credit in brackets near the start of the first paragraph: "（记者 陈智 整合）", "(本报记者 王小鹏)"
    private static final Pattern LEAD_CREDIT = Pattern.compile("^.{0,40}?[（(]([^（()）]{0,6}(?:记者|記者)[^（()）]{1,30})[）)]");
    private static final int MAX_TRIM = 3; // short-line styles (WeChat) must not be eaten away
    private static final int MAX_META_LINE = 120;

    private BodyCleaner() {
    }

    public static Cleaned clean(List<Block> blocks, String title) {
        List<String> out = new ArrayList<>();
        String repostSource = null;
        String repostAuthor = null;
        String bylineAuthor = null;
        String bylineSource = null;
        int total = blocks.size();
        for (int i = 0; i < total; i++) {
            Block b = blocks.get(i);
            String t = b.text();
            boolean late = out.size() >= 2 || i > total / 2;
            if (late && DISCLAIMER_START.matcher(t).find()) {
                break;
            }
            if (TRAILING_SECTION.matcher(t).find()) {
                if (late && textAfter(blocks, i + 1) < textBefore(out)) {
                    break; // the page's trailing furniture starts here
                }
                continue; // an inline "相关新闻：" box before the article goes on
            }
            if (b.linkDensity() > 0.5 && t.length() < 200 && Texts.countPunctuation(t) < 3) {
                continue; // a navigation or link-list entry
            }
            if (t.length() >= 20 && !TextQuality.looksLikeText(t)) {
                continue; // binary noise or a stretch in the wrong charset
            }
            if (t.length() <= 300) {
                Repost r = repost(t);
                if (r != null) {
                    repostSource = repostSource == null ? r.source : repostSource;
                    repostAuthor = repostAuthor == null ? r.author : repostAuthor;
                    continue;
                }
            }
            if (t.length() <= MAX_META_LINE) {
                if (out.size() < 3 && title != null && inTitle(t, title)) {
                    continue; // the headline (or part of it) repeated above the text
                }
                if (out.size() < 3 && isDateline(t)) {
                    continue;
                }
                if (COPYRIGHT.matcher(t).find() || CREDIT_LINE.matcher(t).find() || CALL_TO_ACTION.matcher(t).find()
                        || ORIGINAL_TITLE.matcher(t).find() || KEYWORDS_LINE.matcher(t).find()) {
                    continue;
                }
                if (t.length() <= 40 && IMAGE_CREDIT.matcher(t).find()) {
                    continue;
                }
                if (out.size() < 3 && t.length() <= 60) {
                    if (Bylines.isBylineLine(t)) {
                        bylineAuthor = bylineAuthor == null ? cleanName(Bylines.author(t)) : bylineAuthor;
                        String src = Bylines.source(t);
                        bylineSource = bylineSource == null && src != null ? cleanName(src) : bylineSource;
                        continue;
                    }
                }
                if (t.length() <= 60) {
                    Matcher src = SOURCE_LINE.matcher(t);
                    if (src.find()) { // "来源：新华社" at the top, "（文章来源：证券时报）" at the end
                        bylineSource = bylineSource == null ? cleanName(src.group(1)) : bylineSource;
                        continue;
                    }
                }
            } else if (DISCLAIMER_START.matcher(t).find() && i >= total - 3) {
                break;
            }
            out.add(t);
        }
        for (int k = 0; k < 2 && !out.isEmpty(); k++) { // "（记者 张三）" closing the article
            String last = out.get(out.size() - 1);
            if (!Bylines.isBylineLine(last)) {
                break;
            }
            bylineAuthor = bylineAuthor == null ? cleanName(Bylines.author(last)) : bylineAuthor;
            out.remove(out.size() - 1);
        }
        trimEdges(out);
        if (bylineAuthor == null && !out.isEmpty()) { // "新华社北京2月29日电（记者唐霁）…" opening the article
            Matcher lead = LEAD_CREDIT.matcher(out.get(0));
            if (lead.find()) {
                bylineAuthor = cleanName(Bylines.author(lead.group(1)));
            }
        }
        return new Cleaned(out, repostSource, repostAuthor, bylineAuthor, bylineSource);
    }

    /** Running text (non-link characters) in the blocks from {@code from} on. */
    private static int textAfter(List<Block> blocks, int from) {
        int n = 0;
        for (int i = from; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (b.linkDensity() < 0.5) {
                n += b.text().length() - b.linkLength();
            }
        }
        return n;
    }

    private static int textBefore(List<String> kept) {
        int n = 0;
        for (String t : kept) {
            n += t.length();
        }
        return n;
    }

    /** A repost credit line, parsed; null when the line is not one. */
    public record Repost(String source, String author) {
    }

    public static Repost repost(String line) {
        if (line.length() > 300) {
            return null;
        }
        Matcher m = REPOST.matcher(line);
        if (!m.find() || m.start() > 12) {
            return null;
        }
        String rest = line.substring(m.end());
        String source = null;
        boolean quoted = false;
        Matcher q = QUOTED.matcher(rest);
        if (q.find()) {
            source = q.group(1).strip();
            quoted = true;
        } else {
            Matcher u = UNQUOTED.matcher(rest);
            if (u.find()) {
                source = u.group(1).strip();
            }
        }
        if (source == null || source.isEmpty()) {
            return null;
        }
        boolean credited = line.contains("授权") || line.contains("授權") || ID_FIELD.matcher(line).find()
                || m.group(3) != null || m.group(4) != null
                || (m.group(1) != null && m.start() <= 2 && (quoted || line.contains("作者")));
        if (!credited) {
            return null;
        }
        String author = null;
        Matcher a = AUTHOR_FIELD.matcher(rest);
        if (a.find()) {
            author = cleanName(a.group(1));
        }
        return new Repost(source, author);
    }

    private static final Pattern SOURCE_SUFFIX = Pattern.compile("(综合报道|綜合報導|综合整理|綜合整理|综合|綜合|报道|報導|整理)$");

    /** Credits that name no publication. */
    private static final java.util.Set<String> NO_SOURCE = java.util.Set.of("网络", "網絡", "网友", "網友", "互联网", "互聯網",
            "本站", "本网", "本網", "综合", "綜合", "未知", "网络整理", "網絡整理", "原创", "原創", "转载", "轉載", "其他", "其它");

    /** A source credit as a publication name: "新智网综合报道" → "新智网", quotes and brackets removed. */
    public static String sourceName(String s) {
        String t = cleanName(s);
        if (t == null) {
            return null;
        }
        t = t.replaceAll("^[“\"「『《【]+|[”\"」』》】]+$", "").strip();
        Matcher m = SOURCE_SUFFIX.matcher(t);
        if (m.find() && m.start() >= 2) {
            t = t.substring(0, m.start()).strip();
        }
        return t.isEmpty() || NO_SOURCE.contains(t) ? null : t;
    }

    private static String cleanName(String s) {
        if (s == null) {
            return null;
        }
        String t = Texts.normaliseSpace(s).replaceAll("[，,。;；、]+$", "").strip();
        return t.isEmpty() ? null : t;
    }

    private static boolean inTitle(String line, String title) {
        String l = Texts.fingerprintForm(line);
        String t = Texts.fingerprintForm(title);
        return l.equals(t) || (l.length() >= 8 && t.contains(l)) || (t.length() >= 8 && l.length() < t.length() * 1.5 && l.contains(t));
    }

    /** "发布时间： 2019-09-26 10:09:11", "2025-07-18 07:12 来源：…": a dateline, not text. */
    private static boolean isDateline(String line) {
        if (line.length() > 60 || "。！？".indexOf(line.charAt(line.length() - 1)) >= 0) {
            return false;
        }
        return DATELINE.matcher(line).find();
    }

    /** Drops a few short lines without sentence punctuation from both ends (leftover bylines, dates, tags). */
    private static void trimEdges(List<String> out) {
        for (int k = 0; k < MAX_TRIM && !out.isEmpty() && isStub(out.get(0)); k++) {
            out.remove(0);
        }
        for (int k = 0; k < MAX_TRIM && !out.isEmpty() && isStub(out.get(out.size() - 1)); k++) {
            out.remove(out.size() - 1);
        }
    }

    private static boolean isStub(String t) {
        int len = Texts.weightedLength(t);
        if (len >= 25) {
            return false;
        }
        char last = t.charAt(t.length() - 1);
        boolean sentenceEnd = "。！？!?…”」』\"".indexOf(last) >= 0;
        return !sentenceEnd || len < 6;
    }
}
