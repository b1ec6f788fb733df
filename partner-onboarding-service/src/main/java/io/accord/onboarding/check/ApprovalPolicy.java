package io.accord.onboarding.check;

import io.accord.onboarding.partner.BusinessModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides whether an application is approved without a human step: only when every check ran and passed, its
 * business model is not one that is always reviewed (CO_CREATE by default), and its partner type and business
 * model are on the auto-approve list. Anything else goes to a partner manager, with every reason why. A Spring
 * bean (see {@code ChecksConfiguration}); {@link #withDefaults()} for plain tests.
 */
public class ApprovalPolicy {

    /** The actor the audit trail records for what a zero-touch approval does (the partner, its agreement...). */
    public static final String ACTOR = "onboarding-policy";

    private final Set<ApprovalProperties.Combination> autoApproved;
    private final Set<BusinessModel> alwaysReview;

    ApprovalPolicy(ApprovalProperties properties) {
        this.autoApproved = properties.autoApproved();
        this.alwaysReview = properties.alwaysReview();
    }

    public static ApprovalPolicy withDefaults() {
        return new ApprovalPolicy(ApprovalProperties.defaults());
    }

    public PolicyDecision decide(ApplicantData data, List<CheckResult> results) {
        List<String> reviewReasons = new ArrayList<>();
        results.stream().filter(result -> !result.isPassed())
                .forEach(failed -> reviewReasons.add(failed.check() + " failed: " + failed.reason()));
        Set<String> ran = results.stream().map(CheckResult::check).collect(Collectors.toSet());
        List<String> notRun = CheckNames.ALL.stream().filter(check -> !ran.contains(check)).toList();
        if (!notRun.isEmpty()) {
            reviewReasons.add("checks not run: " + String.join(", ", notRun));
        }
        ApprovalProperties.Combination combination = new ApprovalProperties.Combination(data.type(), data.model());
        if (data.type() == null || data.model() == null) {
            reviewReasons.add("partner type or business model missing");
        } else if (alwaysReview.contains(data.model())) {
            reviewReasons.add(data.model() + " applications are always reviewed by a partner manager");
        } else if (!autoApproved.contains(combination)) {
            reviewReasons.add(combination + " is not on the auto-approve list");
        }
        if (!reviewReasons.isEmpty()) {
            return new PolicyDecision(PolicyDecision.Decision.REVIEW, reviewReasons);
        }
        return new PolicyDecision(PolicyDecision.Decision.AUTO_APPROVE, List.of(
                "all " + results.size() + " checks passed", combination + " is on the auto-approve list"));
    }
}
