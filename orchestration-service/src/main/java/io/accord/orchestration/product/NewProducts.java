package io.accord.orchestration.product;

import io.accord.contracts.events.ProductDetails;
import io.accord.platform.problem.InvalidInputException;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/** Checks what callers hand to {@link Products}: a clear 400 naming the field, never a database error. */
final class NewProducts {

    private static final Set<String> CHARGE_TYPES = Set.of("ONE_TIME", "RECURRING");

    private NewProducts() {
    }

    static void validate(NewProduct product) {
        if (product == null) {
            throw new InvalidInputException("product", "the new product is missing");
        }
        text("orderId", product.orderId(), 100);
        text("orderItemId", product.orderItemId(), 100);
        text("offeringId", product.offeringId(), 64);
        text("customerId", product.customerId(), 200);
        if ((product.buyerPartnerId() == null) == (product.salesChannel() == null || product.salesChannel()
                .isBlank())) {
            throw new InvalidInputException("buyerPartnerId",
                    "a product has one buyer: a buyerPartnerId or a salesChannel");
        }
        if (product.salesChannel() != null) {
            text("salesChannel", product.salesChannel(), 100);
        }
        List<ProductDetails.LockedCharge> charges = product.charges() == null ? List.of() : product.charges();
        for (int i = 0; i < charges.size(); i++) {
            charge("charges[" + i + "]", charges.get(i));
        }
    }

    /** The characteristic values without empty names or {@code null} values. */
    static Map<String, String> characteristics(Map<String, String> values) {
        Map<String, String> kept = new TreeMap<>();
        if (values != null) {
            values.forEach((name, value) -> {
                if (name == null || name.isBlank()) {
                    throw new InvalidInputException("characteristics", "a characteristic has no name");
                }
                if (value != null) {
                    kept.put(name, value);
                }
            });
        }
        return kept;
    }

    static List<ProductDetails.SubscriberIdentifier> identifiers(List<ProductDetails.SubscriberIdentifier> given) {
        List<ProductDetails.SubscriberIdentifier> identifiers = given == null ? List.of() : given;
        for (int i = 0; i < identifiers.size(); i++) {
            ProductDetails.SubscriberIdentifier identifier = present("identifiers[" + i + "]", identifiers.get(i));
            text("identifiers[" + i + "].type", identifier.type(), 50);
            text("identifiers[" + i + "].value", identifier.value(), 200);
        }
        return List.copyOf(identifiers);
    }

    static List<RealisingResource> resources(List<RealisingResource> given) {
        List<RealisingResource> resources = given == null ? List.of() : given;
        for (int i = 0; i < resources.size(); i++) {
            RealisingResource resource = present("resources[" + i + "]", resources.get(i));
            text("resources[" + i + "].resourceType", resource.resourceType(), 50);
            text("resources[" + i + "].value", resource.value(), 200);
        }
        return List.copyOf(resources);
    }

    /** Characteristic changes: every name given (a {@code null} value removes one). */
    static Map<String, String> changes(Map<String, String> changes) {
        if (changes == null) {
            throw new InvalidInputException("characteristics", "the characteristic values to change are missing");
        }
        changes.keySet().forEach(name -> {
            if (name == null || name.isBlank()) {
                throw new InvalidInputException("characteristics", "a characteristic has no name");
            }
        });
        return changes;
    }

    private static <T> T present(String field, T value) {
        if (value == null) {
            throw new InvalidInputException(field, field + " is missing");
        }
        return value;
    }

    private static void charge(String field, ProductDetails.LockedCharge given) {
        ProductDetails.LockedCharge charge = present(field, given);
        if (!CHARGE_TYPES.contains(charge.type())) {
            throw new InvalidInputException(field + ".type", field + ".type is ONE_TIME or RECURRING, not "
                    + charge.type());
        }
        text(field + ".currency", charge.currency(), 3);
        try {
            new BigDecimal(Objects.requireNonNull(charge.amount()));
        } catch (NumberFormatException | NullPointerException notADecimal) {
            throw new InvalidInputException(field + ".amount", field + ".amount is a decimal string, not "
                    + charge.amount());
        }
    }

    private static void text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, field + " is missing");
        }
        if (value.length() > max) {
            throw new InvalidInputException(field, field + " is longer than " + max + " characters");
        }
    }
}
