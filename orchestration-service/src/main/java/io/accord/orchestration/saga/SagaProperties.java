package io.accord.orchestration.saga;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The saga runner, under {@code accord.orchestration.saga}.
 *
 * @param enabled      whether this instance runs steps (sagas are started and acknowledged either way)
 * @param pollInterval how often the runner looks for due steps
 * @param workers      threads of this instance running steps at the same time
 * @param batchSize    due sagas a worker takes into one transaction (each under a savepoint of its own, one commit
 *                     for all); 1 is one saga per transaction. At most 64: each saga's part is a PostgreSQL
 *                     subtransaction, and more than 64 in one transaction slow every other session's snapshots
 * @param lease        how long a runner owns a claimed step; after it another runner may resume it, so it must
 *                     exceed any handler's longest call (the webhook client's timeouts are far below)
 * @param maxAttempts  default attempts of a step (and of its compensation) before a retryable failure counts
 * @param firstBackoff default wait after a step's first retryable failure, doubled after each further one
 * @param maxBackoff   default cap of that wait
 */
@ConfigurationProperties("accord.orchestration.saga")
@Validated
record SagaProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("250ms") Duration pollInterval,
        @DefaultValue("4") @Min(1) int workers,
        @DefaultValue("16") @Min(1) @Max(64) int batchSize,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("5") @Min(1) int maxAttempts,
        @DefaultValue("1s") Duration firstBackoff,
        @DefaultValue("5m") Duration maxBackoff) {
}
