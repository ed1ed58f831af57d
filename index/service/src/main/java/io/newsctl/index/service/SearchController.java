package io.newsctl.index.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.newsctl.index.search.ArticleQuery;
import io.newsctl.index.search.ArticleSearch;
import io.newsctl.index.search.InvalidQueryException;
import io.newsctl.index.search.SearchPage;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** The search API researchers and the web UI use. Thin: parsing and querying live in index-core. */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SearchController {
    private final ArticleSearch search;

    public SearchController(ArticleSearch search) {
        this.search = search;
    }

    /**
     * Searches articles.
     *
     * @param q       words, "quoted phrases", -exclusions and OR
     * @param company company filter (canonical name or id), repeatable
     * @param chip    chip filter (canonical name or id), repeatable
     * @param tag     tag filter, repeatable
     * @param from    earliest publication date (ISO date or date-time)
     * @param to      latest publication date, exclusive
     * @param sort    relevance (default) or date
     * @param page    0-based page
     * @param size    hits per page (1–100)
     */
    @Get("/search")
    public SearchPage search(@Nullable @QueryValue String q,
                             @Nullable @QueryValue List<String> company,
                             @Nullable @QueryValue List<String> chip,
                             @Nullable @QueryValue List<String> tag,
                             @Nullable @QueryValue String from,
                             @Nullable @QueryValue String to,
                             @Nullable @QueryValue String sort,
                             @QueryValue(defaultValue = "0") int page,
                             @QueryValue(defaultValue = "10") int size) throws IOException {
        ArticleQuery query = new ArticleQuery(q, company, chip, tag, QueryDates.parse("from", from),
                QueryDates.parse("to", to), QueryDates.sort(sort), page, size);
        return search.search(query);
    }

    @Get("/articles/{id}")
    public HttpResponse<ObjectNode> article(@PathVariable String id) throws IOException {
        if (!id.matches("[0-9a-f]{32}")) {
            throw new InvalidQueryException("article ids are 32 hex digits");
        }
        return search.article(id).map(HttpResponse::ok).orElseGet(HttpResponse::notFound);
    }

    @Error(exception = InvalidQueryException.class)
    public HttpResponse<Map<String, String>> invalidQuery(InvalidQueryException e) {
        return HttpResponse.<Map<String, String>>status(HttpStatus.BAD_REQUEST).body(Map.of("error", e.getMessage()));
    }
}
