package io.accord.portal.agreement;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Which commercial terms of an agreement version differ from another version's (onboarding offers no comparison, so
 * the staff page compares the two versions' {@code terms} itself): the names of the terms the page shows, in its
 * order. Numbers are compared by value ({@code "30.00"} and {@code 30} are the same share).
 */
final class TermsChanges {

    /** The terms the page shows, in its order ({@code validityMonths} is not shown, so not compared). */
    static final List<String> SHOWN = List.of("currency", "settlementCycle", "paymentTermsDays",
            "minimumMonthlyGuarantee", "taxTreatment", "reconciliationTolerance", "disputeWindowDays",
            "revenueShares", "wholesaleRates");

    private TermsChanges() {
    }

    static Set<String> between(JsonNode previous, JsonNode current) {
        Set<String> changed = new LinkedHashSet<>();
        for (String term : SHOWN) {
            if (!same(previous.path(term), current.path(term))) {
                changed.add(term);
            }
        }
        return changed;
    }

    private static boolean same(JsonNode a, JsonNode b) {
        if (absent(a) || absent(b)) {
            return absent(a) && absent(b);
        }
        BigDecimal left = decimal(a);
        BigDecimal right = decimal(b);
        if (left != null && right != null) {
            return left.compareTo(right) == 0;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject() && b.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            names.addAll(a.propertyNames());
            names.addAll(b.propertyNames());
            return names.stream().allMatch(name -> same(a.path(name), b.path(name)));
        }
        return a.equals(b);
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull();
    }

    /** A number, or a text that is one (onboarding writes decimals as text); else null. */
    private static BigDecimal decimal(JsonNode node) {
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isString()) {
            try {
                return new BigDecimal(node.asString());
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
        return null;
    }
}
