package io.accord.catalog.offering;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;

/** The rules an offering's own fields follow (its specification and prices have their own), as plain Java. */
final class OfferingRules {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private OfferingRules() {
    }

    static void check(Owner owner, OfferingDraft draft, BiConsumer<String, String> errors) {
        text(draft.externalId(), 100, "externalId", errors);
        text(draft.name(), 200, "name", errors);
        if (draft.description() != null && draft.description().length() > 2000) {
            errors.accept("description", "at most 2000 characters");
        }
        if (draft.categoryCode() == null || draft.categoryCode().isBlank()) {
            errors.accept("categoryCode", "categoryCode is mandatory");
        }
        if (draft.validFrom() != null && draft.validTo() != null && !draft.validTo().isAfter(draft.validFrom())) {
            errors.accept("validTo", "the end of validity must come after its start");
        }
        for (int i = 0; i < draft.salesChannels().size(); i++) {
            String channel = draft.salesChannels().get(i);
            if (channel == null || channel.isBlank() || channel.length() > 60) {
                errors.accept("salesChannels[" + i + "]", "a sales channel is a name of 1 to 60 characters");
            }
        }
        if (draft.kind() == OfferingDraft.Kind.BUNDLE) {
            bundle(draft, errors);
        } else {
            if (draft.specification() == null) {
                errors.accept("specification", "a single offering needs a specification");
            }
            if (!draft.bundledOfferingExternalIds().isEmpty() || draft.bundlePricing() != null) {
                errors.accept("bundledOfferingExternalIds", "only a BUNDLE offering contains other offerings");
            }
        }
        shares(owner, draft.participants(), errors);
    }

    private static void bundle(OfferingDraft draft, BiConsumer<String, String> errors) {
        if (draft.bundledOfferingExternalIds().isEmpty()) {
            errors.accept("bundledOfferingExternalIds", "a bundle contains at least one offering");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < draft.bundledOfferingExternalIds().size(); i++) {
            String component = draft.bundledOfferingExternalIds().get(i);
            if (component == null || component.isBlank()) {
                errors.accept("bundledOfferingExternalIds[" + i + "]", "a component is an offering's externalId");
            } else if (component.equals(draft.externalId())) {
                errors.accept("bundledOfferingExternalIds[" + i + "]", "a bundle cannot contain itself");
            } else if (!seen.add(component)) {
                errors.accept("bundledOfferingExternalIds[" + i + "]", "'" + component + "' is listed twice");
            }
        }
        if (draft.specification() != null) {
            errors.accept("specification", "a bundle has no specification of its own; its components do");
        }
        if (draft.bundlePricing() == null) {
            errors.accept("bundlePricing", "a bundle needs bundlePricing: OWN or SUM_OF_COMPONENTS");
        } else if (draft.bundlePricing() == OfferingDraft.BundlePricing.SUM_OF_COMPONENTS && !draft.prices().isEmpty()) {
            errors.accept("prices", "a bundle priced as the sum of its components has no prices of its own");
        }
    }

    /**
     * What submission requires of the draft beyond its fields (a draft may lack it while being written, e.g. an
     * OWN-priced bundle created through TMF620 before its prices are added): at least one price, unless a bundle is
     * priced as the sum of its components. A price version has no end, so any price is in force from its start on.
     */
    static void checkSubmittable(OfferingDraft draft, BiConsumer<String, String> errors) {
        boolean pricedByComponents = draft.kind() == OfferingDraft.Kind.BUNDLE
                && draft.bundlePricing() == OfferingDraft.BundlePricing.SUM_OF_COMPONENTS;
        if (!pricedByComponents && draft.prices().isEmpty()) {
            errors.accept("prices", "an offering needs at least one price before it is submitted (a bundle priced "
                    + "as the sum of its components excepted): add one through productOfferingPrice");
        }
    }

    /**
     * An OWN-priced bundle's recurring and one-time prices are its own, settled by its own participants; usage on
     * its components is rated at the components' usage prices. A co-creator of a component not named on the bundle
     * would get nothing of the bundle's own price, silently: such a bundle names each of them (with its share).
     *
     * @param coCreators the partners named on each component (pending or taking part), by component externalId
     */
    static void checkBundleShares(OfferingDraft bundle, Map<String, List<UUID>> coCreators,
                                  BiConsumer<String, String> errors) {
        if (bundle.kind() != OfferingDraft.Kind.BUNDLE || bundle.bundlePricing() != OfferingDraft.BundlePricing.OWN) {
            return;
        }
        Set<UUID> named = new HashSet<>();
        bundle.participants().stream().filter(p -> p != null && p.partnerId() != null)
                .forEach(p -> named.add(p.partnerId()));
        for (String component : bundle.bundledOfferingExternalIds()) {
            List<UUID> missing = coCreators.getOrDefault(component, List.of()).stream()
                    .filter(partner -> !named.contains(partner)).toList();
            if (!missing.isEmpty()) {
                errors.accept("participants", "the bundle is priced OWN and its component '" + component
                        + "' is co-created by partner(s) " + missing + ", who would get nothing of the bundle's own"
                        + " price: name them in the bundle's participants with their share, or price the bundle as"
                        + " SUM_OF_COMPONENTS");
                return;
            }
        }
    }

    /** Each share in (0, 100], at most 100 in total (the CSP keeps the rest), each partner once, not the owner. */
    static void shares(Owner owner, List<OfferingDraft.Participant> participants, BiConsumer<String, String> errors) {
        BigDecimal total = BigDecimal.ZERO;
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < participants.size(); i++) {
            OfferingDraft.Participant participant = participants.get(i);
            String at = "participants[" + i + "]";
            if (participant == null || participant.partnerId() == null) {
                errors.accept(at + ".partnerId", "partnerId is mandatory");
                continue;
            }
            if (!seen.add(participant.partnerId())) {
                errors.accept(at + ".partnerId", "partner " + participant.partnerId() + " takes part twice");
            }
            if (participant.partnerId().equals(owner.partnerId())) {
                errors.accept(at + ".partnerId", "the owner is not a participant of its own offering");
            }
            BigDecimal share = participant.sharePercent();
            if (share == null) {
                errors.accept(at + ".sharePercent", "sharePercent is mandatory");
            } else if (share.signum() <= 0 || share.compareTo(HUNDRED) > 0) {
                errors.accept(at + ".sharePercent", "a share is more than 0 and at most 100 percent");
            } else if (share.stripTrailingZeros().scale() > 6) {
                errors.accept(at + ".sharePercent", "at most 6 decimals");
            } else {
                total = total.add(share);
            }
        }
        if (total.compareTo(HUNDRED) > 0) {
            errors.accept("participants", "the shares sum to " + total.toPlainString()
                    + " percent; at most 100 (the CSP keeps the rest)");
        }
    }

    private static void text(String value, int max, String field, BiConsumer<String, String> errors) {
        if (value == null || value.isBlank()) {
            errors.accept(field, field + " is mandatory");
        } else if (value.length() > max) {
            errors.accept(field, "at most " + max + " characters");
        }
    }
}
