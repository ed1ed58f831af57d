package io.newsctl.alert;

/**
 * Where a rule's alerts are delivered besides the {@code alerts} topic. Only {@value #WEBHOOK} for
 * now: an HTTP POST of the alert JSON, signed with HMAC-SHA256 under {@link #secret()}.
 *
 * @param type   {@value #WEBHOOK}
 * @param url    absolute http(s) URL
 * @param secret the signing secret shared with the receiver; never shown by the API
 */
public record Channel(String type, String url, String secret) {
    public static final String WEBHOOK = "webhook";

    public static Channel webhook(String url, String secret) {
        return new Channel(WEBHOOK, url, secret);
    }

    /** The same channel without its secret, for display. */
    public Channel withoutSecret() {
        return new Channel(type, url, null);
    }

    @Override
    public String toString() {
        return "Channel[" + type + " " + url + "]"; // never the secret
    }
}
