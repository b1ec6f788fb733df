package io.accord.orchestration.product;

/**
 * An inventory item realising a product instance (TMF637 {@code realizingResource}).
 *
 * @param resourceType  e.g. {@code MSISDN}, {@code ICCID}, {@code LICENCE_KEY}
 * @param value         the resource itself, e.g. {@code +4915100000042}
 * @param reservationId the inventory reservation it was allocated with ({@code null} when none)
 */
public record RealisingResource(String resourceType, String value, java.util.UUID reservationId) {
}
