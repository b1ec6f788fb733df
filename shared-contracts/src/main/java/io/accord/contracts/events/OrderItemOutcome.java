package io.accord.contracts.events;

/**
 * How one item of a product order ended, as {@link OrderCompleted} and {@link OrderFailed} carry it.
 *
 * @param itemId     the order item id
 * @param action     {@code add}, {@code modify} or {@code delete}
 * @param offeringId the offering it is about
 * @param productId  the product instance it created or acted on, {@code null} when none was created
 * @param state      {@code completed}, {@code failed} or {@code cancelled}
 * @param reason     why it failed or was cancelled, {@code null} when completed
 * @param failedStep the saga step type that failed (e.g. {@code RESERVE_RESOURCE}), {@code null} otherwise
 */
public record OrderItemOutcome(String itemId, String action, String offeringId, String productId, String state,
                               String reason, String failedStep) {
}
