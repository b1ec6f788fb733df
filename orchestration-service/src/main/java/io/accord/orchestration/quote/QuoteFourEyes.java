package io.accord.orchestration.quote;

import io.accord.platform.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Whoever created a quote or set its over-limit discount may not also approve it, nor accept it for a sales
 * channel with its approver: 403 problem+json {@code four-eyes} naming who may (audited as a refusal).
 */
class QuoteFourEyes extends ErrorResponseException {

    QuoteFourEyes(String detail) {
        super(HttpStatus.FORBIDDEN, Problems.of(HttpStatus.FORBIDDEN, "four-eyes", detail), null);
    }
}
