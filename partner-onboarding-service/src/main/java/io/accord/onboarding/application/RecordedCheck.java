package io.accord.onboarding.application;

import io.accord.onboarding.check.CheckResult;

/** One automated check's result as recorded on the application and shown to applicant and reviewer. */
public record RecordedCheck(String check, String outcome, String reason) {

    static final String PASSED = "PASSED";

    static RecordedCheck of(CheckResult result) {
        return new RecordedCheck(result.check(), result.outcome().name(), result.reason());
    }

    boolean failed() {
        return !PASSED.equals(outcome);
    }
}
