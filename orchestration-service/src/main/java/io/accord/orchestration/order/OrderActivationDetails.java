package io.accord.orchestration.order;

import io.accord.orchestration.activation.ActivationDetails;
import io.accord.orchestration.inventory.Inventory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Puts the reserved values into an order's activation request: each {@code resources[]} entry
 * ({@code resourceType}, {@code reference}) gets its {@code value} (e.g. the MSISDN) when the reservation still
 * holds one. Activations of other features (no {@code resources}) pass unchanged.
 */
@Component
class OrderActivationDetails implements ActivationDetails {

    private final Inventory inventory;

    OrderActivationDetails(Inventory inventory) {
        this.inventory = inventory;
    }

    @Override
    public JsonNode complete(JsonNode activation) {
        if (!activation.path("resources").isArray() || activation.path("resources").isEmpty()) {
            return activation;
        }
        JsonNode completed = activation.deepCopy();
        for (JsonNode resource : completed.path("resources")) {
            if (resource instanceof ObjectNode entry && entry.hasNonNull("reference")) {
                inventory.heldFor(entry.get("reference").asString())
                        .ifPresent(reservation -> entry.put("value", reservation.value()));
            }
        }
        return completed;
    }
}
