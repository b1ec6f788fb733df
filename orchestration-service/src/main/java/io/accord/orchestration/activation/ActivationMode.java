package io.accord.orchestration.activation;

/**
 * How a partner's system learns that something is to be activated. {@code WEBHOOK}: an HMAC-signed HTTPS POST to
 * the partner's registered URL, answered at once or acknowledged later through the callback API. {@code EVENT}:
 * the request as an event for the partner, acknowledged through the callback API. {@code AUTO}: no partner system,
 * activation is immediate (the default of a partner that registered nothing).
 */
public enum ActivationMode {
    WEBHOOK, EVENT, AUTO
}
