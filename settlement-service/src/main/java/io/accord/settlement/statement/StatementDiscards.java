package io.accord.settlement.statement;

import io.accord.platform.problem.ConflictException;
import io.accord.settlement.adjustment.DisputeAdjustments;
import io.accord.settlement.period.SettlementPeriods;
import io.accord.settlement.product.PartnerProducts;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Discarding a wrong statement, inside {@link Statements#discard}'s transaction, and the order drafting keeps after
 * one: a statement builds on those of the partner's periods before it (late product charges and ends, a split calendar
 * period's guarantee), so only the partner's latest statement is discarded, a period whose statement was discarded
 * is drafted again before any later one, and statements are issued in period order (a later one stays unissued while
 * an earlier one is a draft, which can then still be discarded).
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
     * has a statement, saying what works instead: {@link #correction}) and releases what its drafting reserved: the
     * dispute adjustments it carried are pending again, the late product charges and product-end adjustments it
     * recorded are forgotten. Stores it.
     *
     * @return the dispute adjustments it released (pending again), for {@code StatementDiscarded}
     */
    List<DisputeAdjustments.Adjustment> discard(Statement statement, String reason, String by) {
        Statement.State was = statement.state();
        statement.discard(by, reason.strip(), clock.instant());
        if (!later(statement).isEmpty()) {
            throw new ConflictException("Statement " + statement.id() + " is not discarded: the partner's later "
                    + "periods have statements drafted after it and built on it (late product charges and ends, a "
                    + "split calendar period's guarantee); " + correction(statement, was));
        }
        List<DisputeAdjustments.Adjustment> released = adjustments.release(statement.id());
        products.released(statement.partnerId(), statement.id());
        store.update(statement, null);
        return released;
    }

    /**
     * What corrects the partner's wrong DRAFT or APPROVED statement (in {@code state}), for the 409s refusing
     * something else: discarding it once no later period of the partner has a statement; discarding those later
     * statements first, newest first, while they are all drafts (DRAFT or APPROVED); once one of them is issued
     * (statements issued out of period order before issuing kept it), issuing this one and correcting it with a note.
     */
    String correction(Statement statement, Statement.State state) {
        List<Statement> later = later(statement);
        if (later.isEmpty()) {
            return "discard it (POST /api/settlement/statements/" + statement.id() + "/discard, with a reason): the "
                    + "next run drafts its period afresh";
        }
        String toIssue = state == Statement.State.APPROVED ? "issue it" : "approve and issue it";
        return later.stream().filter(next -> next.state().issued()).findFirst()
                .map(issued -> "the partner's later statement " + issued.documentNumber() + " (" + issued.id()
                        + ", period " + issued.periodId() + ") is already " + issued.state() + " and built on it, so "
                        + "it can no longer be discarded: " + toIssue + ", then correct it with a credit or debit "
                        + "note")
                .orElseGet(() -> "discard " + later.stream().map(next -> "statement " + next.id() + " (period "
                                + next.periodId() + ", " + next.state() + ")")
                        .collect(java.util.stream.Collectors.joining(", then ")) + " first, newest first, then this "
                        + "one; the next run drafts the periods afresh, oldest first");
    }

    /**
     * 409 when an earlier period of the partner than the statement's has a statement not issued yet (DRAFT or
     * APPROVED): statements are issued in period order, so that an earlier one found wrong can still be discarded
     * (after the later drafts, newest first) rather than being stuck behind an issued later one.
     */
    void requireEarlierIssued(Statement statement) {
        List<SettlementPeriods.Period> own = periods.ofPartner(statement.partnerId());
        Instant start = startOf(own, statement.periodId());
        List<SettlementPeriods.Period> earlier = own.stream().filter(period -> period.startAt().isBefore(start))
                .sorted(Comparator.comparing(SettlementPeriods.Period::startAt)).toList();
        Map<UUID, SettlementPeriods.Period> byId = earlier.stream()
                .collect(Collectors.toMap(SettlementPeriods.Period::id, period -> period));
        store.ofPeriods(statement.partnerId(), earlier.stream().map(SettlementPeriods.Period::id).toList()).stream()
                .filter(candidate -> !candidate.state().issued())
                .min(Comparator.comparing(candidate -> byId.get(candidate.periodId()).startAt()))
                .ifPresent(unissued -> {
                    SettlementPeriods.Period period = byId.get(unissued.periodId());
                    throw new ConflictException("Cannot issue statement " + statement.id() + ": the partner's "
                            + "earlier period " + period.id() + " (" + period.startAt() + " to " + period.endAt()
                            + ") has statement " + unissued.id() + ", still " + unissued.state() + ": issue or "
                            + "discard it first (statements are issued in period order)");
                });
    }

    /** The partner's statements (not discarded) of periods after the statement's, the newest period first. */
    private List<Statement> later(Statement statement) {
        List<SettlementPeriods.Period> own = periods.ofPartner(statement.partnerId());
        Instant start = startOf(own, statement.periodId());
        Map<UUID, Instant> later = own.stream().filter(candidate -> candidate.startAt().isAfter(start))
                .collect(Collectors.toMap(SettlementPeriods.Period::id, SettlementPeriods.Period::startAt));
        return store.ofPeriods(statement.partnerId(), List.copyOf(later.keySet())).stream()
                .sorted(Comparator.comparing((Statement next) -> later.get(next.periodId())).reversed()).toList();
    }

    private static Instant startOf(List<SettlementPeriods.Period> own, UUID periodId) {
        return own.stream().filter(candidate -> candidate.id().equals(periodId)).findFirst().orElseThrow()
                .startAt();
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
