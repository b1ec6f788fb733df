package io.accord.settlement.fx;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Which statements converted a line at a rate: what decides whether the rate may still be corrected. The statement
 * feature answers it (it owns the lines), so this feature never reads statement tables.
 */
public interface FxRateUses {

    /** The statements, not discarded, with a line converted at {@code rateId}, oldest first. */
    List<StatementUse> statementsUsing(UUID rateId);

    /**
     * The issued (or paid) statement that converted a line from {@code base} into {@code quote} for the latest period
     * (by the period's end): a rate of the pair valid from before that end could change what it converted at.
     */
    Optional<IssuedConversion> latestIssuedConversion(String base, String quote);

    /**
     * @param periodEnd the exclusive end of the statement's period: it converted at the pair's rate in force just
     *                  before it
     */
    record IssuedConversion(UUID statementId, String documentNumber, Instant periodEnd) {
    }

    /**
     * @param state          the statement's state (DRAFT, APPROVED, ISSUED, PAID)
     * @param documentNumber its number once issued, {@code null} before
     * @param issued         whether it is a document (ISSUED or PAID): its rate is then corrected by a note only
     */
    record StatementUse(UUID statementId, String state, String documentNumber, boolean issued) {
    }
}
