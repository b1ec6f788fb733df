package io.accord.settlement.statement;

import io.accord.contracts.events.AgreementActivated;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The agreement's revenue-share rule for an offering category and a usage type, chosen as rating chooses it: the
 * most specific of category + usage type, category alone, usage type alone, then the wildcard (a rule's {@code null}
 * matches any); the first listed wins among equals. Recurring and one-time charges are matched with the usage types
 * {@value #RECURRING} and {@value #ONE_TIME}, so an agreement may give them their own rule and otherwise the
 * category's or the wildcard rule applies.
 */
final class ShareRules {

    static final String RECURRING = "RECURRING";
    static final String ONE_TIME = "ONE_TIME";

    private ShareRules() {
    }

    static Optional<AgreementActivated.RevenueShare> match(List<AgreementActivated.RevenueShare> rules,
                                                          String category, String usageType) {
        if (rules == null || rules.isEmpty()) {
            return Optional.empty();
        }
        return exactly(rules, category, usageType)
                .or(() -> exactly(rules, category, null))
                .or(() -> exactly(rules, null, usageType))
                .or(() -> exactly(rules, null, null));
    }

    /** How a rule is printed: {@code video × any}. */
    static String describe(AgreementActivated.RevenueShare rule) {
        return any(rule.offeringCategory()) + " × " + any(rule.usageType());
    }

    private static Optional<AgreementActivated.RevenueShare> exactly(List<AgreementActivated.RevenueShare> rules,
                                                                     String category, String usageType) {
        return rules.stream().filter(rule -> Objects.equals(rule.offeringCategory(), category)
                && Objects.equals(rule.usageType(), usageType)).findFirst();
    }

    private static String any(String value) {
        return value == null ? "any" : value;
    }
}
