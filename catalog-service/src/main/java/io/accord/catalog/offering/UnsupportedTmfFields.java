package io.accord.catalog.offering;

import io.accord.platform.problem.InvalidInputException;
import tools.jackson.databind.JsonNode;

import java.util.Map;

/**
 * TMF620 attributes that would change what is charged, or to whom and when an offering or price applies, which
 * Accord does not model (yet). Dropping them would store another price than the client meant (a quarterly 30 EUR
 * becoming 30 EUR a month), so a request that gives one a value other than the harmless one (left out, null, an
 * empty list or object, {@code false}, a period length or option count of 1) is refused with 400 naming it.
 */
final class UnsupportedTmfFields {

    private UnsupportedTmfFields() {
    }

    /** 400 naming the first attribute of {@code fields} (name to value, in order) that has a value. */
    static void refuse(Map<String, JsonNode> fields) {
        fields.forEach((field, value) -> {
            if (!harmless(value)) {
                throw notSupported(field);
            }
        });
    }

    /** {@code recurringChargePeriodLength}: Accord charges per one month or one year. */
    static void refusePeriodLength(Integer length) {
        if (length != null && length != 1) {
            throw new InvalidInputException("recurringChargePeriodLength", "recurringChargePeriodLength " + length
                    + " is not supported by Accord (yet): a recurring price is charged per one "
                    + "recurringChargePeriodType (month or year); give the price per month or per year, or leave "
                    + "recurringChargePeriodLength out (or 1)");
        }
    }

    /**
     * A bundled offering's {@code bundledProductOfferingOption}: Accord's bundle contains each component once, so
     * only the counts 1 (or none) are accepted.
     */
    static void refuseComponentCounts(String field, JsonNode option) {
        if (harmless(option)) {
            return;
        }
        if (option.isObject()) {
            boolean once = option.properties().stream().allMatch(entry -> entry.getKey().startsWith("@")
                    || entry.getValue().isNull() || entry.getValue().isNumber() && entry.getValue().asInt() == 1
                    && entry.getValue().asDouble() == 1.0);
            if (once) {
                return;
            }
        }
        throw new InvalidInputException(field, "'" + field + "' is not supported by Accord (yet): a bundle contains "
                + "each component exactly once (numberRelOfferDefault, numberRelOfferLowerLimit and "
                + "numberRelOfferUpperLimit 1, or leave it out)");
    }

    private static boolean harmless(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode()
                || (value.isArray() || value.isObject()) && value.isEmpty()
                || value.isBoolean() && !value.asBoolean();
    }

    private static InvalidInputException notSupported(String field) {
        return new InvalidInputException(field, "'" + field + "' is not supported by Accord (yet): it would change "
                + "what is charged or to whom the offering applies, and Accord cannot honour it; leave it out (see "
                + "docs/catalog-model.md, \"TMF620 attributes refused\")");
    }
}
