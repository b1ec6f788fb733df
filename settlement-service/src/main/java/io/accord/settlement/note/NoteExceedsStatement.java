package io.accord.settlement.note;

import io.accord.platform.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A note past what its statement may still be corrected by ({@link NoteCeilings}): 422 {@code note-exceeds-statement}
 * naming the field, the amounts at the currency's minor unit and the earlier notes (and dispute adjustments carried
 * elsewhere) that took from it, so finance sees
 * what to draft instead without looking the notes up.
 */
final class NoteExceedsStatement extends ErrorResponseException {

    NoteExceedsStatement(NoteCeilings.Refusal refusal, String currency) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, problem(refusal, currency), null);
    }

    private static ProblemDetail problem(NoteCeilings.Refusal refusal, String currency) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "note-exceeds-statement",
                refusal.detail());
        problem.setProperty("field", refusal.field());
        if (refusal.statementLineNumber() != null) {
            problem.setProperty("statementLineNumber", refusal.statementLineNumber());
        }
        problem.setProperty("amount", plain(refusal.amount(), currency));
        problem.setProperty("statementAmount", plain(refusal.statementAmount(), currency));
        problem.setProperty("creditedAmount", plain(refusal.creditedAmount(), currency));
        problem.setProperty("takenAmount", plain(refusal.takenAmount(), currency));
        problem.setProperty("remainingAmount", plain(refusal.remainingAmount(), currency));
        problem.setProperty("currency", currency);
        problem.setProperty("earlierNotes", refusal.earlierNotes().stream().map(earlier -> {
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("id", earlier.id());
            shown.put("documentNumber", earlier.documentNumber());
            shown.put("type", earlier.type().name());
            shown.put("state", earlier.state().name());
            shown.put("amount", plain(earlier.amount(), currency));
            return shown;
        }).toList());
        problem.setProperty("earlierAdjustments", refusal.earlierAdjustments().stream().map(part -> {
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("adjustmentId", part.adjustment().adjustmentId());
            shown.put("disputeId", part.adjustment().disputeId());
            shown.put("type", part.adjustment().type().name());
            shown.put("settledLineId", part.adjustment().settledLineId());
            shown.put("amount", plain(part.amount(), currency));
            return shown;
        }).toList());
        return problem;
    }

    private static String plain(BigDecimal amount, String currency) {
        return io.accord.settlement.money.SettlementMath.atMinorUnit(amount, currency).toPlainString();
    }
}
