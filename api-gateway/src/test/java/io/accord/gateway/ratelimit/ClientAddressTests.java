package io.accord.gateway.ratelimit;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClientAddressTests {

    private static final InetAddress INGRESS = ClientAddress.literal("10.1.2.3");
    private static final InetAddress STRANGER = ClientAddress.literal("198.51.100.9");

    private final ClientAddress behindIngress = new ClientAddress(List.of("10.0.0.0/8", "fd00::/8"),
            "X-Forwarded-For");

    @Test
    void trustsNoHeaderByDefault() {
        var nothingTrusted = new ClientAddress(List.of(), "X-Forwarded-For");

        assertThat(nothingTrusted.resolve(INGRESS, List.of("203.0.113.7"))).isEqualTo("10.1.2.3");
    }

    @Test
    void ignoresTheHeaderOfAnUntrustedPeer() {
        assertThat(behindIngress.resolve(STRANGER, List.of("203.0.113.7"))).isEqualTo("198.51.100.9");
        assertThat(behindIngress.resolve(STRANGER, null)).isEqualTo("198.51.100.9");
    }

    @Test
    void takesTheRightMostAddressThatIsNotATrustedProxy() {
        assertThat(behindIngress.resolve(INGRESS, List.of("203.0.113.7"))).isEqualTo("203.0.113.7");
        // a client forging entries: they stand left of the address the ingress appended
        assertThat(behindIngress.resolve(INGRESS, List.of("1.1.1.1, 8.8.8.8, 203.0.113.7")))
                .isEqualTo("203.0.113.7");
        // two proxies: an edge load balancer (10.9.9.9) in front of the ingress
        assertThat(behindIngress.resolve(INGRESS, List.of("1.1.1.1, 203.0.113.7", "10.9.9.9")))
                .isEqualTo("203.0.113.7");
    }

    @Test
    void fallsBackToTheNearestTrustedProxyWhenTheHeaderSaysNothingUsable() {
        assertThat(behindIngress.resolve(INGRESS, List.of())).isEqualTo("10.1.2.3");
        assertThat(behindIngress.resolve(INGRESS, List.of("unknown"))).isEqualTo("10.1.2.3");
        assertThat(behindIngress.resolve(INGRESS, List.of("203.0.113.7, evil.example.com, 10.9.9.9")))
                .isEqualTo("10.9.9.9");
        assertThat(behindIngress.resolve(INGRESS, List.of("999.1.1.1"))).isEqualTo("10.1.2.3");
    }

    @Test
    void readsRfc7239ForwardedWithPortsAndIpv6() {
        var forwarded = new ClientAddress(List.of("10.0.0.0/8", "::1"), "Forwarded");

        assertThat(forwarded.resolve(INGRESS, List.of("for=192.0.2.60;proto=http;by=203.0.113.43")))
                .isEqualTo("192.0.2.60");
        assertThat(forwarded.resolve(INGRESS, List.of("for=1.1.1.1, for=\"[2001:db8:cafe::17]:4711\"")))
                .isEqualTo("2001:db8:cafe:0:0:0:0:17");
        assertThat(forwarded.resolve(ClientAddress.literal("::1"), List.of("for=\"192.0.2.43:47011\"")))
                .isEqualTo("192.0.2.43");
    }

    @Test
    void matchesCidrBlocksBitByBit() {
        var narrow = new ClientAddress(List.of("192.168.4.0/22"), "X-Forwarded-For");

        assertThat(narrow.resolve(ClientAddress.literal("192.168.7.255"), List.of("203.0.113.7")))
                .isEqualTo("203.0.113.7");
        assertThat(narrow.resolve(ClientAddress.literal("192.168.8.0"), List.of("203.0.113.7")))
                .isEqualTo("192.168.8.0");
    }

    @Test
    void refusesAConfigurationItCannotRead() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ClientAddress(List.of("ingress.local"),
                "X-Forwarded-For"));
        assertThatIllegalArgumentException().isThrownBy(() -> new ClientAddress(List.of("10.0.0.0/33"),
                "X-Forwarded-For"));
        assertThatIllegalArgumentException().isThrownBy(() -> new ClientAddress(List.of(), "X-Real-IP"));
    }
}
