package io.accord.settlement.statement;

import io.accord.contracts.value.Money;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * What a period's draft after a discard replaces, and what replaced a discarded statement: the other statement and
 * the difference of their net, tax and total, always the newer one's less the older one's (so both sides show the same
 * change). A statement neither replacing one nor discarded has neither (no query).
 */
@Component
class StatementReplacements {

    private final StatementStore store;

    StatementReplacements(StatementStore store) {
        this.store = store;
    }

    /** The statement's links; {@link Links#NONE} when it replaces none and nothing replaced it. */
    Links of(Statement statement) {
        UUID replaces = statement.replacesStatementId();
        if (replaces == null && statement.state() != Statement.State.DISCARDED) {
            return Links.NONE;
        }
        Figures own = Figures.of(statement);
        Figures older = null;
        Figures newer = null;
        for (Figures figures : store.replacementFigures(statement.id(), replaces)) {
            if (figures.id().equals(replaces)) {
                older = figures;
            } else if (statement.id().equals(figures.replacesStatementId())) {
                newer = figures;
            }
        }
        return new Links(replaces, older == null ? null : own.less(older),
                newer == null ? null : newer.id(), newer == null ? null : newer.less(own));
    }

    /** The difference between a statement replacing another and that one, {@code null} when not known. */
    static Statements.Difference difference(Statement newer, Figures older) {
        return older == null ? null : Figures.of(newer).less(older);
    }

    /**
     * A statement's link to the one it replaces and to the one that replaced it.
     *
     * @param differenceFromReplaced  this one's figures less the replaced one's
     * @param differenceInReplacement the replacing one's figures less this one's
     */
    record Links(UUID replacesStatementId, Statements.Difference differenceFromReplaced, UUID replacedByStatementId,
                 Statements.Difference differenceInReplacement) {

        static final Links NONE = new Links(null, null, null, null);
    }

    /** A statement's figures as stored. */
    record Figures(UUID id, UUID replacesStatementId, String currency, BigDecimal net, BigDecimal tax,
                   BigDecimal total) {

        static Figures of(Statement statement) {
            StatementLines.Lines totals = statement.totals();
            return new Figures(statement.id(), statement.replacesStatementId(), totals.total().currency(),
                    totals.net().amount(), totals.tax().amount(), totals.total().amount());
        }

        /**
         * These figures less {@code other}'s, exactly; {@code null} when the two are in different currencies (an
         * agreement changed between the drafts), where a difference means nothing.
         */
        Statements.Difference less(Figures other) {
            if (!currency.equals(other.currency)) {
                return null;
            }
            return new Statements.Difference(minus(net, other.net), minus(tax, other.tax),
                    minus(total, other.total));
        }

        private BigDecimal minus(BigDecimal amount, BigDecimal other) {
            return Money.of(amount, currency).minus(Money.of(other, currency)).amount();
        }
    }

    /** The figures of the statements this one replaces, for {@code StatementDrafted}. */
    Figures replaced(Statement statement) {
        UUID replaces = statement.replacesStatementId();
        if (replaces == null) {
            return null;
        }
        List<Figures> found = store.replacementFigures(statement.id(), replaces);
        return found.stream().filter(figures -> figures.id().equals(replaces)).findFirst().orElse(null);
    }
}
