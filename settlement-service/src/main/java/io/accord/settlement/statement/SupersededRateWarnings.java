package io.accord.settlement.statement;

import io.accord.settlement.fx.FxRates;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Says on a DRAFT or APPROVED statement that lines of it were converted at an FX rate a confirmed correction has since
 * superseded: the statement keeps the old value (its lines never change), and is brought to the corrected rate by
 * discarding it and drafting the period again. An issued statement's rate is not corrected (the fix is a note).
 */
@Component
class SupersededRateWarnings {

    static final String SUPERSEDED = "FX_RATE_SUPERSEDED";

    private final FxRates rates;

    SupersededRateWarnings(FxRates rates) {
        this.rates = rates;
    }

    /**
     * 409 {@code fx-rate-superseded} ({@link FxRateSupersededAtIssue}) when lines of the statement to be issued were
     * converted at a superseded rate: its figures are at a rate finance has declared wrong. Called under the locks of
     * the statement's pairs, so a correction confirmed just before is seen.
     */
    void refuseIssue(Statement statement) {
        List<FxRates.Supersession> superseded = linesByRate(statement).keySet().stream()
                .map(rates::supersession).flatMap(java.util.Optional::stream).toList();
        if (!superseded.isEmpty()) {
            throw new FxRateSupersededAtIssue(statement.id(), superseded);
        }
    }

    /** One warning per superseded rate the unissued statement's lines were converted at. */
    List<Statements.Warning> of(Statement statement) {
        if (statement.state() != Statement.State.DRAFT && statement.state() != Statement.State.APPROVED) {
            return List.of();
        }
        Map<UUID, List<Integer>> linesByRate = linesByRate(statement);
        List<Statements.Warning> warnings = new ArrayList<>();
        linesByRate.forEach((rateId, numbers) -> rates.supersession(rateId).ifPresent(superseded ->
                warnings.add(new Statements.Warning(SUPERSEDED, "line" + (numbers.size() == 1 ? " " : "s ")
                        + numbers.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))
                        + " converted at FX rate " + rateId + " (" + superseded.rate().toPlainString()
                        + "), superseded at " + superseded.at() + " by " + superseded.correction() + " ("
                        + superseded.reason() + "): discard this statement (POST /api/settlement/statements/"
                        + statement.id() + "/discard) and draft the period again to convert at the corrected rate"
                        + " (until then it cannot be issued)"))));
        return List.copyOf(warnings);
    }

    /** The line numbers (1, 2, …) converted at each rate, by rate id. */
    private static Map<UUID, List<Integer>> linesByRate(Statement statement) {
        Map<UUID, List<Integer>> linesByRate = new LinkedHashMap<>();
        List<StatementLine> lines = statement.lines();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).fxRateId() != null) {
                linesByRate.computeIfAbsent(lines.get(i).fxRateId(), ignored -> new ArrayList<>()).add(i + 1);
            }
        }
        return linesByRate;
    }
}
