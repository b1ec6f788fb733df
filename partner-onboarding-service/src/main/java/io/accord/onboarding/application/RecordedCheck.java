package io.accord.onboarding.application;

import io.accord.onboarding.check.ApplicantReasons;
import io.accord.onboarding.check.CheckResult;

/**
 * One automated check's result as recorded on the application and shown to the reviewer in full; the applicant sees
 * it {@link #forApplicant() without other partners' or the denylist's data}.
 */
public record RecordedCheck(String check, String outcome, String reason) {

    static final String PASSED = "PASSED";

    static RecordedCheck of(CheckResult result) {
        return new RecordedCheck(result.check(), result.outcome().name(), result.reason());
    }

    /** With a neutral reason where the full one names other partners, applications or denylist entries. */
    RecordedCheck forApplicant() {
        return new RecordedCheck(check, outcome, ApplicantReasons.of(check, !failed(), reason));
    }

    boolean failed() {
        return !PASSED.equals(outcome);
    }
}
