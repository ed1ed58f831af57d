package io.newsctl.extract.rules;

import io.newsctl.extract.text.FieldText;
import io.newsctl.model.EntityType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Settles pending mentions for a whole article. A short chip name (H20, L4) stays when its sentence
 * speaks of chips or names its vendor, when the same chip is confirmed elsewhere in the article, or
 * when it is listed next to a confirmed chip (H100、H200). A usually-common-word alias (理想) stays when
 * the company is confirmed elsewhere. Everything else pending is dropped.
 */
public final class MentionResolver {
    private static final String[] CHIP_WORDS = {"芯片", "gpu", "显卡", "加速卡", "算力卡", "算力", "处理器", "cpu", "npu", "asic",
        "soc", "推理卡", "训练卡", "计算卡", "板卡", "晶片", "加速器", "服务器", "ai芯片", "型号", "特供", "平替", "制程", "算力集群"};

    private MentionResolver() {
    }

    /** The mentions to keep, each confirmed, in the order given. */
    public static List<Mention> resolve(List<Mention> mentions) {
        Set<String> confirmed = new HashSet<>();
        for (Mention m : mentions) {
            if (m.pending() == Mention.Pending.NONE) {
                confirmed.add(m.key());
            }
        }
        boolean[] keep = new boolean[mentions.size()];
        boolean changed = true;
        for (int round = 0; changed && round < 4; round++) {
            changed = false;
            for (int i = 0; i < mentions.size(); i++) {
                if (keep[i]) {
                    continue;
                }
                Mention m = mentions.get(i);
                boolean ok = switch (m.pending()) {
                    case NONE -> true;
                    case CONFIRMATION -> confirmed.contains(m.key());
                    case CHIP_CONTEXT -> confirmed.contains(m.key()) || chipContext(m, mentions)
                            || listedWithChip(i, mentions, keep);
                };
                if (ok) {
                    keep[i] = true;
                    changed = true;
                    confirmed.add(m.key());
                }
            }
        }
        List<Mention> out = new ArrayList<>();
        for (int i = 0; i < mentions.size(); i++) {
            if (keep[i]) {
                out.add(mentions.get(i).confirmed());
            }
        }
        return out;
    }

    /** The sentence speaks of chips, or names the chip's vendor. */
    private static boolean chipContext(Mention m, List<Mention> all) {
        FieldText f = m.field();
        int s = f.sentenceOf(m.start());
        int from = f.sentenceCount() == 0 ? 0 : f.sentenceStart(s);
        int to = f.sentenceCount() == 0 ? f.length() : f.sentenceEnd(s);
        String sentence = new String(f.folded(), from, to - from);
        for (String w : CHIP_WORDS) {
            if (sentence.contains(w)) {
                return true;
            }
        }
        for (Mention other : all) {
            if (other.field() == f && other.type() == EntityType.COMPANY && other.start() >= from && other.end() <= to
                    && other.id() != null && other.id().equals(m.vendorId()) && other.pending() == Mention.Pending.NONE) {
                return true;
            }
        }
        return false;
    }

    /** H100、H200 or H20与MI308: only list punctuation and conjunctions between it and a kept chip. */
    private static boolean listedWithChip(int i, List<Mention> all, boolean[] keep) {
        Mention m = all.get(i);
        for (int j = i - 1; j <= i + 1; j += 2) {
            if (j < 0 || j >= all.size() || !keep[j]) {
                continue;
            }
            Mention o = all.get(j);
            if (o.field() != m.field() || o.type() != EntityType.CHIP) {
                continue;
            }
            int gapFrom = Math.min(m.end(), o.end());
            int gapTo = Math.max(m.start(), o.start());
            if (gapTo - gapFrom > 4 || gapTo < gapFrom) {
                continue;
            }
            String gap = m.field().normalized().substring(gapFrom, gapTo).strip();
            if (gap.isEmpty() || gap.matches("[、,/和与及或]|以及|还有|以及其|、以及")) {
                return true;
            }
        }
        return false;
    }
}
