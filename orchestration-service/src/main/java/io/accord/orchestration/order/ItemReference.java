package io.accord.orchestration.order;

import java.util.Optional;
import java.util.UUID;

/** The reference of an order item's saga: {@code productOrder/<orderId>/<itemId>}. */
record ItemReference(UUID orderId, String itemId) {

    private static final String PREFIX = "productOrder/";

    static Optional<ItemReference> parse(String reference) {
        if (reference == null || !reference.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = reference.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ItemReference(UUID.fromString(rest.substring(0, slash)), rest.substring(slash + 1)));
        } catch (IllegalArgumentException notAnOrder) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return PREFIX + orderId + "/" + itemId;
    }
}
