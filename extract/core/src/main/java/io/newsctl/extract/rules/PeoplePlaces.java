package io.newsctl.extract.rules;

import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;
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
        String text = f.normalized();
        List<Mention> titled = titledPeople(f, known);
        String credited = author == null ? null : author.strip(); // once, not per term
        boolean[] covered = new boolean[text.length() + 1];
        for (Mention m : known) {
            java.util.Arrays.fill(covered, m.start(), m.end(), true);
        }
        for (Mention m : titled) {
            java.util.Arrays.fill(covered, m.start(), m.end(), true);
        }
        List<Mention> people = new ArrayList<>(titled);
        List<Mention> places = new ArrayList<>();
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        java.util.Set<String> cued = new java.util.HashSet<>();
        List<Mention> candidates = new ArrayList<>();
        for (Term t : terms) {
            if (t.nature == null || t.word.length() < 2) {
                continue;
            }
            String nature = t.nature.toString();
            boolean person = nature.startsWith("nr");
            boolean place = nature.startsWith("ns");
            int start = t.offset;
            int end = start + t.word.length();
            boolean byline = isByline(text, start) || t.word.equals(credited);
            if (!person && !place && !byline) {
                continue;
            }
            if (covered(covered, start, end)) {
                continue;
            }
            if (byline) {
                if (isHanWord(t.word) && t.word.length() <= 4) {
                    people.add(mention(EntityType.PERSON, f, start, end, t.word));
                }
                continue;
            }
            if (person && acceptPerson(t.word, nature)) {
                candidates.add(mention(EntityType.PERSON, f, start, end, t.word));
                seen.merge(t.word, 1, Integer::sum);
                if (personCue(text, start, end)) {
                    cued.add(t.word);
                }
            } else if (place && acceptPlace(t.word)) {
                places.add(mention(EntityType.PLACE, f, start, end, t.word));
            }
        }
        // a recognised name needs a title or a speech verb at one of its mentions, or (three characters
        // and more) a second mention
        for (Mention c : candidates) {
            String name = c.canonical();
            if (cued.contains(name) || (name.length() >= 3 && seen.get(name) >= 2)) {
                people.add(c);
            }
        }
        List<Mention> out = new ArrayList<>(people);
        out.addAll(mergeAdjacent(f, places, people));
        return out;
    }

    private static final String[] TITLE_WORDS = {"首席执行官", "首席财务官", "首席技术官", "首席运营官", "首席分析师", "执行副总裁",
        "高级副总裁", "联合创始人", "常务董事", "执行董事", "副董事长", "副总经理", "董事长", "副总裁", "总经理", "创始人", "秘书长",
        "发言人", "分析师", "研究员", "负责人", "总裁", "主席", "总统", "总理", "部长", "财长", "议员", "大使", "教授", "院士",
        "合伙人", "总监", "主任", "局长", "市长", "省长", "CEO", "CFO", "CTO", "COO", "执行长", "董事"};
    private static final String[] JOINT_TITLES = {"兼CEO", "兼CTO", "兼CFO", "兼总裁", "兼首席执行官"};
    private static final String[] NAME_STOPS = {"表示", "称", "说", "指出", "认为", "透露", "介绍", "坦言", "强调", "在", "曾", "也",
        "则", "此前", "回应", "宣布", "谈及", "谈到", "提到", "日前", "近日", "近期", "昨日", "今天", "接受", "告诉", "对", "向",
        "证实", "承认", "预计", "预测", "发表", "解释", "补充", "提醒", "坦承", "直言", ",", "，", "。", ":", "：", "、", "(", "（"};
    private static final AhoCorasickDoubleArrayTrie<String> TITLE_AUTOMATON = new AhoCorasickDoubleArrayTrie<>();

    static {
        java.util.TreeMap<String, String> map = new java.util.TreeMap<>();
        for (String t : TITLE_WORDS) {
            map.put(t, t);
        }
        TITLE_AUTOMATON.build(map);
    }

    /** 执行副总裁沈抖表示, 首席财务官科莱特·克雷斯表示: a name between a title and a speech verb. */
    private static List<Mention> titledPeople(FieldText f, List<Mention> known) {
        List<Mention> out = new ArrayList<>();
        String text = f.normalized();
        List<int[]> ends = new ArrayList<>();
        TITLE_AUTOMATON.parseText(text.toCharArray(), (AhoCorasickDoubleArrayTrie.IHitFull<String>) (b, e, v, i) -> {
            ends.add(new int[] {b, e});
        });
        int reached = -1;
        for (int[] hit : ends) {
            int start = hit[1];
            for (String joint : JOINT_TITLES) {
                if (text.startsWith(joint, start)) {
                    start += joint.length();
                    break;
                }
            }
            if (start <= reached) {
                continue;
            }
            int end = -1;
            if (start >= text.length() || !EntityRecognizer.isHan(text.charAt(start))) {
                continue;
            }
            for (int i = start + 2; i <= Math.min(text.length(), start + 12); i++) {
                char c = text.charAt(i - 1);
                if (!EntityRecognizer.isHan(c) && c != '·') {
                    break;
                }
                if (i < text.length() && startsWithAny(text, i, NAME_STOPS)) {
                    end = i;
                    break;
                }
            }
            if (end < 0) {
                continue;
            }
            String name = text.substring(start, end);
            if (overlaps(known, start, end)) {
                continue;
            }
            boolean transliterated = name.indexOf('·') > 0 && !name.endsWith("·");
            boolean chinese = name.indexOf('·') < 0 && surnameLength(name) > 0
                    && name.length() <= surnameLength(name) + 2 && !ordinaryWord(name) && !ROLE_WORDS.contains(name);
            if (transliterated || chinese) {
                out.add(mention(EntityType.PERSON, f, start, end, name));
                reached = end;
            }
        }
        return out;
    }

    private static boolean startsWithAny(String text, int at, String[] words) {
        for (String w : words) {
            if (text.startsWith(w, at)) {
                return true;
            }
        }
        return false;
    }

    private static int surnameLength(String name) {
        for (String s : COMPOUND_SURNAMES) {
            if (name.startsWith(s) && name.length() > s.length()) {
                return s.length();
            }
        }
        return SURNAMES.indexOf(name.charAt(0)) >= 0 ? 1 : 0;
    }

    private static final java.util.Set<String> ROLE_WORDS = java.util.Set.of("高管", "董事", "总裁", "经理", "老板", "员工",
            "代表", "人士", "官员", "主管", "司机", "工人", "记者", "编辑", "分析", "专家", "学者", "高层", "股东", "用户", "客户",
            "团队", "方面", "同时", "此前", "目前", "近日", "日前", "表示", "称", "车企", "厂商", "企业", "券商", "机构");
    /** Function words that end a phrase, never a name (两用物项对美国 → not 项对). */
    private static final String NOT_IN_NAMES = "对的在和与向将了是为从被把给等及或也都就而但则于以所着过";
    private static final java.util.Set<String> NOT_PLACES = java.util.Set.of("多国", "各国", "两国", "外国", "本国", "他国",
            "全国", "国内", "国外", "海外", "境外", "境内", "当地", "各地", "全球", "世界", "中外", "异地", "本地", "外地", "内地",
            "两岸", "各省", "多地");

    /** 中国 + 大陆 → 中国大陆: places written back to back are one place. */
    private static List<Mention> mergeAdjacent(FieldText f, List<Mention> places, List<Mention> people) {
        List<Mention> out = new ArrayList<>();
        // a mask rather than a scan of the people per place: long articles have hundreds of each
        boolean[] person = new boolean[f.normalized().length() + 1];
        for (Mention m : people) {
            java.util.Arrays.fill(person, m.start(), m.end(), true);
        }
        for (Mention p : places) {
            if (covered(person, p.start(), p.end())) {
                continue;
            }
            if (!out.isEmpty() && out.get(out.size() - 1).end() == p.start()) {
                Mention prev = out.remove(out.size() - 1);
                String word = f.normalized().substring(prev.start(), p.end());
                out.add(mention(EntityType.PLACE, f, prev.start(), p.end(), word));
            } else {
                out.add(p);
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
        return !ordinaryWord(word) && !ROLE_WORDS.contains(word)
                && NOT_IN_NAMES.indexOf(word.charAt(word.length() - 1)) < 0;
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
        return isHanWord(word) && word.length() >= 2 && word.length() <= 8 && !NOT_PLACES.contains(word);
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
        if (start == 0 || "：:/| 者".indexOf(text.charAt(start - 1)) < 0) {
            return false;
        }
        for (String cue : BYLINE) {
            int from = start - cue.length();
            if (from >= 0 && text.startsWith(cue, from)) {
                return true;
            }
        }
        return false;
    }

    private static boolean covered(boolean[] covered, int start, int end) {
        for (int i = start; i < end && i < covered.length; i++) {
            if (covered[i]) {
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
