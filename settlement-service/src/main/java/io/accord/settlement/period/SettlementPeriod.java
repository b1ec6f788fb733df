package io.accord.settlement.period;

import io.accord.platform.problem.ConflictException;

import java.time.Instant;
import java.util.UUID;

/**
 * A partner's settlement period [start, end) in UTC and its lifecycle, with guarded transitions: OPEN → CLOSING once
 * it has ended (a run starts closing it) → CLOSED. While OPEN, finance may close it early: its end becomes now.
 */
final class SettlementPeriod {

    private final UUID id;
    private final UUID partnerId;
    private final String agreementId;
    private final String cycle;
    private final Instant startAt;
    private Instant endAt;
    private PeriodState state;
    private Instant closedEarlyAt;
    private String closedEarlyBy;
    private Instant closingAt;
    private Instant closedAt;
    private final long version;
    private final Instant createdAt;

    SettlementPeriod(UUID id, UUID partnerId, String agreementId, String cycle, Instant startAt, Instant endAt,
                     PeriodState state, Instant closedEarlyAt, String closedEarlyBy, Instant closingAt,
                     Instant closedAt, long version, Instant createdAt) {
        this.id = id;
        this.partnerId = partnerId;
        this.agreementId = agreementId;
        this.cycle = cycle;
        this.startAt = startAt;
        this.endAt = endAt;
        this.state = state;
        this.closedEarlyAt = closedEarlyAt;
        this.closedEarlyBy = closedEarlyBy;
        this.closingAt = closingAt;
        this.closedAt = closedAt;
        this.version = version;
        this.createdAt = createdAt;
    }

    static SettlementPeriod open(UUID partnerId, String agreementId, String cycle, Instant startAt, Instant endAt,
                                 Instant now) {
        PeriodCalendar.months(cycle);
        if (!endAt.isAfter(startAt)) {
            throw new IllegalArgumentException("a period ends after it starts: " + startAt + " – " + endAt);
        }
        return new SettlementPeriod(UUID.randomUUID(), partnerId, agreementId, cycle, startAt, endAt, PeriodState.OPEN,
                null, null, null, null, 0, now);
    }

    /**
     * Finance closes the current period early: its end becomes {@code now}. It must be OPEN and {@code now} within
     * it. Returns its former end, where the next period (starting now) ends.
     */
    Instant closeEarly(Instant now, String by) {
        requireState(PeriodState.OPEN, "close early");
        if (!now.isAfter(startAt) || !now.isBefore(endAt)) {
            throw new ConflictException("Period " + id + " (" + startAt + " – " + endAt + ") is not the current one at "
                    + now + ": only the current period can be closed early");
        }
        Instant formerEnd = endAt;
        endAt = now;
        closedEarlyAt = now;
        closedEarlyBy = by;
        return formerEnd;
    }

    /** A run starts closing the period; it must be OPEN and over. */
    void startClosing(Instant now) {
        requireState(PeriodState.OPEN, "start closing");
        if (now.isBefore(endAt)) {
            throw new ConflictException("Period " + id + " ends at " + endAt + ": it cannot be closed before"
                    + " (close it early first)");
        }
        state = PeriodState.CLOSING;
        closingAt = now;
    }

    /** The run finished: the period is settled; usage that still falls into it is a prior-period adjustment. */
    void close(Instant now) {
        requireState(PeriodState.CLOSING, "close");
        state = PeriodState.CLOSED;
        closedAt = now;
    }

    boolean contains(Instant instant) {
        return !instant.isBefore(startAt) && instant.isBefore(endAt);
    }

    private void requireState(PeriodState required, String action) {
        if (state != required) {
            throw new ConflictException("Cannot " + action + " period " + id + ": it is " + state + ", not "
                    + required);
        }
    }

    SettlementPeriods.Period view() {
        return new SettlementPeriods.Period(id, partnerId, agreementId, cycle, startAt, endAt, state, closedEarlyAt,
                closedEarlyBy, closingAt, closedAt);
    }

    UUID id() {
        return id;
    }

    UUID partnerId() {
        return partnerId;
    }

    String agreementId() {
        return agreementId;
    }

    String cycle() {
        return cycle;
    }

    Instant startAt() {
        return startAt;
    }

    Instant endAt() {
        return endAt;
    }

    PeriodState state() {
        return state;
    }

    Instant closedEarlyAt() {
        return closedEarlyAt;
    }

    String closedEarlyBy() {
        return closedEarlyBy;
    }

    Instant closingAt() {
        return closingAt;
    }

    Instant closedAt() {
        return closedAt;
    }

    long version() {
        return version;
    }

    Instant createdAt() {
        return createdAt;
    }
}
