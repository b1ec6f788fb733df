package io.accord.onboarding.application;

import io.accord.onboarding.check.ApplicantReasons;
import io.accord.onboarding.check.CheckResult;
import io.accord.onboarding.check.ReasonCodes;

/**
 * One automated check's result as recorded on the application and shown to the reviewer in full; the applicant sees
 * it {@link #forApplicant() without other partners' or the denylist's data}.
 *
 * @param reasonCode the reason as a stable code ({@link ReasonCodes}, docs/onboarding-checks.md); results recorded
 *                   before the codes existed get theirs {@link ReasonCodes#derive derived} when read
 */
public record RecordedCheck(String check, String outcome, String reasonCode, String reason) {

    static final String PASSED = "PASSED";

    public RecordedCheck {
        if (reasonCode == null && check != null) {
            reasonCode = ReasonCodes.derive(check, PASSED.equals(outcome), reason);
        }
    }

    static RecordedCheck of(CheckResult result) {
        return new RecordedCheck(result.check(), result.outcome().name(), result.reasonCode(), result.reason());
    }

    /** With a neutral reason and code where the full ones name or tell what matched other partners' data. */
    RecordedCheck forApplicant() {
        return new RecordedCheck(check, outcome, ReasonCodes.forApplicant(check, !failed(), reasonCode),
                ApplicantReasons.of(check, !failed(), reason));
    }

    /**
     * With each of the names (a contact's, erased) replaced by {@code (erased)} where the reason quotes it (in single
     * quotes, as screening does: a short name is not taken out of other words).
     */
    RecordedCheck withoutNames(java.util.Collection<String> names) {
        String erased = reason;
        for (String name : names) {
            if (erased != null && name != null && !name.isBlank()) {
                erased = erased.replace("'" + name.strip() + "'",
                        "'" + io.accord.onboarding.partner.Partner.ERASED + "'");
            }
        }
        return new RecordedCheck(check, outcome, reasonCode, erased);
    }

    boolean failed() {
        return !PASSED.equals(outcome);
    }
}
