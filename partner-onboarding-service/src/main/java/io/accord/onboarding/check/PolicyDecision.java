package io.accord.onboarding.check;

import java.util.List;
import java.util.Objects;

/**
 * What the approval policy decided for an application, and why (each reason a sentence a partner manager reads).
 */
public record PolicyDecision(Decision decision, List<String> reasons) {

    public enum Decision {
        /** Every check passed and the partner type and business model are approved without a human step. */
        AUTO_APPROVE,
        /** A partner manager decides. */
        REVIEW
    }

    public PolicyDecision {
        Objects.requireNonNull(decision, "decision");
        reasons = List.copyOf(reasons);
    }

    public boolean autoApprove() {
        return decision == Decision.AUTO_APPROVE;
    }
}
