package io.newsctl.extract.rules;

import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.seg.common.Term;
import io.newsctl.extract.text.FieldText;
import io.newsctl.model.EntityType;
import java.util.ArrayList;
import java.util.List;

/**
 * People and places from HanLP's recognizers, with the junk filtered: a Chinese name must start with a
 * common surname and not be an ordinary word (占比 is not a person); words overlapping a knowledge-base
 * name are dropped; a byline name (作者:丰宁) or the article's credited author is a person, never a
 * place. Stateless and thread-safe.
 */
public final class PeoplePlaces {
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
            + "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛"
            + "邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍"
            + "华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商"
            + "刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强"
            + "帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸"
            + "战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由";
    private static final String[] COMPOUND_SURNAMES = {"欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙",
        "宇文", "司徒", "令狐", "夏侯", "端木", "独孤", "南宫", "西门"};
    private static final String[] BYLINE = {"作者:", "作者：", "作者 ", "记者", "编辑:", "编辑：", "文/", "文|", "撰文:", "撰文：",
        "责编:", "责编：", "来源:", "出品:", "口述:", "整理:"};

    private PeoplePlaces() {
    }

    /**
     * People and places of one field.
     *
     * @param terms    HanLP's terms of the field
     * @param known    the field's confirmed knowledge-base mentions (they win)
     * @param author   the article's credited author, or null
     */
    public static List<Mention> find(FieldText f, List<Term> terms, List<Mention> known, String author) {
        List<Mention> out = new ArrayList<>();
        String text = f.normalized();
        for (Term t : terms) {
            if (t.nature == null || t.word.length() < 2) {
                continue;
            }
            String nature = t.nature.toString();
            boolean person = nature.startsWith("nr");
            boolean place = nature.startsWith("ns");
            int start = t.offset;
            int end = start + t.word.length();
            boolean byline = isByline(text, start) || (author != null && author.strip().equals(t.word));
            if (!person && !place && !byline) {
                continue;
            }
            if (overlaps(known, start, end)) {
                continue;
            }
            if (byline) {
                if (isHanWord(t.word) && t.word.length() <= 4) {
                    out.add(mention(EntityType.PERSON, f, start, end, t.word));
                }
                continue;
            }
            if (person && acceptPerson(t.word, nature) && (t.word.length() >= 3 || personCue(text, start, end))) {
                out.add(mention(EntityType.PERSON, f, start, end, t.word));
            } else if (place && acceptPlace(t.word)) {
                out.add(mention(EntityType.PLACE, f, start, end, t.word));
            }
        }
        return out;
    }

    private static Mention mention(EntityType type, FieldText f, int start, int end, String word) {
        return new Mention(type, null, word, null, null, f, start, end, Mention.Pending.NONE);
    }

    static boolean acceptPerson(String word, String nature) {
        if (!isHanWord(word) || word.length() > 6) {
            return false;
        }
        if (nature.equals("nrf") || nature.equals("nrj")) {
            return word.length() >= 2 && !ordinaryWord(word);
        }
        boolean compound = false;
        for (String s : COMPOUND_SURNAMES) {
            if (word.startsWith(s)) {
                compound = true;
                break;
            }
        }
        int max = compound ? 4 : 3;
        if (word.length() > max || (!compound && SURNAMES.indexOf(word.charAt(0)) < 0)) {
            return false;
        }
        return !ordinaryWord(word);
    }

    private static final String[] TITLES = {"CEO", "CTO", "CFO", "COO", "总裁", "董事长", "创始人", "总经理", "首席执行官", "负责人",
        "分析师", "教授", "研究员", "部长", "主席", "总统", "院士", "经理", "主任", "记者", "合伙人", "高级副总裁", "副总裁", "发言人",
        "总监", "专家", "博士", "先生", "女士", "秘书长", "局长", "市长", "议员", "大使", "国务卿", "财长", "总理", "联合创始人"};
    private static final String[] SPEECH = {"表示", "称", "说", "指出", "认为", "透露", "介绍", "坦言", "告诉", "强调", "先生",
        "女士", "博士", "教授", "在接受", "曾", "此前", "回应", "宣布", "提到", "谈到", "解释"};

    /** 2-character names are common words often enough that they need a title or a speech verb nearby. */
    private static boolean personCue(String text, int start, int end) {
        for (String t : TITLES) {
            if (start >= t.length() && text.startsWith(t, start - t.length())) {
                return true;
            }
        }
        for (String s : SPEECH) {
            if (text.startsWith(s, end)) {
                return true;
            }
        }
        return false;
    }

    static boolean acceptPlace(String word) {
        return isHanWord(word) && word.length() >= 2 && word.length() <= 8;
    }

    /** The core dictionary knows the word as something other than a name (占比, 同比). */
    private static boolean ordinaryWord(String word) {
        CoreDictionary.Attribute a = CoreDictionary.get(word);
        if (a == null) {
            return false;
        }
        for (Nature n : a.nature) {
            String s = n.toString();
            if (s.startsWith("nr")) {
                return false;
            }
        }
        return true;
    }

    private static boolean isByline(String text, int start) {
        for (String cue : BYLINE) {
            int from = start - cue.length();
            if (from >= 0 && text.startsWith(cue, from)) {
                return true;
            }
        }
        return false;
    }

    private static boolean overlaps(List<Mention> known, int start, int end) {
        for (Mention m : known) {
            if (m.overlaps(start, end)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHanWord(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (!EntityRecognizer.isHan(word.charAt(i)) && word.charAt(i) != '·') {
                return false;
            }
        }
        return true;
    }
}
