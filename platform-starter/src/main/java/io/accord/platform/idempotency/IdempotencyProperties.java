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
 * @param maxStoredBodySize  answers are stored gzipped and encrypted; a success whose stored form is larger is not
 *                           kept: the key stays claimed and a retry gets 409 {@code idempotency-answer-not-kept}
 *                           instead of running again (a larger refusal is released: it changed nothing). 4 MB, the
 *                           largest JSON request body: what an answer cannot compress is mostly what the request
 *                           carried (the records' own ids) plus the ids it made, so the answer to any request the
 *                           services accept fits; a 10,000-record usage batch's is well under 1 MB
 *                           ({@code SealedBodyTests})
 * @param maxRequestBodySize a keyed request's body is read into memory to fingerprint it; larger ones get 413
 *                           (multipart uploads are fingerprinted part by part and are not limited by this)
 * @param cleanupInterval    how often expired rows are deleted
 */
@ConfigurationProperties("accord.platform.idempotency")
record IdempotencyProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("24h") Duration retention,
        @DefaultValue("4MB") DataSize maxStoredBodySize,
        @DefaultValue("10MB") DataSize maxRequestBodySize,
        @DefaultValue("5m") Duration cleanupInterval) {
}
