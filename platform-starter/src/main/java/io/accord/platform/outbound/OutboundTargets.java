package io.accord.platform.outbound;

import io.accord.platform.problem.InvalidInputException;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which addresses a partner may make a service call (TMF hub callbacks, activation webhooks), checked twice:
 * <ol>
 *   <li>{@link #check} when the address is registered: an absolute {@code https://} URL with a host, no credentials,
 *       no fragment; plain {@code http://} only to a loopback target (development) unless
 *       {@link OutboundProperties#allowPlainHttp()}; a literal address that is not public (loopback, private,
 *       link-local, unique-local, carrier-grade NAT, multicast, unspecified, reserved), in whatever form a resolver
 *       reads it ({@code 2130706433}, {@code 0x7f.0.0.1}, {@code 0177.0.0.1} as well as {@code 127.0.0.1}), refused unless
 *       {@link OutboundProperties#allowPrivateAddresses()}. Host names are judged as written, never resolved here:
 *       a lookup now proves nothing about where the name points later.</li>
 *   <li>{@link #refuse} just before each call: the host name resolved, and refused when any of its addresses is not
 *       public (unless allowed), so a name that resolves to {@code 169.254.169.254} or {@code 10.0.0.5} reaches
 *       nothing inside. The refusal's reason, which the partner may read, names neither the address nor the lookup's
 *       outcome (this network's DNS is none of its business); its detail, for the log, does. The JDK caches the
 *       lookup ({@code networkaddress.cache.ttl}, 30 s by default), so the call that follows connects to the
 *       address just checked.</li>
 * </ol>
 */
public final class OutboundTargets {

    private final OutboundProperties properties;

    public OutboundTargets(OutboundProperties properties) {
        this.properties = properties;
    }

    /** The URL as a URI, or 400 naming {@code field} with what is wrong. */
    public URI check(String field, String url) {
        if (url == null || url.isBlank()) {
            throw invalid(field, "is required: an absolute https:// URL");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException malformed) {
            throw invalid(field, "is not a valid URL: " + malformed.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null) {
            throw invalid(field, "must be an absolute https:// URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid(field, "must not carry credentials (user:password@); requests are signed instead");
        }
        if (uri.getRawFragment() != null) {
            throw invalid(field, "must not have a fragment (#...)");
        }
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw invalid(field, "must use https://, not " + (scheme.isEmpty() ? "no scheme" : scheme + "://"));
        }
        String host = bare(uri.getHost());
        List<InetAddress> addresses = literals(host);
        boolean loopback = isLoopbackName(host) || addresses.stream().anyMatch(InetAddress::isLoopbackAddress);
        if (!properties.allowPrivateAddresses()) {
            if (isLoopbackName(host)) {
                throw invalid(field, "must not point at this machine (" + host + ")");
            }
            if (addresses.stream().anyMatch(address -> !isPublic(address))) {
                throw invalid(field, "must not point at a private, loopback or link-local address ("
                        + host + ")");
            }
        }
        if (scheme.equals("http") && !properties.allowPlainHttp() && !loopback) {
            throw invalid(field, "must use https:// (plain http:// only to localhost or a loopback address, "
                    + "for development)");
        }
        return uri;
    }

    /**
     * Why a call to a partner-chosen address is refused, in two versions: {@link #reason} for the partner who chose
     * the address (it may be shown to them: it names no address and nothing of this network's DNS), {@link #detail}
     * for this service's log only (the host and what it resolved to).
     */
    public record Refusal(String reason, String detail) {

        /** Shown to the address's owner: the host is not public, or resolves to an address that is not. */
        public static final String NOT_PUBLIC = "the callback's address is not a public address";
        /** Shown to the address's owner: the host name does not resolve (here, now). */
        public static final String UNRESOLVABLE = "the callback's host cannot be resolved";
    }

    /**
     * Empty when a call to {@code uri} may go ahead now; otherwise why not, in one line with the details (which host
     * resolved to which address): for this service's own log or staff-only records. Resolves the host name. What a
     * partner may read is {@link #refuse}'s {@link Refusal#reason()}.
     */
    public Optional<String> refusal(URI uri) {
        return refuse(uri).map(Refusal::detail);
    }

    /**
     * Empty when a call to {@code uri} may go ahead now; otherwise why not, as a {@link Refusal}: a reason the
     * partner may read and the detail to log. Resolves the host name.
     */
    public Optional<Refusal> refuse(URI uri) {
        if (properties.allowPrivateAddresses()) {
            return Optional.empty();
        }
        String host = bare(uri.getHost() == null ? "" : uri.getHost());
        if (host.isEmpty() || isLoopbackName(host)) {
            return Optional.of(new Refusal(Refusal.NOT_PUBLIC,
                    "Refused: " + (host.isEmpty() ? "no host" : host) + " is not a public address"));
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException unknown) {
            return Optional.of(new Refusal(Refusal.UNRESOLVABLE, "Unknown host " + host));
        }
        for (InetAddress address : addresses) {
            if (!isPublic(address)) {
                return Optional.of(new Refusal(Refusal.NOT_PUBLIC, "Refused: " + host + " resolves to "
                        + address.getHostAddress() + ", which is not a public address"));
            }
        }
        return Optional.empty();
    }

    /** Whether the address belongs to the public internet (not loopback, private, link-local, reserved, ...). */
    public static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0                                        // 0.0.0.0/8 "this network"
                    && !(first == 100 && (second & 0xc0) == 64)          // 100.64.0.0/10 carrier-grade NAT
                    && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // 192.0.0.0/24 protocol assignments
                    && !(first == 198 && (second & 0xfe) == 18)          // 198.18.0.0/15 benchmarking
                    && first < 240;                                       // 240.0.0.0/4 reserved, broadcast
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {                                // fc00::/7 unique local
                return false;
            }
            if (isEmbeddedIpv4(b)) {                                     // ::ffff:a.b.c.d, ::a.b.c.d, 64:ff9b::a.b.c.d
                try {
                    return isPublic(InetAddress.getByAddress(new byte[]{b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException impossible) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isEmbeddedIpv4(byte[] b) {
        boolean zeroTen = true;
        for (int i = 0; i < 10; i++) {
            zeroTen &= b[i] == 0;
        }
        boolean mapped = zeroTen && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0));
        boolean nat64 = b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b;
        return mapped || nat64;
    }

    /**
     * The addresses the host stands for when it is written as an address (no DNS lookup), else none: an IPv6
     * literal, or an IPv4 address in any form a resolver reads as one, not only the dotted quad. A part with a leading
     * zero is read both ways, as octal (the system resolver, {@code inet_aton}) and as decimal (the JDK's parser,
     * which the call itself uses): the host passes only when every reading is acceptable.
     */
    static List<InetAddress> literals(String host) {
        if (host.contains(":")) {
            try {
                return List.of(InetAddress.getByName(host));
            } catch (UnknownHostException notAnAddress) {
                return List.of();
            }
        }
        List<InetAddress> readings = new ArrayList<>(2);
        ipv4(host, true).ifPresent(readings::add);
        ipv4(host, false).filter(decimal -> !readings.contains(decimal)).ifPresent(readings::add);
        return readings;
    }

    /**
     * An IPv4 address in the forms {@code inet_aton} reads: one to four parts, each decimal, hexadecimal
     * ({@code 0x7f}) or with a leading zero ({@code 0177}, octal when {@code octal}), the last one filling the bytes
     * left ({@code 2130706433}, {@code 0x7f.0.0.1} and {@code 0177.0.0.1} all name 127.0.0.1). Judged as dotted quads
     * only, {@code https://2130706433/} passed registration in production.
     */
    private static Optional<InetAddress> ipv4(String host, boolean octal) {
        String[] parts = host.split("\\.", -1);
        if (parts.length > 4) {
            return Optional.empty();
        }
        long address = 0;
        for (int i = 0; i < parts.length; i++) {
            long value = part(parts[i], octal);
            boolean last = i == parts.length - 1;
            long max = last ? (1L << (8 * (4 - i))) - 1 : 0xff;
            if (value < 0 || value > max) {
                return Optional.empty();
            }
            address |= last ? value : value << (8 * (3 - i));
        }
        try {
            return Optional.of(InetAddress.getByAddress(new byte[]{(byte) (address >>> 24), (byte) (address >>> 16),
                    (byte) (address >>> 8), (byte) address}));
        } catch (UnknownHostException impossible) {
            return Optional.empty();
        }
    }

    /** One part of an IPv4 address: decimal, {@code 0x} hexadecimal or leading-zero octal; -1 when it is none. */
    private static long part(String text, boolean octal) {
        int radix = 10;
        String digits = text;
        if (text.startsWith("0x")) {
            radix = 16;
            digits = text.substring(2);
            if (digits.isEmpty()) {
                return 0;
            }
        } else if (octal && text.length() > 1 && text.startsWith("0")) {
            radix = 8;
            digits = text.substring(1);
        }
        if (digits.isEmpty() || digits.length() > 12) {
            return -1;
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c > 0x7f || Character.digit(c, radix) < 0) {
                return -1;
            }
        }
        return Long.parseLong(digits, radix);
    }

    private static boolean isLoopbackName(String host) {
        return host.equals("localhost") || host.endsWith(".localhost");
    }

    private static String bare(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        return name;
    }

    private static InvalidInputException invalid(String field, String why) {
        return new InvalidInputException(field, "The " + field + " " + why + ".");
    }
}
