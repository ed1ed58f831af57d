/**
 * Ingest core: turning fetched pages into {@link io.newsctl.model.RawArticle}s, without any framework.
 *
 * <ul>
 *   <li>{@link io.newsctl.ingest.ArticleParser} — bytes or HTML to a {@link io.newsctl.ingest.ParsedPage}
 *       (charset, site profile, metadata, body clean-up, article-or-list);</li>
 *   <li>{@link io.newsctl.ingest.RawArticles#toRawArticle} — the record published on the raw topic;</li>
 *   <li>{@link io.newsctl.ingest.UrlCanonicalizer} — canonical URLs (the article identity);</li>
 *   <li>{@link io.newsctl.ingest.SavedPages} — a file source of browser-saved pages;</li>
 *   <li>{@link io.newsctl.ingest.DuplicateDetector} and {@link io.newsctl.ingest.Fingerprint} — exact and
 *       SimHash near-duplicate detection for reposts.</li>
 * </ul>
 * The extraction internals live in {@code io.newsctl.ingest.parse} (profiles in {@code .parse.profile});
 * {@code io.newsctl.ingest.eval} scores the parser against the labelled samples.
 */
package io.newsctl.ingest;
