package io.newsctl.alert;

import io.newsctl.alert.InvalidRuleException.Problem;
import io.newsctl.alert.match.QueryCompiler;
import io.newsctl.net.TargetGuard;
import io.newsctl.index.search.InvalidQueryException;
import io.newsctl.index.search.QuerySegmenter;
import io.newsctl.index.search.UserQuery;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a {@link RuleDraft} and builds the {@link Rule} to store. Every problem is reported at
 * once, with the JSON field it concerns, in words an analyst can act on.
 */
public final class RuleValidator {
    public static final Duration DEFAULT_DEDUP_WINDOW = Duration.ofHours(24);
    public static final Duration MAX_DEDUP_WINDOW = Duration.ofDays(30);
    public static final int MAX_NAME = 200;
    public static final int MAX_FILTER_VALUES = 20;
    public static final int MAX_FILTER_VALUE_LENGTH = 100;
    public static final int MAX_CHANNELS = 5;
    public static final int MAX_URL = 2000;
    public static final int MIN_SECRET = 16;
    public static final int MAX_SECRET = 256;
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,6})\\s*(s|m|h|d)");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final QuerySegmenter segmenter;
    private final TargetGuard guard;
    private final Clock clock;

    public RuleValidator(QuerySegmenter segmenter, TargetGuard guard, Clock clock) {
        this.segmenter = segmenter;
        this.guard = guard;
        this.clock = clock;
    }

    /** A new rule from a draft: version 1, id generated when the draft has none. */
    public Rule create(RuleDraft draft) {
        if (draft == null) {
            throw InvalidRuleException.of("body", "a rule is required");
        }
        List<Problem> problems = new ArrayList<>();
        String id = draft.id() == null || draft.id().isBlank() ? newId() : checkId(draft.id().strip(), problems);
        Instant now = clock.instant();
        return build(id, draft, List.of(), 1, now, now, problems);
    }

    /**
     * The next version of {@code existing}. A webhook given without a secret keeps the secret it had
     * under the same URL, so clients can send back what they listed (secrets are never listed).
     */
    public Rule update(Rule existing, RuleDraft draft) {
        if (draft == null) {
            throw InvalidRuleException.of("body", "a rule is required");
        }
        List<Problem> problems = new ArrayList<>();
        if (draft.id() != null && !draft.id().isBlank() && !draft.id().strip().equals(existing.id())) {
            problems.add(new Problem("id", "cannot change the id of a rule (was " + existing.id() + ")"));
        }
        return build(existing.id(), draft, existing.channels(), existing.version() + 1, existing.createdAt(),
                clock.instant(), problems);
    }

    private Rule build(String id, RuleDraft draft, List<Channel> previousChannels, long version, Instant createdAt,
                       Instant updatedAt, List<Problem> problems) {
        String name = checkName(draft.name(), problems);
        String query = draft.query() == null ? "" : draft.query().strip();
        checkQuery(query, problems);
        RuleFilters filters = checkFilters(draft.filters(), problems);
        if (query.isEmpty() && filters.isEmpty()) {
            problems.add(new Problem("query", "a rule needs a query or at least one filter (tags, companies, chips,"
                    + " sites); without either it would fire on every article"));
        }
        Duration window = checkWindow(draft.dedupWindow(), problems);
        List<Channel> channels = checkChannels(draft.channels(), previousChannels, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRuleException(problems);
        }
        boolean enabled = draft.enabled() == null || draft.enabled();
        return new Rule(id, name, query, filters, window, channels, enabled, version, createdAt, updatedAt);
    }

    private static String newId() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return "rule-" + HexFormat.of().formatHex(bytes);
    }

    private static String checkId(String id, List<Problem> problems) {
        if (!ID.matcher(id).matches()) {
            problems.add(new Problem("id", "use 1 to 64 lower-case letters, digits, '.', '_' or '-', starting with a"
                    + " letter or digit"));
        }
        return id;
    }

    private static String checkName(String raw, List<Problem> problems) {
        String name = raw == null ? "" : raw.strip();
        if (name.isEmpty()) {
            problems.add(new Problem("name", "required"));
        } else if (name.length() > MAX_NAME) {
            problems.add(new Problem("name", "at most " + MAX_NAME + " characters"));
        } else if (name.chars().anyMatch(Character::isISOControl)) {
            problems.add(new Problem("name", "must not contain control characters"));
        }
        return name;
    }

    private void checkQuery(String query, List<Problem> problems) {
        if (query.isEmpty()) {
            return;
        }
        UserQuery parsed;
        try {
            parsed = UserQuery.parse(query);
        } catch (InvalidQueryException e) {
            problems.add(new Problem("query", e.getMessage()));
            return;
        }
        List<UserQuery.Term> terms = new ArrayList<>();
        parsed.required().forEach(terms::addAll);
        terms.addAll(parsed.excluded());
        for (UserQuery.Term term : terms) {
            if (QueryCompiler.searchableWords(segmenter, term.text()).isEmpty()) {
                problems.add(new Problem("query", "\"" + term.text() + "\" has no letters or digits to match"));
            }
        }
    }

    private static RuleFilters checkFilters(RuleFilters filters, List<Problem> problems) {
        if (filters == null) {
            return RuleFilters.NONE;
        }
        return new RuleFilters(
                values(filters.tags(), "filters.tags", problems),
                values(filters.companies(), "filters.companies", problems),
                values(filters.chips(), "filters.chips", problems),
                values(filters.sites(), "filters.sites", problems));
    }

    private static List<String> values(List<String> raw, String field, List<Problem> problems) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String value = raw.get(i) == null ? "" : raw.get(i).strip();
            if (value.isEmpty()) {
                problems.add(new Problem(field + "[" + i + "]", "empty value"));
            } else if (value.length() > MAX_FILTER_VALUE_LENGTH) {
                problems.add(new Problem(field + "[" + i + "]", "at most " + MAX_FILTER_VALUE_LENGTH + " characters"));
            } else {
                out.add(value);
            }
        }
        if (out.size() > MAX_FILTER_VALUES) {
            problems.add(new Problem(field, "at most " + MAX_FILTER_VALUES + " values"));
        }
        return List.copyOf(out);
    }

    static Optional<Duration> parseDuration(String raw) {
        String text = raw.strip().toLowerCase(Locale.ROOT);
        if (text.equals("0")) {
            return Optional.of(Duration.ZERO);
        }
        Matcher m = SHORT_DURATION.matcher(text);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return Optional.of(switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
        }
        try {
            return Optional.of(Duration.parse(text.toUpperCase(Locale.ROOT)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Duration checkWindow(String raw, List<Problem> problems) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_DEDUP_WINDOW;
        }
        Optional<Duration> parsed = parseDuration(raw);
        if (parsed.isEmpty()) {
            problems.add(new Problem("dedupWindow", "not a duration: write e.g. 30m, 24h, 7d, PT12H or 0 (off)"));
            return DEFAULT_DEDUP_WINDOW;
        }
        Duration window = parsed.get();
        if (window.isNegative() || window.compareTo(MAX_DEDUP_WINDOW) > 0) {
            problems.add(new Problem("dedupWindow", "must be between 0 and 30 days"));
        }
        return window;
    }

    private List<Channel> checkChannels(List<Channel> raw, List<Channel> previous, List<Problem> problems) {
        if (raw == null || raw.isEmpty()) {
            return List.of();
        }
        if (raw.size() > MAX_CHANNELS) {
            problems.add(new Problem("channels", "at most " + MAX_CHANNELS + " channels"));
            return List.of();
        }
        List<Channel> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            Channel channel = raw.get(i);
            String field = "channels[" + i + "]";
            if (channel == null) {
                problems.add(new Problem(field, "empty channel"));
                continue;
            }
            String type = channel.type() == null ? Channel.WEBHOOK : channel.type().strip().toLowerCase(Locale.ROOT);
            if (!Channel.WEBHOOK.equals(type)) {
                problems.add(new Problem(field + ".type", "unknown channel type '" + channel.type()
                        + "' (supported: webhook; every alert also goes to the alerts topic)"));
                continue;
            }
            String url = channel.url() == null ? "" : channel.url().strip();
            checkUrl(url, field + ".url", problems);
            String secret = channel.secret();
            if (secret == null || secret.isEmpty()) {
                secret = previous.stream().filter(p -> url.equals(p.url())).map(Channel::secret).findFirst()
                        .orElse(null);
            }
            if (secret == null || secret.length() < MIN_SECRET || secret.length() > MAX_SECRET) {
                problems.add(new Problem(field + ".secret", "required: " + MIN_SECRET + " to " + MAX_SECRET
                        + " characters shared with the receiver, which checks the HMAC-SHA256 signature"));
            }
            out.add(new Channel(type, url, secret));
        }
        return out;
    }

    private void checkUrl(String url, String field, List<Problem> problems) {
        if (url.isEmpty()) {
            problems.add(new Problem(field, "required"));
            return;
        }
        if (url.length() > MAX_URL) {
            problems.add(new Problem(field, "at most " + MAX_URL + " characters"));
            return;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            problems.add(new Problem(field, "not a URL: " + e.getReason()));
            return;
        }
        guard.staticProblem(uri).ifPresent(p -> problems.add(new Problem(field, p)));
    }
}
