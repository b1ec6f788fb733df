package io.accord.platform.outbound;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where a service may send requests that a partner chose the address of (TMF hub callbacks, activation webhooks).
 *
 * @param allowPrivateAddresses accept loopback, private, link-local and other non-public targets, by literal address
 *                              or by what a host name resolves to at delivery time (development and tests, where
 *                              partners' systems run on this machine); in production partners reach only the
 *                              public internet, so a partner cannot make a service call its own actuator, a
 *                              neighbour in the cluster or the cloud's metadata endpoint
 * @param allowPlainHttp        accept {@code http://} to any host (development only); otherwise plain HTTP is
 *                              accepted only to loopback targets, and only while private addresses are allowed
 */
@ConfigurationProperties("accord.platform.outbound")
public record OutboundProperties(
        @DefaultValue("false") boolean allowPrivateAddresses,
        @DefaultValue("false") boolean allowPlainHttp) {
}
