package io.accord.onboarding.agreement;

import io.accord.platform.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Whoever created, changed or proposed a version may not also approve its terms: 403 problem+json
 * {@code four-eyes}, naming who may (recorded as a refusal in the audit trail).
 */
class AgreementFourEyes extends ErrorResponseException {

    AgreementFourEyes(String detail) {
        super(HttpStatus.FORBIDDEN, Problems.of(HttpStatus.FORBIDDEN, "four-eyes", detail), null);
    }
}
