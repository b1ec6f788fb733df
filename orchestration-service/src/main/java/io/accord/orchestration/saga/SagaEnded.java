package io.accord.orchestration.saga;

/**
 * Published (a Spring application event) in the transaction that moves a saga to {@code COMPLETED},
 * {@code COMPENSATED} or {@code FAILED}, so the feature that started it (orders) updates its own state with it:
 * listen with {@code @EventListener} to change it in that same transaction.
 */
public record SagaEnded(SagaView saga) {
}
