package io.newsctl.index.service;

import io.newsctl.index.BulkWriter;
import io.newsctl.index.DocumentMapper;
import io.newsctl.model.ModelJson;
import io.newsctl.model.SchemaException;
import io.newsctl.stream.BatchHandler;
import io.newsctl.stream.Rejection;
import io.newsctl.stream.TransientException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One batch of enriched articles → bulk requests (see {@link BulkWriter}: bounded, concurrent,
 * retried, and built while earlier requests are in flight). Records that are not enriched articles
 * and documents Elasticsearch refuses are rejected (dead-lettered); if the cluster cannot take the
 * batch, the whole batch is retried later by the stage runner, with consumption paused.
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
        Rejection[] unreadable = new Rejection[batch.size()];
        List<BulkWriter.ItemResult> results;
        try {
            results = writer.write(batch.size(), i -> {
                ConsumerRecord<byte[], byte[]> record = batch.get(i);
                try {
                    return mapper.toDocument(ModelJson.decodeEnriched(record.value()));
                } catch (SchemaException e) {
                    unreadable[i] = new Rejection(record, e.errorType(), e.getMessage());
                    return null;
                }
            });
        } catch (BulkWriter.UnavailableException e) {
            throw new TransientException(e.getMessage(), e);
        }
        List<Rejection> rejections = new ArrayList<>();
        int retryable = 0;
        String retryType = null;
        for (int i = 0; i < batch.size(); i++) {
            if (unreadable[i] != null) {
                rejections.add(unreadable[i]);
                continue;
            }
            BulkWriter.ItemResult result = results.get(i);
            switch (result.status()) {
                case REJECTED -> rejections.add(new Rejection(batch.get(i), result.errorType(),
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
