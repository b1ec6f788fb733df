package io.accord.onboarding.check;

import io.accord.onboarding.partner.BusinessModel;
import io.accord.onboarding.partner.PartnerType;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The approval policy ({@code accord.onboarding.approval.*}).
 *
 * @param autoApprove  partner type and business model pairs approved without a human step when every check
 *                     passed, written {@code TYPE/MODEL}, e.g. {@code OTT_CONTENT/SELL_THROUGH}; empty turns
 *                     zero-touch onboarding off
 * @param alwaysReview business models a partner manager always decides, whatever {@code autoApprove} says
 *                     (co-creation needs a negotiated agreement)
 */
@ConfigurationProperties("accord.onboarding.approval")
record ApprovalProperties(List<String> autoApprove, Set<BusinessModel> alwaysReview) {

    static final List<String> DEFAULT_AUTO_APPROVE = List.of("OTT_CONTENT/SELL_THROUGH", "RESELLER/RESELL",
            "IOT/SELL_THROUGH");

    ApprovalProperties {
        autoApprove = autoApprove == null ? DEFAULT_AUTO_APPROVE : List.copyOf(autoApprove);
        alwaysReview = alwaysReview == null ? Set.of(BusinessModel.CO_CREATE) : Set.copyOf(alwaysReview);
        autoApprove.forEach(ApprovalProperties::parse);
    }

    static ApprovalProperties defaults() {
        return new ApprovalProperties(null, null);
    }

    Set<Combination> autoApproved() {
        return autoApprove.stream().map(ApprovalProperties::parse).collect(Collectors.toSet());
    }

    record Combination(PartnerType type, BusinessModel model) {

        @Override
        public String toString() {
            return type + "/" + model;
        }
    }

    private static Combination parse(String entry) {
        String[] parts = entry.strip().split("\\s*/\\s*");
        try {
            if (parts.length == 2) {
                return new Combination(PartnerType.valueOf(parts[0]), BusinessModel.valueOf(parts[1]));
            }
        } catch (IllegalArgumentException unknown) {
            // reported below with the allowed values
        }
        throw new IllegalArgumentException("accord.onboarding.approval.auto-approve: '" + entry
                + "' is not TYPE/MODEL with TYPE one of " + Arrays.toString(PartnerType.values())
                + " and MODEL one of " + Arrays.toString(BusinessModel.values()));
    }
}
