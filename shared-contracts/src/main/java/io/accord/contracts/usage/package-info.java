/**
 * The usage contracts (issue 10): {@link io.accord.contracts.usage.UsageReported} is what partners' and the CSP's
 * mediation systems put on {@code usage.raw.v1}, {@link io.accord.contracts.usage.UsageRated} is what rating
 * publishes on {@code usage.rated.v1} for settlement. Both travel as CloudEvents in binary mode (the attributes in
 * Kafka headers, the record as the JSON value), keyed by the subscriber id so that one subscriber's usage stays in
 * order on one partition. Decimals are strings (exact). See docs/rating-pipeline.md.
 */
package io.accord.contracts.usage;
