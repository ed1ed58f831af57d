package io.newsctl.alert.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.newsctl.api.Roles;
import io.newsctl.alert.InvalidRuleException;
import io.newsctl.alert.Rule;
import io.newsctl.alert.RuleDraft;
import io.newsctl.alert.RuleJson;
import io.newsctl.alert.RuleValidator;
import io.newsctl.alert.ledger.AlertDecider;
import io.newsctl.alert.match.RuleMatch;
import io.newsctl.alert.match.RuleMatcher;
import io.newsctl.model.EnrichedArticle;
import io.newsctl.model.ModelJson;
import io.newsctl.model.SchemaException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * Rule management: create, list, read, update, delete, and test a rule (stored or not) against an
 * article. Requires an analyst's API key; an analyst sees and changes only the rules they created
 * (another's rule is "not found"), an admin every rule. Bodies are read strictly: a misspelt field
 * is a 400 that names it.
 */
@Controller("/api/alert-rules")
@Secured(Roles.ANALYST)
public class RuleController {
    private final RuleStore store;
    private final RuleValidator validator;
    private final RuleMatcher matcher;

    RuleController(RuleStore store, RuleValidator validator, RuleMatcher matcher) {
        this.store = store;
        this.validator = validator;
        this.matcher = matcher;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> list(Authentication caller) {
        ObjectNode body = JsonResponses.object();
        ArrayNode rules = body.putArray("rules");
        store.list().stream().filter(r -> mayManage(caller, r)).forEach(r -> rules.add(RuleJson.publicView(r)));
        return JsonResponses.json(HttpStatus.OK, body);
    }

    @Get(value = "/{id}", produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> get(@PathVariable String id, Authentication caller) {
        return find(id, caller).<HttpResponse<String>>map(r -> JsonResponses.json(HttpStatus.OK, RuleJson.publicView(r)))
                .orElseGet(() -> notFound(id));
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> create(@Body String body, Authentication caller) {
        try {
            Rule rule = validator.create(RuleJson.decodeDraft(utf8(body))).withOwner(caller.getName());
            if (store.get(rule.id()).isPresent()) {
                return JsonResponses.error(HttpStatus.CONFLICT, "rule " + rule.id() + " exists; PUT to change it");
            }
            store.save(rule);
            return JsonResponses.json(HttpStatus.CREATED, RuleJson.publicView(rule))
                    .headers(h -> h.location(URI.create("/api/alert-rules/" + rule.id())));
        } catch (InvalidRuleException e) {
            return JsonResponses.invalid(e);
        } catch (RuleStore.StoreUnavailableException e) {
            return JsonResponses.error(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        }
    }

    @Put(value = "/{id}", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> update(@PathVariable String id, @Body String body, Authentication caller) {
        Optional<Rule> existing = find(id, caller);
        if (existing.isEmpty()) {
            return notFound(id);
        }
        try {
            Rule rule = validator.update(existing.get(), RuleJson.decodeDraft(utf8(body)))
                    .withOwner(existing.get().owner());
            store.save(rule);
            return JsonResponses.json(HttpStatus.OK, RuleJson.publicView(rule));
        } catch (InvalidRuleException e) {
            return JsonResponses.invalid(e);
        } catch (RuleStore.StoreUnavailableException e) {
            return JsonResponses.error(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        }
    }

    @Delete("/{id}")
    HttpResponse<String> delete(@PathVariable String id, Authentication caller) {
        if (find(id, caller).isEmpty()) {
            return notFound(id);
        }
        try {
            store.delete(id);
            return HttpResponse.noContent();
        } catch (RuleStore.StoreUnavailableException e) {
            return JsonResponses.error(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        }
    }

    /** Would this stored rule fire on this article (an {@code EnrichedArticle} JSON)? */
    @Post(value = "/{id}/test", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> testStored(@PathVariable String id, @Body String article, Authentication caller) {
        Optional<Rule> rule = find(id, caller);
        if (rule.isEmpty()) {
            return notFound(id);
        }
        try {
            return test(rule.get(), ModelJson.decodeEnriched(utf8(article)));
        } catch (SchemaException e) {
            return JsonResponses.error(HttpStatus.BAD_REQUEST, "article: " + e.getMessage());
        }
    }

    /** Would a rule not saved yet fire? Body: {@code {"rule": {…draft…}, "article": {…EnrichedArticle…}}}. */
    @Post(value = "/test", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> testDraft(@Body String body) {
        JsonNode tree;
        try {
            tree = RuleJson.writer().readTree(body);
        } catch (IOException e) {
            return JsonResponses.error(HttpStatus.BAD_REQUEST, "not JSON");
        }
        if (tree == null || !tree.hasNonNull("rule") || !tree.hasNonNull("article")) {
            return JsonResponses.error(HttpStatus.BAD_REQUEST, "expected {\"rule\": {…}, \"article\": {…}}");
        }
        try {
            RuleDraft draft = RuleJson.decodeDraft(utf8(tree.get("rule").toString()));
            Rule rule = validator.create(draft);
            return test(rule, ModelJson.decodeEnriched(utf8(tree.get("article").toString())));
        } catch (InvalidRuleException e) {
            return JsonResponses.invalid(e);
        } catch (SchemaException e) {
            return JsonResponses.error(HttpStatus.BAD_REQUEST, "article: " + e.getMessage());
        }
    }

    private HttpResponse<String> test(Rule rule, EnrichedArticle article) {
        Optional<RuleMatch> match = matcher.test(rule, article);
        ObjectNode body = JsonResponses.object().put("ruleId", rule.id()).put("matched", match.isPresent());
        match.ifPresent(m -> {
            body.set("matchedTerms", RuleJson.writer().valueToTree(m.matchedTerms()));
            body.put("evidence", m.evidence());
            body.set("alert", RuleJson.writer().valueToTree(AlertDecider.toAlert(rule, m, article, Instant.now())));
        });
        return JsonResponses.json(HttpStatus.OK, body);
    }

    /** The rule, if it exists and the caller may manage it. */
    private Optional<Rule> find(String id, Authentication caller) {
        return store.get(id).filter(r -> mayManage(caller, r));
    }

    /** Admins manage every rule, analysts the rules they created. */
    static boolean mayManage(Authentication caller, Rule rule) {
        return caller.getRoles().contains(Roles.ADMIN) || caller.getName().equals(rule.owner());
    }

    private static HttpResponse<String> notFound(String id) {
        return JsonResponses.error(HttpStatus.NOT_FOUND, "no rule " + id);
    }

    private static byte[] utf8(String body) {
        return body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    }
}
