package io.newsctl.ingest.parse;

/**
 * Tells running text from mojibake and binary noise: real Chinese text draws most of its characters
 * from a few hundred common ones (the 400 below cover roughly two thirds of news text), while bytes
 * decoded with the wrong charset scatter over thousands of rare ideographs.
 */
public final class TextQuality {
    private static final String COMMON =
            "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笔"
            + "這個們為來說會對發後與業國時產經開電體機從於還進過動現實關當點長問學應義萬億則場將資術導處數無雲達營額廠較據報華陸區間"
            + "芯片股价亿元同比增长营收季度市场企业公司技术产品发布用户投资融资模型智能汽车手机销量美元显示表示预计";
    private static final boolean[] IS_COMMON = new boolean[0x10000];

    static {
        for (int i = 0; i < COMMON.length(); i++) {
            IS_COMMON[COMMON.charAt(i)] = true;
        }
    }

    private TextQuality() {
    }

    /**
     * False for text that is clearly not language: mostly rare ideographs (wrong charset, binary) or
     * mostly symbols and replacement characters. Texts with little Chinese are judged by symbols only.
     */
    public static boolean looksLikeText(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        int n = Math.min(text.length(), 20_000);
        int cjk = 0;
        int common = 0;
        int plain = 0;
        int odd = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (Texts.isCjk(c)) {
                cjk++;
                if (IS_COMMON[c]) {
                    common++;
                }
            } else if (Character.isLetterOrDigit(c) && c < 0x2000 || c == ' ' || Texts.isPunctuation(c) || c == '\n') {
                plain++;
            } else {
                odd++;
            }
        }
        if (cjk >= 30 && common * 4 < cjk) {
            return false; // fewer than a quarter common characters: not Chinese
        }
        return odd * 5 < n; // at most a fifth symbols, replacement characters, stray scripts
    }
}
