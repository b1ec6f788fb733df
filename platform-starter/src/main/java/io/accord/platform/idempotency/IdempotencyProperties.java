package io.accord.platform.idempotency;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * {@code Idempotency-Key} on writes, under {@code accord.platform.idempotency}.
 *
 * @param enabled            off: the header is ignored and every request runs (the table stays)
 * @param lease              how long a first attempt may run before a retry may take its claim over (it died)
 * @param retention          how long a completed answer is replayed; the key is free again afterwards
 * @param maxStoredBodySize  larger answers are not stored: the claim is released and a retry runs again
 * @param maxRequestBodySize a keyed request's body is read into memory to fingerprint it; larger ones get 413
 *                           (multipart uploads are fingerprinted part by part and are not limited by this)
 * @param cleanupInterval    how often expired rows are deleted
 */
@ConfigurationProperties("accord.platform.idempotency")
record IdempotencyProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("24h") Duration retention,
        @DefaultValue("1MB") DataSize maxStoredBodySize,
        @DefaultValue("10MB") DataSize maxRequestBodySize,
        @DefaultValue("5m") Duration cleanupInterval) {
}
