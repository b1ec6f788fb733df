package io.accord.settlement.statement;

import io.accord.platform.problem.ConflictException;
import io.accord.settlement.adjustment.DisputeAdjustments;
import io.accord.settlement.period.SettlementPeriods;
import io.accord.settlement.product.PartnerProducts;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Discarding a wrong statement, inside {@link Statements#discard}'s transaction, and the order drafting keeps after
 * one: a statement builds on those of the partner's periods before it (late product charges and ends, a split calendar
 * period's guarantee), so only the partner's latest statement is discarded, and a period whose statement was
 * discarded is drafted again before any later one.
 */
@Component
class StatementDiscards {

    private final StatementStore store;
    private final SettlementPeriods periods;
    private final DisputeAdjustments adjustments;
    private final PartnerProducts products;
    private final Clock clock;

    StatementDiscards(StatementStore store, SettlementPeriods periods, DisputeAdjustments adjustments,
                      PartnerProducts products, Clock clock) {
        this.store = store;
        this.periods = periods;
        this.adjustments = adjustments;
        this.products = products;
        this.clock = clock;
    }

    /**
     * Discards the locked statement (guarded by {@link Statement#discard}; 409 too when a later period of the partner
     * has a statement) and releases what its drafting reserved: the dispute adjustments it carried are pending again,
     * the late product charges and product-end adjustments it recorded are forgotten. Stores it.
     *
     * @return the dispute adjustments it released (pending again), for {@code StatementDiscarded}
     */
    List<DisputeAdjustments.Adjustment> discard(Statement statement, String reason, String by) {
        statement.discard(by, reason.strip(), clock.instant());
        List<SettlementPeriods.Period> own = periods.ofPartner(statement.partnerId());
        SettlementPeriods.Period period = own.stream()
                .filter(candidate -> candidate.id().equals(statement.periodId())).findFirst().orElseThrow();
        List<UUID> later = own.stream().filter(candidate -> candidate.startAt().isAfter(period.startAt()))
                .map(SettlementPeriods.Period::id).toList();
        store.ofPeriods(statement.partnerId(), later).stream().findFirst().ifPresent(next -> {
            throw new ConflictException("Statement " + statement.id() + " is not discarded: the partner's later "
                    + "period " + next.periodId() + " has statement " + next.id() + " (" + next.state() + "), "
                    + "drafted after it and built on it (late product charges and ends, a split calendar period's "
                    + "guarantee); " + (next.state().issued() ? "correct this one with a credit or debit note instead"
                    : "discard that one first"));
        });
        List<DisputeAdjustments.Adjustment> released = adjustments.release(statement.id());
        products.released(statement.partnerId(), statement.id());
        store.update(statement, null);
        return released;
    }

    /** 409 when an earlier period of the partner than {@code period} awaits its draft after a discard. */
    void requireEarlierDrafted(SettlementPeriods.Period period, List<SettlementPeriods.Period> own) {
        List<UUID> earlier = own.stream().filter(candidate -> candidate.startAt().isBefore(period.startAt()))
                .map(SettlementPeriods.Period::id).toList();
        store.discardedPeriods(List.of(period.partnerId())).stream()
                .filter(discarded -> earlier.contains(discarded.periodId())).findFirst().ifPresent(discarded -> {
                    throw new ConflictException("Period " + period.id() + " of partner " + period.partnerId()
                            + " is drafted after its earlier period " + discarded.periodId() + ", whose statement "
                            + "was discarded: draft that period again first (a run does, oldest first)");
                });
    }
}
