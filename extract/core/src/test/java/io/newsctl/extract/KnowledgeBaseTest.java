package io.newsctl.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsctl.extract.kb.Chip;
import io.newsctl.extract.kb.KnowledgeBase;
import io.newsctl.model.EntityType;
import org.junit.jupiter.api.Test;

class KnowledgeBaseTest {
    private static final KnowledgeBase KB = KnowledgeBase.load();

    @Test
    void isBroadEnough() {
        assertTrue(KB.count(EntityType.COMPANY) >= 200, "companies: " + KB.count(EntityType.COMPANY));
        assertTrue(KB.chips().size() >= 150, "chips: " + KB.chips().size());
        for (String id : new String[] {"nvidia", "cambricon", "moore-threads", "metax", "hygon", "kunlunxin", "huawei", "biren",
            "enflame", "iluvatar", "tsmc", "smic", "xiaomi", "byd"}) {
            assertNotNull(KB.companies().get(id), id);
        }
        for (String id : new String[] {"nvidia-h20", "nvidia-h100", "nvidia-h200", "nvidia-b200", "nvidia-b30a",
            "nvidia-rtx-pro-6000d", "amd-mi308", "amd-mi325x", "huawei-ascend-910b", "huawei-ascend-910c", "cambricon-590",
            "kunlunxin-p800", "mthreads-s80", "mthreads-s4000", "hygon-dcu-2", "biren-br100"}) {
            assertNotNull(KB.chips().get(id), id);
        }
    }

    @Test
    void aliasesCoverEnglishTraditionalAndTickers() {
        assertEquals("nvidia", KB.aliases().get("辉达").company().id());
        assertEquals("nvidia", KB.aliases().get("nvidia").company().id());
        assertEquals("tsmc", KB.aliases().get("2330.tw").company().id());
        assertEquals("cambricon", KB.aliases().get("688256.sh").company().id());
    }

    @Test
    void everyChipHasAChipMakingVendor() {
        for (Chip c : KB.chips().values()) {
            assertEquals(EntityType.COMPANY, c.vendor().type(), c.id());
        }
    }

    @Test
    void versionIsAStableDigest() {
        assertEquals(KB.version(), KnowledgeBase.load().version());
        assertEquals(12, KB.version().length());
    }
}
