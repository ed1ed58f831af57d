package io.newsctl.ingest.service;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * Ingest sources ({@code news.ingest.*}).
 *
 * @param filesRoot          a directory of saved pages (*.html, recursively) to ingest; none when empty
 * @param filesRescanInterval how often to look for new or changed saved pages; once when empty
 */
@ConfigurationProperties("news.ingest")
public record IngestSettings(@Nullable String filesRoot, @Nullable Duration filesRescanInterval) {
}
