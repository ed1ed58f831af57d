package io.newsctl.extract.kb;

import io.newsctl.model.EntityType;
import java.util.List;

/**
 * A company or organization of the knowledge base.
 *
 * @param id         stable id, e.g. {@code nvidia}
 * @param type       {@link EntityType#COMPANY} or {@link EntityType#ORGANIZATION}
 * @param canonical  display name, e.g. {@code 英伟达}
 * @param names      every other name as listed (English, short, traditional, aliases)
 * @param tickers    stock tickers, e.g. {@code NVDA}, {@code 688256.SH}
 * @param chipVendor true when a model number right after its name is one of its chips
 * @param category   industry, e.g. chips, cloud, ev
 * @param country    ISO country code of its headquarters
 */
public record Company(String id, EntityType type, String canonical, List<String> names, List<String> tickers,
                      boolean chipVendor, String category, String country) {
}
