package io.newsctl.ingest.fetch;

/**
 * What a server said about the copy we have, sent back as {@code If-None-Match} and
 * {@code If-Modified-Since} so an unchanged page costs a 304 instead of a body.
 *
 * @param etag         the ETag header of the last 200, or null
 * @param lastModified the Last-Modified header of the last 200 (verbatim), or null
 */
public record Validators(String etag, String lastModified) {
    public static final Validators NONE = new Validators(null, null);

    public static Validators of(String etag, String lastModified) {
        return etag == null && lastModified == null ? NONE : new Validators(etag, lastModified);
    }

    public boolean isEmpty() {
        return etag == null && lastModified == null;
    }
}
