package io.newsctl.index;

/**
 * Names of the article index. Writers and readers use the alias; the concrete index carries a
 * version so a new mapping can be built beside the old one and the alias switched atomically.
 *
 * @param alias   the name everyone reads and writes, e.g. {@code news-articles}
 * @param version the version of the concrete index the alias points to
 */
public record IndexLayout(String alias, int version) {
    public static final IndexLayout DEFAULT = new IndexLayout("news-articles", 1);

    public IndexLayout {
        if (alias == null || !alias.matches("[a-z0-9][a-z0-9_-]*")) {
            throw new IllegalArgumentException("index alias must be lower-case letters, digits, - or _: " + alias);
        }
        if (version < 1) {
            throw new IllegalArgumentException("index version must be ≥ 1");
        }
    }

    public String index() {
        return alias + "-v" + version;
    }

    public String indexPattern() {
        return alias + "-v*";
    }

    public String template() {
        return alias;
    }

    /** The component template with the index's settings and mappings. */
    public String schemaComponent() {
        return alias + "-schema";
    }

    public IndexLayout next() {
        return new IndexLayout(alias, version + 1);
    }
}
