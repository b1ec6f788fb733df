package io.accord.orchestration.activation;

import java.time.Instant;
import java.util.UUID;

/**
 * A partner's activation endpoint as callers see it: never its secret.
 *
 * @param registered false for a partner that registered nothing (then the mode is AUTO)
 */
public record EndpointView(UUID partnerId, ActivationMode mode, String url, boolean registered,
                           Instant secretRotatedAt, Instant createdAt, Instant updatedAt) {

    static EndpointView of(PartnerEndpoint endpoint) {
        return new EndpointView(endpoint.partner().value(), endpoint.mode(), endpoint.url(), true,
                endpoint.secretRotatedAt(), endpoint.createdAt(), endpoint.updatedAt());
    }

    static EndpointView unregistered(UUID partnerId) {
        return new EndpointView(partnerId, ActivationMode.AUTO, null, false, null, null, null);
    }
}
