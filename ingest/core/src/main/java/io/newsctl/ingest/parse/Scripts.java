package io.newsctl.ingest.parse;

/**
 * Tells Simplified from Traditional Chinese text by counting characters that exist in only one of
 * the two scripts (a few hundred of the most frequent pairs). The text is never converted.
 */
public final class Scripts {
    public static final String SIMPLIFIED = "zh-Hans";
    public static final String TRADITIONAL = "zh-Hant";
    public static final String UNDETERMINED = "und";

    // Pairs aligned by position: TRAD.charAt(i) is written SIMP.charAt(i) in Simplified Chinese.
    private static final String TRAD =
            
            "這個們為來說會對發後與業國時產經開電體機從於還進過動現實關當點長問學應義萬億則場將資術導處數無雲達營額廠較據報華陸區間預"
            + "計並稱網絡務價類總戰設險變緊邊選環爭團歷權麼氣廣東車軟規劃議論識讀寫轉運輸讓認證調講財貨貿買賣費質購銷鐵鋼錢銀門閱陽陰隊"
            + "際雙離難靈響頭顯風飛驗黨齊龍龜兒兩優傳備偉側傷僅減創劇勞勝協單衛厲參員啟圖園圓執塊壓壞夠夢奪獎婦孫寬層屬島峽嶺幣帶師幫廳"
            + "廢彈錄態慮懷戲戶擁擇擔擴攝敗斷書條極構標樣樂歐歲殺決沒滿溝漲濟災煙熱爾獨獲畫異療盡監盤確碼禮種穩積競筆築簡節級紀約紅納紙"
            + "組細終結絕給統絲綜綠維線練縣縮績織繼續羅習聞聯聲聽職腦舊舉艙藝藥蘋號蟲衝裝複見視覺觀觸訂討訊記許評試詢該詳語誤請諾謀謝譯"
            + "護豐貝負責貼賬賴賽贊趕趨軍軌載輔輕輪辦農連違遠適遲遺鄉醫釋針鍵鏈閉閒陣陳隨隱雜雞須頁項順領頻題願顧飯館馬驅髮鳥麥黃齒";
    private static final String SIMP =
            
            "这个们为来说会对发后与业国时产经开电体机从于还进过动现实关当点长问学应义万亿则场将资术导处数无云达营额厂较据报华陆区间预"
            + "计并称网络务价类总战设险变紧边选环争团历权么气广东车软规划议论识读写转运输让认证调讲财货贸买卖费质购销铁钢钱银门阅阳阴队"
            + "际双离难灵响头显风飞验党齐龙龟儿两优传备伟侧伤仅减创剧劳胜协单卫厉参员启图园圆执块压坏够梦夺奖妇孙宽层属岛峡岭币带师帮厅"
            + "废弹录态虑怀戏户拥择担扩摄败断书条极构标样乐欧岁杀决没满沟涨济灾烟热尔独获画异疗尽监盘确码礼种稳积竞笔筑简节级纪约红纳纸"
            + "组细终结绝给统丝综绿维线练县缩绩织继续罗习闻联声听职脑旧举舱艺药苹号虫冲装复见视觉观触订讨讯记许评试询该详语误请诺谋谢译"
            + "护丰贝负责贴账赖赛赞赶趋军轨载辅轻轮办农连违远适迟遗乡医释针键链闭闲阵陈随隐杂鸡须页项顺领频题愿顾饭馆马驱发鸟麦黄齿";
    private static final boolean[] IS_TRAD = new boolean[0x10000];
    private static final boolean[] IS_SIMP = new boolean[0x10000];

    static {
        if (TRAD.length() != SIMP.length()) {
            throw new IllegalStateException("script tables out of step: " + TRAD.length() + " vs " + SIMP.length());
        }
        for (int i = 0; i < TRAD.length(); i++) {
            char t = TRAD.charAt(i);
            char s = SIMP.charAt(i);
            if (t != s) {
                IS_TRAD[t] = true;
                IS_SIMP[s] = true;
            }
        }
        for (int c = 0; c < 0x10000; c++) {
            if (IS_TRAD[c] && IS_SIMP[c]) { // shared by both scripts (e.g. 于 vs 於 pairs reversed): no evidence
                IS_TRAD[c] = false;
                IS_SIMP[c] = false;
            }
        }
    }

    private Scripts() {
    }

    /** {@code zh-Hant}, {@code zh-Hans}, or {@code und} when the text has too little Chinese to tell. */
    public static String detect(String text, String htmlLang) {
        if (text == null) {
            return UNDETERMINED;
        }
        int trad = 0;
        int simp = 0;
        int cjk = 0;
        int letters = 0;
        int n = Math.min(text.length(), 20_000);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (IS_TRAD[c]) {
                trad++;
            } else if (IS_SIMP[c]) {
                simp++;
            }
            if (Texts.isCjk(c)) {
                cjk++;
            } else if (Character.isLetter(c)) {
                letters++;
            }
        }
        if (cjk < 5 || cjk * 4 < letters / 5) {
            return UNDETERMINED;
        }
        if (trad > simp * 2 && trad >= 2) {
            return TRADITIONAL;
        }
        if (simp > trad * 2 && simp >= 2) {
            return SIMPLIFIED;
        }
        String lang = htmlLang == null ? "" : htmlLang.toLowerCase(java.util.Locale.ROOT);
        if (lang.contains("hant") || lang.contains("tw") || lang.contains("hk") || lang.contains("mo")) {
            return TRADITIONAL;
        }
        return SIMPLIFIED;
    }
}
