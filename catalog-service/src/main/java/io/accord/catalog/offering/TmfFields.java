package io.accord.catalog.offering;

import io.accord.platform.problem.InvalidInputException;

import java.util.Map;

/**
 * The catalog's drafts name fields as the import's columns do ({@code amount}, {@code validTo}); a TMF request names
 * them by its own paths ({@code price.value}, {@code validFor.endDateTime}). A field error answered to a TMF request
 * names the request's path, its message without a repeated field prefix.
 */
final class TmfFields {

    private static final Map<String, String> PRICE = Map.of(
            "type", "priceType",
            "amount", "price.value",
            "currency", "price.unit",
            "taxCategory", "tax[0].taxCategory",
            "period", "recurringChargePeriodType",
            "unit", "unitOfMeasure.units",
            "validFrom", "validFor.startDateTime");
    private static final Map<String, String> OFFERING = Map.of(
            "categoryCode", "category",
            "validFrom", "validFor.startDateTime",
            "validTo", "validFor.endDateTime",
            "salesChannels", "channel",
            "specification", "productSpecification",
            "bundledOfferingExternalIds", "bundledProductOffering",
            "participants", "participants");
    private static final String PRICES = "prices[";

    private TmfFields() {
    }

    /** An error of an offering request (create, patch): offering fields and, should one be named, its prices'. */
    static InvalidInputException offering(String field, String message) {
        if (field.startsWith(PRICES) && field.indexOf("].") > 0) {
            int close = field.indexOf("].");
            String price = field.substring(close + 2);
            return invalid("productOfferingPrice" + field.substring(PRICES.length() - 1, close + 1) + "."
                    + mapped(price, PRICE), price, message);
        }
        return invalid(mapped(field, OFFERING), field, message);
    }

    /** An error of a productOfferingPrice request about the price it sent ({@code prices[i].} already dropped). */
    static InvalidInputException price(String field, String message) {
        return invalid(mapped(field, PRICE), field, message);
    }

    /** {@code tiers[1].from} keeps its path; only the leading name is mapped. */
    private static String mapped(String field, Map<String, String> names) {
        int end = 0;
        while (end < field.length() && field.charAt(end) != '.' && field.charAt(end) != '[') {
            end++;
        }
        String head = field.substring(0, end);
        return names.getOrDefault(head, head) + field.substring(end);
    }

    /** The message, its leading field name (e.g. {@code amount is mandatory}) the request's, never prefixed twice. */
    private static InvalidInputException invalid(String tmf, String internal, String message) {
        String leaf = internal.substring(internal.lastIndexOf('.') + 1);
        String text = message;
        if (text.startsWith(internal + ": ")) {
            text = text.substring(internal.length() + 2);
        }
        if (!leaf.equals(tmf) && text.startsWith(leaf + " ")) {
            text = tmf + text.substring(leaf.length());
        }
        return new InvalidInputException(tmf, text);
    }
}
