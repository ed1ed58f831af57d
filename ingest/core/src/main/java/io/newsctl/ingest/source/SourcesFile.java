package io.newsctl.ingest.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.newsctl.ingest.ArticleParser;
import io.newsctl.ingest.UrlCanonicalizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a sources YAML file ({@code sources:} followed by a list of sources; keys in
 * {@code samples/sources/README.md}). Strict: an unknown key, a bad URL, a bad pattern or a
 * duplicate name is an error naming the file, the source and the key.
 */
public final class SourcesFile {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> KEYS = Set.of("name", "kind", "urls", "url", "follow", "schedule", "profile",
            "max-depth", "max-links", "max-age");
    public static final Duration DEFAULT_SCHEDULE = Duration.ofMinutes(30);
    public static final int DEFAULT_MAX_LINKS = 200;
    public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(7);

    private SourcesFile() {
    }

    public static List<SourceConfig> load(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such sources file: " + file);
        }
        return parse(text, file.toString());
    }

    /** Parses the YAML text; {@code origin} names it in errors. */
    public static List<SourceConfig> parse(String yaml, String origin) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new IllegalArgumentException(origin + ": not valid YAML: " + e.getMessage());
        }
        JsonNode list = root == null ? null : root.get("sources");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new IllegalArgumentException(origin + ": expected a non-empty 'sources:' list");
        }
        List<SourceConfig> sources = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int index = 0;
        for (JsonNode node : list) {
            index++;
            SourceConfig source = source(node, origin + ": source #" + index);
            if (!names.add(source.name())) {
                throw new IllegalArgumentException(origin + ": duplicate source name '" + source.name() + "'");
            }
            sources.add(source);
        }
        return List.copyOf(sources);
    }

    private static SourceConfig source(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + ": expected a mapping of keys");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(where + ": unknown key '" + key + "' (known: " + KEYS + ")");
            }
        }
        String name = text(node, "name", where);
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException(where + ": 'name' must be 1-64 letters, digits, '.', '-' or '_', was "
                    + (name == null ? "missing" : "'" + name + "'"));
        }
        String at = where.replaceFirst("source #\\d+$", "source '" + name + "'");
        String kindText = text(node, "kind", at);
        SourceKind kind;
        try {
            kind = SourceKind.valueOf(kindText == null ? "" : kindText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(at + ": 'kind' must be one of list, feed, sitemap, seeds, was "
                    + (kindText == null ? "missing" : "'" + kindText + "'"));
        }
        List<String> urls = new ArrayList<>();
        if (node.has("url")) {
            urls.add(text(node, "url", at));
        }
        for (JsonNode u : node.path("urls")) {
            urls.add(u.asText());
        }
        if (urls.isEmpty()) {
            throw new IllegalArgumentException(at + ": needs 'urls' (or 'url')");
        }
        List<String> normalized = new ArrayList<>();
        for (String u : urls) {
            String n = UrlCanonicalizer.normalize(u);
            if (n == null) {
                throw new IllegalArgumentException(at + ": not an http(s) URL: '" + u + "'");
            }
            normalized.add(n);
        }
        List<Pattern> follow = new ArrayList<>();
        JsonNode f = node.path("follow");
        for (JsonNode p : f.isArray() ? f : (f.isMissingNode() || f.isNull() ? List.<JsonNode>of() : List.of(f))) {
            try {
                follow.add(Pattern.compile(p.asText()));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(at + ": 'follow' is not a regular expression: " + e.getDescription()
                        + " in '" + p.asText() + "'");
            }
        }
        Duration schedule = duration(node, "schedule", at, DEFAULT_SCHEDULE);
        if (schedule.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException(at + ": 'schedule' must be at least 1m (polite re-visits), was " + schedule);
        }
        String profile = node.has("profile") ? text(node, "profile", at) : "auto";
        if (!ArticleParser.PROFILES.contains(profile)) {
            throw new IllegalArgumentException(at + ": 'profile' must be one of " + ArticleParser.PROFILES + ", was '"
                    + profile + "'");
        }
        int defaultDepth = switch (kind) {
            case SEEDS -> 0;
            case LIST, FEED -> 1;
            case SITEMAP -> 2;
        };
        int maxDepth = integer(node, "max-depth", at, defaultDepth, 0, 5);
        int maxLinks = integer(node, "max-links", at, DEFAULT_MAX_LINKS, 1, 10_000);
        Duration maxAge = duration(node, "max-age", at, DEFAULT_MAX_AGE);
        return new SourceConfig(name, kind, normalized, follow, schedule, profile, maxDepth, maxLinks, maxAge);
    }

    private static String text(JsonNode node, String key, String at) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode()) {
            throw new IllegalArgumentException(at + ": '" + key + "' must be a single value");
        }
        return v.asText().strip();
    }

    private static Duration duration(JsonNode node, String key, String at, Duration fallback) {
        String t = text(node, key, at);
        if (t == null) {
            return fallback;
        }
        try {
            Duration d = Durations.parse(t);
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException("must be positive");
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(at + ": '" + key + "': " + e.getMessage());
        }
    }

    private static int integer(JsonNode node, String key, String at, int fallback, int min, int max) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < min || v.asInt() > max) {
            throw new IllegalArgumentException(at + ": '" + key + "' must be a whole number " + min + ".." + max
                    + ", was '" + v.asText() + "'");
        }
        return v.asInt();
    }
}
