package io.newsctl.index.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.newsctl.model.ModelJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The opaque {@code next} token of a result page. Uncollapsed results page with
 * {@code search_after} (the sort values of the last hit, so deep paging costs nothing); collapsed
 * results page by offset, because Elasticsearch allows {@code search_after} with {@code collapse}
 * only when sorting on the collapse field — so they reach at most 10,000 stories deep.
 */
record Cursor(int offset, String sort, List<Object> searchAfter) {
    static final int MAX_OFFSET = 10_000;

    static Cursor offset(int offset) {
        return new Cursor(offset, null, null);
    }

    static Cursor after(String sort, List<Object> sortValues) {
        return new Cursor(0, sort, List.copyOf(sortValues));
    }

    boolean isSearchAfter() {
        return searchAfter != null;
    }

    String encode() {
        ArrayNode array = ModelJson.mapper().createArrayNode();
        if (searchAfter == null) {
            array.add("o").add(offset);
        } else {
            array.add("a").add(sort);
            for (Object value : searchAfter) {
                array.addPOJO(value);
            }
        }
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(ModelJson.encode(array));
    }

    static Cursor decode(String token) {
        JsonNode array;
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(token);
            array = ModelJson.mapper().readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new InvalidQueryException("'after' is not a cursor returned by this API");
        }
        if (array == null || !array.isArray() || array.isEmpty() || array.size() > 8) {
            throw new InvalidQueryException("'after' is not a cursor returned by this API");
        }
        String kind = array.get(0).asText();
        if (kind.equals("o") && array.size() == 2 && array.get(1).canConvertToInt()) {
            int offset = array.get(1).asInt();
            if (offset < 0 || offset > MAX_OFFSET) {
                throw new InvalidQueryException("paging deeper than " + MAX_OFFSET
                        + " collapsed results: narrow the search or set collapse=false");
            }
            return offset(offset);
        }
        if (kind.equals("a") && array.size() >= 3 && array.get(1).isTextual()) {
            List<Object> values = new ArrayList<>();
            for (int i = 2; i < array.size(); i++) {
                JsonNode v = array.get(i);
                if (v.isTextual() && v.asText().length() <= 200) {
                    values.add(v.asText());
                } else if (v.isIntegralNumber()) {
                    values.add(v.asLong());
                } else if (v.isNumber()) {
                    values.add(v.asDouble());
                } else {
                    throw new InvalidQueryException("'after' is not a cursor returned by this API");
                }
            }
            return after(array.get(1).asText(), values);
        }
        throw new InvalidQueryException("'after' is not a cursor returned by this API");
    }
}
