package io.newsctl.cli;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an Elasticsearch node did between two readings of its counters: where its time went while
 * the benchmark indexed (documents, bulk requests and their size, time indexing, merging,
 * refreshing and flushing). The times are the node's own thread time, not CPU, but they show which
 * of them grows when the pipeline costs the node more per document than a raw {@code _bulk}.
 */
record EsActivity(long documents, long indexMillis, long bulkRequests, long bulkBytes, long merges,
                  long mergedDocuments, long mergeMillis, long refreshes, long refreshMillis, long flushes,
                  long flushMillis) {

    static EsActivity of(JsonNode indices) {
        JsonNode indexing = indices.path("indexing");
        JsonNode merges = indices.path("merges");
        JsonNode bulk = indices.path("bulk");
        return new EsActivity(indexing.path("index_total").asLong(), indexing.path("index_time_in_millis").asLong(),
                bulk.path("total_operations").asLong(), bulk.path("total_size_in_bytes").asLong(),
                merges.path("total").asLong(), merges.path("total_docs").asLong(),
                merges.path("total_time_in_millis").asLong(),
                indices.path("refresh").path("total").asLong(), indices.path("refresh").path("total_time_in_millis").asLong(),
                indices.path("flush").path("total").asLong(), indices.path("flush").path("total_time_in_millis").asLong());
    }

    EsActivity since(EsActivity before) {
        return new EsActivity(documents - before.documents, indexMillis - before.indexMillis,
                bulkRequests - before.bulkRequests, bulkBytes - before.bulkBytes, merges - before.merges,
                mergedDocuments - before.mergedDocuments, mergeMillis - before.mergeMillis,
                refreshes - before.refreshes, refreshMillis - before.refreshMillis, flushes - before.flushes,
                flushMillis - before.flushMillis);
    }

    /** One line, times per article of the run. */
    String describe(int articles) {
        return String.format("%,d Lucene documents (nested figures included) in %,d bulk requests of %,.0f KB on average;"
                        + " per article: indexing %.2f ms, merging %.2f ms (%,d merges rewrote %,d documents),"
                        + " refreshing %.2f ms (%,d refreshes), flushing %.2f ms (%,d)",
                documents, bulkRequests, bulkRequests == 0 ? 0.0 : bulkBytes / 1024.0 / bulkRequests,
                indexMillis / (double) articles, mergeMillis / (double) articles, merges, mergedDocuments,
                refreshMillis / (double) articles, refreshes, flushMillis / (double) articles, flushes);
    }
}
