package io.accord.settlement.statement;

import io.accord.platform.problem.Problems;
import io.accord.settlement.fx.FxRates;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An APPROVED statement whose lines were converted at an FX rate a confirmed correction has superseded is not issued:
 * 409 {@code fx-rate-superseded} naming the superseded rates ({@code supersededRateIds}), the versions in force
 * instead ({@code supersedingRateIds}) and the fix: discard the statement and draft the period again. Nothing changes.
 */
final class FxRateSupersededAtIssue extends ErrorResponseException {

    FxRateSupersededAtIssue(UUID statementId, List<FxRates.Supersession> superseded) {
        super(HttpStatus.CONFLICT, problem(statementId, superseded), null);
    }

    private static ProblemDetail problem(UUID statementId, List<FxRates.Supersession> superseded) {
        String rates = superseded.stream().map(one -> one.rateId() + " (" + one.rate().toPlainString()
                + ", superseded at " + one.at() + " by " + one.correction() + ")").collect(Collectors.joining(", "));
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "fx-rate-superseded", "Cannot issue statement "
                + statementId + ": its lines were converted at FX rate" + (superseded.size() == 1 ? " " : "s ") + rates
                + ", which a confirmed correction has superseded; nothing was changed. Discard it (POST "
                + "/api/settlement/statements/" + statementId + "/discard) and draft the period again to convert at "
                + "the corrected rate");
        problem.setProperty("statementId", statementId);
        problem.setProperty("supersededRateIds", superseded.stream().map(FxRates.Supersession::rateId).toList());
        problem.setProperty("supersedingRateIds", superseded.stream().map(FxRates.Supersession::correction)
                .distinct().toList());
        return problem;
    }
}
