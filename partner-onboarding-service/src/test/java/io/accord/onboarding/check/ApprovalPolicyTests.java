package io.accord.onboarding.check;

import io.accord.onboarding.partner.BusinessModel;
import io.accord.onboarding.partner.PartnerType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApprovalPolicyTests {

    private static final List<CheckResult> ALL_PASSED = CheckNames.ALL.stream()
            .map(check -> CheckResult.passed(check, "fine")).toList();

    private final ApprovalPolicy policy = ApprovalPolicy.withDefaults();

    @ParameterizedTest
    @CsvSource({"OTT_CONTENT, SELL_THROUGH", "RESELLER, RESELL", "IOT, SELL_THROUGH"})
    void approvesCleanApplicationsOfTheDefaultCombinationsWithoutReview(PartnerType type, BusinessModel model) {
        PolicyDecision decision = policy.decide(applicant(type, model), ALL_PASSED);

        assertThat(decision.decision()).isEqualTo(PolicyDecision.Decision.AUTO_APPROVE);
        assertThat(decision.reasons()).containsExactly("all 6 checks passed",
                type + "/" + model + " is on the auto-approve list");
    }

    @Test
    void anyFailedCheckGoesToReviewWithItsReason() {
        List<CheckResult> results = ALL_PASSED.stream().map(result -> result.check().equals(CheckNames.TAX_ID)
                ? CheckResult.failed(CheckNames.TAX_ID, "VAT number DE136695977: check digit does not verify")
                : result).toList();

        PolicyDecision decision = policy.decide(TestApplicants.clean().build(), results);

        assertThat(decision.decision()).isEqualTo(PolicyDecision.Decision.REVIEW);
        assertThat(decision.reasons())
                .containsExactly("tax-id failed: VAT number DE136695977: check digit does not verify");
    }

    @Test
    void coCreationIsAlwaysReviewedEvenWhenConfiguredForAutoApproval() {
        ApprovalPolicy eager = new ApprovalPolicy(new ApprovalProperties(List.of("OTT_CONTENT/CO_CREATE"), null));

        PolicyDecision decision = eager.decide(applicant(PartnerType.OTT_CONTENT, BusinessModel.CO_CREATE), ALL_PASSED);

        assertThat(decision.decision()).isEqualTo(PolicyDecision.Decision.REVIEW);
        assertThat(decision.reasons())
                .containsExactly("CO_CREATE applications are always reviewed by a partner manager");
    }

    @Test
    void combinationsNotOnTheListGoToReview() {
        PolicyDecision decision = policy.decide(applicant(PartnerType.MVNO, BusinessModel.RESELL), ALL_PASSED);

        assertThat(decision.decision()).isEqualTo(PolicyDecision.Decision.REVIEW);
        assertThat(decision.reasons()).containsExactly("MVNO/RESELL is not on the auto-approve list");
    }

    @Test
    void checksThatDidNotRunPreventAutoApproval() {
        PolicyDecision decision = policy.decide(TestApplicants.clean().build(), ALL_PASSED.subList(0, 4));

        assertThat(decision.decision()).isEqualTo(PolicyDecision.Decision.REVIEW);
        assertThat(decision.reasons()).containsExactly("checks not run: screening, documents");
    }

    @Test
    void theListAndTheAlwaysReviewedModelsAreConfigurable() {
        ApprovalPolicy custom = new ApprovalPolicy(new ApprovalProperties(List.of(" MVNO / RESELL "), Set.of()));

        assertThat(custom.decide(applicant(PartnerType.MVNO, BusinessModel.RESELL), ALL_PASSED).autoApprove()).isTrue();
        assertThat(custom.decide(TestApplicants.clean().build(), ALL_PASSED).autoApprove()).isFalse();
        assertThat(new ApprovalPolicy(new ApprovalProperties(List.of(), null))
                .decide(TestApplicants.clean().build(), ALL_PASSED).autoApprove()).as("zero-touch off").isFalse();
    }

    @Test
    void aMisspeltCombinationFailsAtStartup() {
        assertThatThrownBy(() -> new ApprovalProperties(List.of("OTT/SELL_THROUGH"), null))
                .hasMessageStartingWith("accord.onboarding.approval.auto-approve: 'OTT/SELL_THROUGH' is not TYPE/MODEL"
                        + " with TYPE one of [OTT_CONTENT, MVNO");
    }

    private static ApplicantData applicant(PartnerType type, BusinessModel model) {
        return TestApplicants.clean().type(type).model(model).build();
    }
}
