package io.newsctl.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aBurstUpToTheLimitThenOneRequestPerRefillWithTheWaitToTheNextToken() {
        RateLimiter limiter = new RateLimiter(6, 100); // one token every 10 s
        for (int i = 0; i < 6; i++) {
            assertEquals(0, limiter.acquire("a", 0));
        }
        assertEquals(10, limiter.acquire("a", 0));
        assertEquals(0, limiter.acquire("b", 0), "callers are limited separately");
        assertEquals(5, limiter.acquire("a", 5 * SECOND));
        assertEquals(0, limiter.acquire("a", 10 * SECOND));
        assertTrue(limiter.acquire("a", 10 * SECOND) > 0);
    }

    @Test
    void forgottenCallersStartAgainWithAFullBucket() {
        RateLimiter limiter = new RateLimiter(1, 2);
        assertEquals(0, limiter.acquire("a", 0));
        assertTrue(limiter.acquire("a", 0) > 0);
        limiter.acquire("b", 0);
        limiter.acquire("c", 0); // "a" is the least recently seen of three: forgotten
        assertEquals(0, limiter.acquire("a", 0));
    }

    @Test
    void aKeyCarriesTheRolesBelowIt() {
        assertEquals(List.of("ADMIN", "ANALYST", "READER"), Roles.implied(Roles.ADMIN));
        assertEquals(List.of("READER"), Roles.implied(Roles.READER));
    }
}
