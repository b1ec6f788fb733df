package io.accord.orchestration.order;

import io.accord.contracts.events.ProductDetails;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One item of a product order, as stored with it: immutable, the order replaces it on each change.
 *
 * @param productId           add: the product instance it creates (a bundle's own instance for a bundle);
 *                            modify/delete: the existing instance it acts on
 * @param componentProductIds add of a bundle: the component instances it creates (bundleProductId = productId)
 * @param characteristics     add: the resolved values; modify: the values after the change; delete: none
 * @param charges             add: the one-time and recurring amounts locked for the whole quantity
 * @param sagaId              the saga fulfilling it
 * @param reason              why it failed or was cancelled (or why its compensation is stuck)
 * @param failedStep          the step type that failed
 */
record OrderItem(String id, OrderAction action, int quantity, String offeringId, UUID productId,
                 List<UUID> componentProductIds, Map<String, String> characteristics,
                 List<ProductDetails.LockedCharge> charges, ItemState state, UUID sagaId, String reason,
                 String failedStep) {

    OrderItem {
        componentProductIds = componentProductIds == null ? List.of() : List.copyOf(componentProductIds);
        characteristics = characteristics == null ? Map.of() : Map.copyOf(characteristics);
        charges = charges == null ? List.of() : List.copyOf(charges);
    }

    OrderItem withSaga(UUID saga) {
        return new OrderItem(id, action, quantity, offeringId, productId, componentProductIds, characteristics, charges,
                state, saga, reason, failedStep);
    }

    OrderItem moved(ItemState to, String why, String step) {
        return new OrderItem(id, action, quantity, offeringId, productId, componentProductIds, characteristics, charges,
                to, sagaId, why, step);
    }

    /** Every product instance the item touches: its own, then a bundle's components. */
    List<UUID> products() {
        java.util.ArrayList<UUID> all = new java.util.ArrayList<>();
        if (productId != null) {
            all.add(productId);
        }
        all.addAll(componentProductIds);
        return all;
    }
}
