package io.newsctl.index.search;

import java.util.List;

/**
 * Cuts query text into the same words the documents were cut into. The search service passes the
 * extract pipeline's segmenter, so queries and documents always agree.
 */
@FunctionalInterface
public interface QuerySegmenter {
    List<String> words(String text);
}
