package io.newsctl.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps outgoing requests — crawler fetches (after every redirect too) and alert webhooks — from
 * being pointed inside the network (SSRF): refuses loopback, private, link-local
 * (including the cloud metadata address 169.254.169.254), carrier-grade NAT, unique-local IPv6,
 * multicast and unspecified addresses, unless an address falls in a CIDR range that configuration
 * explicitly allows (tests allow {@code 127.0.0.1/32}).
 *
 * <p>Two checks: {@link #staticProblem} when a URL is configured (scheme, credentials in the URL,
 * literal addresses, {@code localhost}), and {@link #resolve} before every request, which resolves
 * the host and refuses it when any address is forbidden. Callers must not let their HTTP client
 * follow redirects on its own: each hop goes through {@link #resolve}. What is left is a DNS answer
 * changing between this check and the connection; connecting to the address {@link #resolve}
 * returned, an egress proxy or a network policy closes that.
 */
public final class TargetGuard {
    private final List<Cidr> allowed;

    public TargetGuard(List<String> allowedCidrs) {
        List<Cidr> parsed = new ArrayList<>();
        for (String cidr : allowedCidrs == null ? List.<String>of() : allowedCidrs) {
            if (cidr != null && !cidr.isBlank()) {
                parsed.add(Cidr.parse(cidr.strip()));
            }
        }
        this.allowed = List.copyOf(parsed);
    }

    /** A guard that allows no internal address at all (the production default). */
    public static TargetGuard strict() {
        return new TargetGuard(List.of());
    }

    /** What is wrong with the URL without resolving it, or empty. */
    public Optional<String> staticProblem(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of("must be an absolute http:// or https:// URL");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not carry credentials in the URL");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return Optional.of("has no host");
        }
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        String lower = bare.toLowerCase(Locale.ROOT);
        if (lower.equals("localhost") || lower.endsWith(".localhost")) {
            return forbidden(loopback()) ? Optional.of("points at this machine (localhost), which is not allowed")
                    : Optional.empty();
        }
        if (isLiteral(bare)) {
            try {
                InetAddress address = InetAddress.getByName(bare);
                if (forbidden(address)) {
                    return Optional.of("points at an internal address (" + address.getHostAddress()
                            + "), which is not allowed");
                }
            } catch (UnknownHostException e) {
                return Optional.of("has an invalid address");
            }
        }
        return Optional.empty();
    }

    /** Resolves the URL's host; throws when the URL or any of its addresses is not allowed. */
    public List<InetAddress> resolve(URI uri) throws BlockedTargetException {
        Optional<String> problem = staticProblem(uri);
        if (problem.isPresent()) {
            throw new BlockedTargetException(problem.get());
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new BlockedTargetException("host " + uri.getHost() + " does not resolve", true);
        }
        for (InetAddress address : addresses) {
            if (forbidden(address)) {
                throw new BlockedTargetException("host " + uri.getHost() + " resolves to an internal address ("
                        + address.getHostAddress() + "), which is not allowed");
            }
        }
        return List.of(addresses);
    }

    /** True when requests to this address are refused. */
    public boolean forbidden(InetAddress address) {
        for (Cidr cidr : allowed) {
            if (cidr.contains(address)) {
                return false;
            }
        }
        return internal(address);
    }

    static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0                                   // "this network"
                    || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19))    // benchmarking
                    || first >= 240;                              // reserved, broadcast
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return true; // unique local fc00::/7 (e.g. cloud metadata fd00:ec2::254)
            }
            boolean mapped = true; // ::ffff:a.b.c.d — judge the IPv4 address inside
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return internal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isLiteral(String host) {
        return host.contains(":") || host.chars().allMatch(c -> Character.isDigit(c) || c == '.');
    }

    private static InetAddress loopback() {
        return InetAddress.getLoopbackAddress();
    }

    /** An IPv4 or IPv6 range, e.g. {@code 127.0.0.1/32}, {@code 10.0.0.0/8}, {@code ::1/128}. */
    record Cidr(byte[] network, int prefix) {
        static Cidr parse(String text) {
            int slash = text.indexOf('/');
            String host = slash < 0 ? text : text.substring(0, slash);
            try {
                byte[] network = InetAddress.getByName(host).getAddress();
                int prefix = slash < 0 ? network.length * 8 : Integer.parseInt(text.substring(slash + 1));
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalArgumentException("bad prefix in " + text);
                }
                return new Cidr(network, prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("not a CIDR range: " + text, e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] b = address.getAddress();
            if (b.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (b[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (b[full] & mask) == (network[full] & mask);
        }
    }
}
