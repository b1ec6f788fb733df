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
 * money of different units or currencies are never added), exactly, largest partner share first; per currency the
 * partner's share (none where it only resold) and the wholesale it owes for usage of offerings it resells.
 */
record Rollup(List<Line> lines, Map<String, BigDecimal> partnerShareByCurrency,
              Map<String, BigDecimal> wholesaleByCurrency) {

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
        Map<String, BigDecimal> wholesale = new LinkedHashMap<>();
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
            wholesale.merge(currency, decimal(row, "wholesale"), BigDecimal::add);
        }
        List<Line> sorted = new ArrayList<>(lines.values());
        sorted.sort(Comparator.comparing(Line::partnerShare).reversed().thenComparing(Line::offeringId)
                .thenComparing(Line::usageType));
        // a reseller's usage earns no share: its wholesale is what it owes
        shares.entrySet().removeIf(share -> share.getValue().signum() == 0
                && wholesale.getOrDefault(share.getKey(), BigDecimal.ZERO).signum() != 0);
        wholesale.values().removeIf(amount -> amount.signum() == 0);
        return new Rollup(sorted, shares, wholesale);
    }

    private static BigDecimal decimal(JsonNode row, String field) {
        String value = row.path(field).asString("");
        return value.isBlank() ? BigDecimal.ZERO : new BigDecimal(value);
    }
}
