package io.newsctl.index.service;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.newsctl.api.RateLimits;
import io.newsctl.api.Roles;
import io.newsctl.index.search.ArticleExport;
import io.newsctl.index.search.ArticleQuery;
import io.newsctl.index.search.ArticleSearch;
import io.newsctl.index.search.InvalidQueryException;
import io.newsctl.index.search.SearchPage;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search API researchers and the web UI use (described in {@code /openapi.yml}). Thin:
 * parsing, querying and exporting live in index-core. With {@code news.api.auth.enabled} every
 * endpoint needs a reader's API key (analysts and admins are readers too); searches and exports
 * are rate-limited per key (per client address without authentication).
 */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.READER)
public class SearchController {
    private static final Logger LOG = LoggerFactory.getLogger(SearchController.class);
    private static final String ID = "[0-9a-f]{32}";

    private final ArticleSearch search;
    private final ArticleExport export;
    private final RateLimits limits;

    public SearchController(ArticleSearch search, ArticleExport export, RateLimits limits) {
        this.search = search;
        this.export = export;
        this.limits = limits;
    }

    /** Searches articles; every parameter is optional. See openapi.yml for each parameter. */
    @Get("/search")
    public SearchPage search(HttpRequest<?> request,
                             @Nullable @QueryValue String q,
                             @Nullable @QueryValue List<String> company,
                             @Nullable @QueryValue List<String> chip,
                             @Nullable @QueryValue List<String> person,
                             @Nullable @QueryValue List<String> site,
                             @Nullable @QueryValue List<String> source,
                             @Nullable @QueryValue List<String> tag,
                             @Nullable @QueryValue List<String> figure,
                             @Nullable @QueryValue String from,
                             @Nullable @QueryValue String to,
                             @Nullable @QueryValue String sort,
                             @Nullable @QueryValue String size,
                             @Nullable @QueryValue String after,
                             @Nullable @QueryValue String collapse,
                             @Nullable @QueryValue String facets) throws IOException {
        limits.check(request, RateLimits.Kind.SEARCH);
        ArticleQuery query = query(q, company, chip, person, site, source, tag, figure, from, to, sort, size, after,
                collapse, facets);
        return search.search(query);
    }

    /** Every matching article as CSV or JSON Lines, streamed as it is read from Elasticsearch. */
    @Get("/export")
    public HttpResponse<StreamedFile> export(HttpRequest<?> request,
                                             @Nullable @QueryValue String format,
                                             @Nullable @QueryValue String q,
                                             @Nullable @QueryValue List<String> company,
                                             @Nullable @QueryValue List<String> chip,
                                             @Nullable @QueryValue List<String> person,
                                             @Nullable @QueryValue List<String> site,
                                             @Nullable @QueryValue List<String> source,
                                             @Nullable @QueryValue List<String> tag,
                                             @Nullable @QueryValue List<String> figure,
                                             @Nullable @QueryValue String from,
                                             @Nullable @QueryValue String to) throws IOException {
        limits.check(request, RateLimits.Kind.EXPORT);
        ArticleExport.Format kind = ArticleExport.Format.parse(format);
        ArticleQuery query = query(q, company, chip, person, site, source, tag, figure, from, to, "date", null, null,
                "false", "");
        InputStream body = export.open(query, kind);
        String name = "newsctl-export-" + LocalDate.now(QueryDates.NEWS_ZONE) + "." + kind.extension();
        return HttpResponse.ok(new StreamedFile(body, MediaType.of(kind.contentType())).attach(name));
    }

    @Get("/articles/{id}")
    public HttpResponse<ObjectNode> article(@PathVariable String id) throws IOException {
        checkId(id);
        return search.article(id).map(HttpResponse::ok).orElseGet(HttpResponse::notFound);
    }

    /** Articles about the same things (shared rare words, companies and chips); other stories only. */
    @Get("/articles/{id}/related")
    public HttpResponse<Map<String, List<SearchPage.Hit>>> related(@PathVariable String id,
                                                                @Nullable @QueryValue String size) throws IOException {
        checkId(id);
        int n = QueryDates.integer("size", size, 5, 1, 20);
        return search.related(id, n).map(hits -> HttpResponse.ok(Map.of("hits", hits)))
                .orElseGet(HttpResponse::notFound);
    }

    private static ArticleQuery query(String q, List<String> company, List<String> chip, List<String> person,
                                      List<String> site, List<String> source, List<String> tag, List<String> figure,
                                      String from, String to, String sort, String size, String after,
                                      String collapse, String facets) {
        return ArticleQuery.builder()
                .text(q)
                .companies(company)
                .chips(chip)
                .people(person)
                .sites(site)
                .sources(source)
                .tags(tag)
                .figures(figure)
                .from(QueryDates.parse("from", from))
                .to(QueryDates.parse("to", to))
                .sort(QueryDates.sort(sort))
                .size(QueryDates.integer("size", size, ArticleQuery.DEFAULT_SIZE, 1, ArticleQuery.MAX_SIZE))
                .after(after)
                .collapse(QueryDates.bool("collapse", collapse, true))
                .facets(facets(facets))
                .build();
    }

    private static Set<String> facets(String value) {
        if (value == null) {
            return null;
        }
        Set<String> names = new LinkedHashSet<>();
        Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(names::add);
        return names;
    }

    private static void checkId(String id) {
        if (!id.matches(ID)) {
            throw new InvalidQueryException("article ids are 32 hex digits");
        }
    }

    @Error(exception = InvalidQueryException.class)
    public HttpResponse<Map<String, String>> invalidQuery(InvalidQueryException e) {
        return HttpResponse.<Map<String, String>>status(HttpStatus.BAD_REQUEST).body(Map.of("error", e.getMessage()));
    }

    /** Elasticsearch down or failing: the client may retry; details go to the log, not the user. */
    @Error(exception = IOException.class)
    public HttpResponse<Map<String, String>> unavailable(HttpRequest<?> request, IOException e) {
        LOG.warn("{} failed: {}", request.getPath(), e.toString());
        return HttpResponse.<Map<String, String>>status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(Map.of("error", "search is unavailable right now; try again shortly"));
    }

    @Error(exception = ElasticsearchException.class)
    public HttpResponse<Map<String, String>> refused(HttpRequest<?> request, ElasticsearchException e) {
        LOG.warn("{} failed: {} {}", request.getPath(), e.status(), e.error().type());
        return HttpResponse.<Map<String, String>>status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(Map.of("error", "search is unavailable right now; try again shortly"));
    }
}
