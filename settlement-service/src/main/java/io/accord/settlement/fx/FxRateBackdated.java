package io.accord.settlement.fx;

import io.accord.platform.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.time.Instant;

/**
 * A new rate valid from before the end of the latest period an issued statement converted the pair for: 422
 * {@code fx-rate-backdated} naming {@code validFrom}, the earliest it may be and the statement, as it would change
 * the rate that statement's figures were converted at.
 */
final class FxRateBackdated extends ErrorResponseException {

    FxRateBackdated(String base, String quote, Instant validFrom, FxRateUses.IssuedConversion issued) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, problem(base, quote, validFrom, issued), null);
    }

    private static ProblemDetail problem(String base, String quote, Instant validFrom,
                                         FxRateUses.IssuedConversion issued) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "fx-rate-backdated", "validFrom "
                + validFrom + " lies before " + issued.periodEnd() + ", the end of the period issued statement "
                + issued.documentNumber() + " (" + issued.statementId() + ") converted " + base + "→" + quote
                + " for: a rate valid from then would change the rate in force for figures already issued. Load it "
                + "valid from " + issued.periodEnd() + " or later (a wrong rate that statement used is corrected "
                + "with a credit or debit note)");
        problem.setProperty("field", "validFrom");
        problem.setProperty("validFrom", validFrom);
        problem.setProperty("earliestValidFrom", issued.periodEnd());
        problem.setProperty("statementId", issued.statementId());
        problem.setProperty("documentNumber", issued.documentNumber());
        return problem;
    }
}
