package io.newsctl.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import io.newsctl.index.DocumentMapper.IndexDocument;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes documents with the bulk API and sorts the outcome of every item: stored, rejected for
 * good (the document is wrong: it goes to the dead-letter topic), or retryable (the cluster is busy
 * or failing: the whole batch is tried again later, which is harmless because ids are stable).
 * Sorting is by Elasticsearch's error type and HTTP status, never by message text.
 */
public final class BulkWriter {
    /** Error types that mean the document itself is wrong; retrying cannot help. */
    private static final Set<String> DOCUMENT_ERRORS = Set.of(
            "mapper_parsing_exception",
            "document_parsing_exception",
            "strict_dynamic_mapping_exception",
            "illegal_argument_exception",
            "mapper_exception",
            "parse_exception",
            "x_content_parse_exception");

    public enum Status { STORED, REJECTED, RETRY }

    /** What happened to one document. */
    public record ItemResult(String id, Status status, String errorType, String reason) {
    }

    /** The cluster did not take the request at all (down, timing out, 429/5xx for the whole call). */
    public static final class UnavailableException extends Exception {
        public UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final ElasticsearchClient client;
    private final String alias;

    public BulkWriter(ElasticsearchClient client, IndexLayout layout) {
        this.client = client;
        this.alias = layout.alias();
    }

    /** One bulk request for the documents; results in the same order. */
    public List<ItemResult> write(List<IndexDocument> documents) throws UnavailableException {
        if (documents.isEmpty()) {
            return List.of();
        }
        List<BulkOperation> operations = new ArrayList<>(documents.size());
        for (IndexDocument document : documents) {
            operations.add(BulkOperation.of(op -> op.index(i -> i.index(alias).id(document.id())
                    .document(document.source()))));
        }
        BulkResponse response;
        try {
            response = client.bulk(b -> b.operations(operations));
        } catch (ElasticsearchException e) {
            throw new UnavailableException("bulk refused: " + e.status() + " " + e.error().type(), e);
        } catch (IOException e) {
            throw new UnavailableException("Elasticsearch unreachable: " + e.getMessage(), e);
        }
        List<ItemResult> results = new ArrayList<>(documents.size());
        List<BulkResponseItem> items = response.items();
        for (int i = 0; i < items.size(); i++) {
            results.add(classify(documents.get(i).id(), items.get(i)));
        }
        return results;
    }

    static ItemResult classify(String id, BulkResponseItem item) {
        ErrorCause error = item.error();
        if (error == null) {
            return new ItemResult(id, Status.STORED, null, null);
        }
        String type = error.type();
        String reason = error.reason();
        if (item.status() == 400 || DOCUMENT_ERRORS.contains(type)) {
            return new ItemResult(id, Status.REJECTED, type, reason);
        }
        // 429 (queue full, flood-stage block), 5xx, unavailable shards: the cluster's problem
        return new ItemResult(id, Status.RETRY, type, reason);
    }
}
