package io.newsctl.index.service;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.newsctl.extract.Extractor;
import io.newsctl.index.BulkWriter;
import io.newsctl.index.DocumentMapper;
import io.newsctl.index.EsClients;
import io.newsctl.index.search.ArticleExport;
import io.newsctl.index.search.ArticleSearch;
import io.newsctl.model.Topics;
import io.newsctl.service.ConsumerStage;
import io.newsctl.service.KafkaSettings;
import jakarta.inject.Singleton;

/** Wires the framework-free index core into the service. */
@Factory
public class IndexFactory {

    @Singleton
    @Bean(preDestroy = "close")
    ElasticsearchClient elasticsearchClient(ElasticsearchSettings settings) {
        return EsClients.create(settings.connection());
    }

    @Singleton
    Extractor extractor() {
        // The same segmenter as the documents, so query words and indexed words agree.
        return Extractor.createDefault();
    }

    @Singleton
    ArticleSearch articleSearch(ElasticsearchClient client, ElasticsearchSettings settings, Extractor extractor) {
        return new ArticleSearch(client, settings.layout(), extractor::queryTokens);
    }

    @Singleton
    ArticleExport articleExport(ArticleSearch search, SearchApiSettings api) {
        return new ArticleExport(search, 500, api.exportMaxArticles());
    }

    @Singleton
    @Bean(preDestroy = "close")
    BulkWriter bulkWriter(ElasticsearchClient client, ElasticsearchSettings settings, IndexerSettings indexer) {
        return new BulkWriter(client, settings.alias(), true, indexer.bulk());
    }

    @Singleton
    @Bean(preDestroy = "close")
    ConsumerStage indexStage(KafkaSettings kafka, IndexerSettings indexer, BulkWriter writer,
                             MeterRegistry registry) {
        IndexHandler handler = new IndexHandler(new DocumentMapper(), writer);
        return new ConsumerStage("index", Topics.ENRICHED, indexer.groupId(), indexer.maxPollRecords(), kafka,
                handler, registry);
    }
}
