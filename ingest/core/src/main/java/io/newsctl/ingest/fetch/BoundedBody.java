package io.newsctl.ingest.fetch;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A body subscriber that keeps at most {@code max} bytes: past that it cancels the stream (the
 * connection is dropped, the rest is never read) and either fails with {@link TooLargeException}
 * or, for bodies nobody needs in full (redirects, errors), completes with what it has.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

    /** The body was larger than allowed. */
    static final class TooLargeException extends RuntimeException {
        private final long declared;

        TooLargeException(long max, long declared) {
            super(declared >= 0 ? "Content-Length " + declared + " exceeds the limit of " + max + " bytes"
                    : "body exceeds the limit of " + max + " bytes; reading stopped there");
            this.declared = declared;
        }

        long declared() {
            return declared;
        }
    }

    private final long max;
    private final boolean truncate;
    private final long declared;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private BoundedBody(long max, boolean truncate, long declared) {
        this.max = max;
        this.truncate = truncate;
        this.declared = declared;
    }

    /**
     * A handler keeping {@code max} bytes of 2xx bodies (failing beyond) and {@code otherMax} bytes of
     * any other body (truncating beyond). A 2xx response whose Content-Length already says it is too
     * large is refused before a byte of the body is read.
     */
    static HttpResponse.BodyHandler<byte[]> handler(long max, long otherMax) {
        return info -> {
            boolean success = info.statusCode() / 100 == 2;
            long length = info.headers().firstValueAsLong("content-length").orElse(-1L);
            return new BoundedBody(success ? max : otherMax, !success, success && length > max ? length : -1L);
        };
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (declared >= 0) {
            s.cancel();
            result.completeExceptionally(new TooLargeException(max, declared));
            return;
        }
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer item : items) {
            int n = item.remaining();
            if (out.size() + (long) n > max) {
                subscription.cancel();
                if (truncate) {
                    int room = (int) (max - out.size());
                    byte[] part = new byte[room];
                    item.get(part);
                    out.write(part, 0, room);
                    result.complete(out.toByteArray());
                } else {
                    result.completeExceptionally(new TooLargeException(max, -1));
                }
                return;
            }
            byte[] chunk = new byte[n];
            item.get(chunk);
            out.write(chunk, 0, n);
        }
        subscription.request(1);
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        result.complete(out.toByteArray());
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }
}
