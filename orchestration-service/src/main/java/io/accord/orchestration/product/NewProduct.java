package io.accord.orchestration.product;

import io.accord.contracts.events.ProductDetails;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an {@code add} order item creates: {@link Products#create} takes the offering's own data (owner, category,
 * version, participants, usage price ids) from the offering read model at that moment.
 *
 * @param orderId         the product order
 * @param orderItemId     the order item within it
 * @param offeringId      a launched offering (for a bundle item: the bundle, or one of its components)
 * @param bundleProductId the bundle's instance when this is one of its components, else {@code null}
 * @param buyerPartnerId  the reseller partner buying for its own customer; {@code null} for a CSP sales channel
 * @param salesChannel    the CSP sales channel; {@code null} for a partner buyer (exactly one of the two is set)
 * @param customerId      the external customer or subscriber reference
 * @param characteristics the characteristic values ordered (fixed ones included); {@code null}: none
 * @param charges         the one-time and recurring prices locked for it; {@code null}: none
 */
public record NewProduct(String orderId, String orderItemId, String offeringId, UUID bundleProductId,
                         UUID buyerPartnerId, String salesChannel, String customerId,
                         Map<String, String> characteristics, List<ProductDetails.LockedCharge> charges) {
}
