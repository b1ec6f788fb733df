package io.accord.gateway.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The address of the client behind any trusted proxies. A forwarding header ({@code X-Forwarded-For} or RFC 7239
 * {@code Forwarded}) is believed only as far as trusted proxies wrote it: starting from the socket's peer, each
 * hop is trusted only if the previous one was a trusted proxy, and the client is the right-most address that is
 * not a trusted proxy. A client that sends its own header gains nothing: from an untrusted peer the header is
 * ignored, and behind a trusted proxy the forged entries sit left of the address the proxy appended.
 */
final class ClientAddress {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9a-fA-F:.]+");

    private final List<Cidr> trustedProxies;
    private final boolean rfc7239;

    /**
     * @param trustedProxies addresses or CIDR blocks ({@code 10.0.0.0/8}, {@code fd00::/8}, {@code 127.0.0.1})
     * @param header         {@code X-Forwarded-For} or {@code Forwarded}: the one the trusted proxies write
     */
    ClientAddress(List<String> trustedProxies, String header) {
        this.trustedProxies = trustedProxies.stream().map(Cidr::parse).toList();
        this.rfc7239 = "forwarded".equalsIgnoreCase(header);
        if (!rfc7239 && !"x-forwarded-for".equalsIgnoreCase(header)) {
            throw new IllegalArgumentException("accord.gateway.rate-limit.client-address-header must be"
                    + " X-Forwarded-For or Forwarded, not " + header);
        }
    }

    /**
     * @param peer           the socket's remote address ({@code null} if unknown)
     * @param forwardedLines the values of the forwarding header, in the order received
     */
    String resolve(InetAddress peer, List<String> forwardedLines) {
        if (peer == null) {
            return "unknown";
        }
        InetAddress client = peer;
        if (trustedProxies.isEmpty() || !isTrusted(peer) || forwardedLines == null) {
            return client.getHostAddress();
        }
        List<String> hops = hops(forwardedLines);
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = literal(hops.get(i));
            if (hop == null) {
                // obfuscated ("unknown", "_hidden") or garbage: the trusted proxy to its right is all we know
                break;
            }
            client = hop;
            if (!isTrusted(hop)) {
                break;
            }
        }
        return client.getHostAddress();
    }

    private boolean isTrusted(InetAddress address) {
        for (Cidr proxy : trustedProxies) {
            if (proxy.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private List<String> hops(List<String> lines) {
        List<String> hops = new ArrayList<>();
        for (String line : lines) {
            for (String element : line.split(",")) {
                if (!rfc7239) {
                    hops.add(element.strip());
                    continue;
                }
                String node = "";
                for (String pair : element.split(";")) {
                    String[] nameValue = pair.strip().split("=", 2);
                    if (nameValue.length == 2 && nameValue[0].strip().equalsIgnoreCase("for")) {
                        node = nameValue[1].strip();
                    }
                }
                hops.add(node);
            }
        }
        return hops;
    }

    /**
     * The address written in one hop, or {@code null}; never a DNS lookup. Accepts an optional port
     * ({@code 192.0.2.1:4711}, {@code [2001:db8::1]:4711}) and the quotes of RFC 7239.
     */
    static InetAddress literal(String hop) {
        String text = hop.strip();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1);
        }
        if (text.startsWith("[")) {
            int end = text.indexOf(']');
            if (end < 0) {
                return null;
            }
            text = text.substring(1, end);
        }
        else if (text.indexOf(':') == text.lastIndexOf(':') && text.indexOf(':') > 0) {
            text = text.substring(0, text.indexOf(':'));
        }
        try {
            var ipv4 = IPV4.matcher(text);
            if (ipv4.matches()) {
                byte[] bytes = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int octet = Integer.parseInt(ipv4.group(i + 1));
                    if (octet > 255) {
                        return null;
                    }
                    bytes[i] = (byte) octet;
                }
                return InetAddress.getByAddress(bytes);
            }
            // a string with a colon is parsed as an IPv6 literal by the JDK, never looked up
            if (text.contains(":") && IPV6_CHARACTERS.matcher(text).matches()) {
                return InetAddress.getByName(text);
            }
        }
        catch (UnknownHostException e) {
            return null;
        }
        return null;
    }

    /** An address block; a single address is a block of its full length. */
    private record Cidr(byte[] network, int prefixLength) {

        static Cidr parse(String text) {
            String[] parts = text.strip().split("/", 2);
            InetAddress address = literal(parts[0].contains(":") ? "[" + parts[0] + "]" : parts[0]);
            if (address == null) {
                throw new IllegalArgumentException(
                        "accord.gateway.rate-limit.trusted-proxies: not an IP address or CIDR block: " + text);
            }
            byte[] network = address.getAddress();
            int prefix = network.length * 8;
            if (parts.length == 2) {
                try {
                    prefix = Integer.parseInt(parts[1].strip());
                }
                catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalArgumentException(
                            "accord.gateway.rate-limit.trusted-proxies: bad prefix length in " + text);
                }
            }
            return new Cidr(network, prefix);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int full = prefixLength / 8;
            for (int i = 0; i < full; i++) {
                if (candidate[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixLength % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (candidate[full] & mask) == (network[full] & mask);
        }
    }
}
