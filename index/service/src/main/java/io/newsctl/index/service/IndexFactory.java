package io.newsctl.index.service;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.newsctl.extract.Extractor;
import io.newsctl.index.BulkWriter;
import io.newsctl.index.DocumentMapper;
import io.newsctl.index.EsClients;
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
    @Bean(preDestroy = "close")
    ConsumerStage indexStage(KafkaSettings kafka, IndexerSettings indexer, ElasticsearchClient client,
                             ElasticsearchSettings settings, MeterRegistry registry) {
        IndexHandler handler = new IndexHandler(new DocumentMapper(), new BulkWriter(client, settings.layout()));
        return new ConsumerStage("index", Topics.ENRICHED, indexer.groupId(), indexer.maxPollRecords(), kafka,
                handler, registry);
    }
}
