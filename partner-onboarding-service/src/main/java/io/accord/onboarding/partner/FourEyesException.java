package io.accord.onboarding.partner;

import io.accord.platform.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The person who asked for a change may not also confirm it: 403 problem+json {@code four-eyes}. */
class FourEyesException extends ErrorResponseException {

    FourEyesException(String detail) {
        super(HttpStatus.FORBIDDEN, Problems.of(HttpStatus.FORBIDDEN, "four-eyes", detail), null);
    }
}
