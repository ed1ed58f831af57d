package io.newsctl.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetGuardTest {
    private final TargetGuard strict = TargetGuard.strict();

    @Test
    void internalAddressesAreRefused() throws Exception {
        for (String address : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "::1", "fd00:ec2::254", "fe80::1", "::ffff:10.0.0.1", "224.0.0.1")) {
            assertTrue(strict.forbidden(InetAddress.getByName(address)), address);
        }
        assertFalse(strict.forbidden(InetAddress.getByName("93.184.216.34")));
        assertFalse(strict.forbidden(InetAddress.getByName("2606:2800:220:1:248:1893:25c8:1946")));
    }

    @Test
    void urlsAreCheckedBeforeAnyLookup() {
        assertTrue(strict.staticProblem(URI.create("http://localhost:8080/x")).orElseThrow().contains("localhost"));
        assertTrue(strict.staticProblem(URI.create("http://[::1]/x")).orElseThrow().contains("internal"));
        assertTrue(strict.staticProblem(URI.create("http://169.254.169.254/latest/meta-data")).isPresent());
        assertTrue(strict.staticProblem(URI.create("https://user:pw@hooks.example.com/")).orElseThrow()
                .contains("credentials"));
        assertTrue(strict.staticProblem(URI.create("file:///etc/passwd")).isPresent());
        assertTrue(strict.staticProblem(URI.create("https://hooks.example.com/x")).isEmpty());
        assertTrue(strict.staticProblem(URI.create("https://93.184.216.34/x")).isEmpty());
    }

    @Test
    void configurationCanAllowARange() throws Exception {
        TargetGuard tests = new TargetGuard(List.of("127.0.0.1/32"));
        assertTrue(tests.staticProblem(URI.create("http://127.0.0.1:9000/hook")).isEmpty());
        assertEquals(InetAddress.getByName("127.0.0.1"), tests.resolve(URI.create("http://127.0.0.1:9/h")).get(0));
        assertTrue(tests.forbidden(InetAddress.getByName("127.0.0.2")));
        assertTrue(tests.forbidden(InetAddress.getByName("10.0.0.1")));
        BlockedTargetException e = assertThrows(BlockedTargetException.class,
                () -> strict.resolve(URI.create("http://127.0.0.1:9/h")));
        assertFalse(e.mayPass());
    }
}
