package io.accord.portal.usage;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Rating's daily rollup rows of a range summed per offering × usage type × billed unit × currency (quantities and
 * money of different units or currencies are never added), exactly, largest partner share first.
 */
record Rollup(List<Line> lines, Map<String, BigDecimal> partnerShareByCurrency) {

    record Line(String offeringId, String usageType, String billedUnit, String currency, BigDecimal quantity,
                BigDecimal charge, BigDecimal partnerShare, BigDecimal wholesale, long records) {

        Line plus(JsonNode row) {
            return new Line(offeringId, usageType, billedUnit, currency, quantity.add(decimal(row, "quantity")),
                    charge.add(decimal(row, "charge")), partnerShare.add(decimal(row, "partnerShare")),
                    wholesale.add(decimal(row, "wholesale")), records + row.path("records").asLong(0));
        }
    }

    static Rollup of(JsonNode rows) {
        Map<String, Line> lines = new LinkedHashMap<>();
        Map<String, BigDecimal> shares = new LinkedHashMap<>();
        for (JsonNode row : rows) {
            String offering = row.path("offeringId").asString("");
            String type = row.path("usageType").asString("");
            String unit = row.path("billedUnit").asString("");
            String currency = row.path("currency").asString("");
            lines.computeIfAbsent(String.join("\u0000", offering, type, unit, currency), key -> new Line(offering,
                    type, unit, currency, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0));
            lines.computeIfPresent(String.join("\u0000", offering, type, unit, currency),
                    (key, line) -> line.plus(row));
            shares.merge(currency, decimal(row, "partnerShare"), BigDecimal::add);
        }
        List<Line> sorted = new ArrayList<>(lines.values());
        sorted.sort(Comparator.comparing(Line::partnerShare).reversed().thenComparing(Line::offeringId)
                .thenComparing(Line::usageType));
        return new Rollup(sorted, shares);
    }

    private static BigDecimal decimal(JsonNode row, String field) {
        String value = row.path(field).asString("");
        return value.isBlank() ? BigDecimal.ZERO : new BigDecimal(value);
    }
}
