package io.newsctl.index.service;

import io.newsctl.index.BulkWriter;
import io.newsctl.index.DocumentMapper;
import io.newsctl.index.DocumentMapper.IndexDocument;
import io.newsctl.model.ModelJson;
import io.newsctl.model.SchemaException;
import io.newsctl.stream.BatchHandler;
import io.newsctl.stream.Rejection;
import io.newsctl.stream.TransientException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One batch of enriched articles → one bulk request. Records that are not enriched articles and
 * documents Elasticsearch refuses are rejected (dead-lettered); if the cluster cannot take the
 * batch, the whole batch is retried later.
 */
public final class IndexHandler implements BatchHandler {
    private final DocumentMapper mapper;
    private final BulkWriter writer;

    public IndexHandler(DocumentMapper mapper, BulkWriter writer) {
        this.mapper = mapper;
        this.writer = writer;
    }

    @Override
    public List<Rejection> handle(List<ConsumerRecord<byte[], byte[]>> batch) throws TransientException {
        List<Rejection> rejections = new ArrayList<>();
        List<IndexDocument> documents = new ArrayList<>(batch.size());
        List<ConsumerRecord<byte[], byte[]>> sources = new ArrayList<>(batch.size());
        for (ConsumerRecord<byte[], byte[]> record : batch) {
            try {
                documents.add(mapper.toDocument(ModelJson.decodeEnriched(record.value())));
                sources.add(record);
            } catch (SchemaException e) {
                rejections.add(new Rejection(record, e.errorType(), e.getMessage()));
            }
        }
        List<BulkWriter.ItemResult> results;
        try {
            results = writer.write(documents);
        } catch (BulkWriter.UnavailableException e) {
            throw new TransientException(e.getMessage(), e);
        }
        int retryable = 0;
        String retryType = null;
        for (int i = 0; i < results.size(); i++) {
            BulkWriter.ItemResult result = results.get(i);
            switch (result.status()) {
                case REJECTED -> rejections.add(new Rejection(sources.get(i), result.errorType(),
                        "Elasticsearch refused the document: " + result.reason()));
                case RETRY -> {
                    retryable++;
                    retryType = result.errorType();
                }
                case STORED -> { }
            }
        }
        if (retryable > 0) {
            throw new TransientException(retryable + " of " + results.size()
                    + " documents not stored (" + retryType + ")");
        }
        return rejections;
    }
}
