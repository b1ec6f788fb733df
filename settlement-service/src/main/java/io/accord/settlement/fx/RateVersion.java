package io.accord.settlement.fx;

import io.accord.platform.problem.ConflictException;

import java.time.Instant;
import java.util.UUID;

/**
 * One version of a pair's rate from one {@code validFrom}, with guarded transitions: PROPOSED → CONFIRMED (four-eyes:
 * never by whoever loaded or corrected it), PROPOSED/CONFIRMED → SUPERSEDED (when a correction of the pair and
 * {@code validFrom} is confirmed; kept, with who corrected it, when and why), PROPOSED → REJECTED (by a second
 * finance user, or withdrawn by whoever loaded or corrected it; kept, with who, when and why, never in force). Only a
 * CONFIRMED version converts.
 */
final class RateVersion {

    enum State { PROPOSED, CONFIRMED, SUPERSEDED, REJECTED }

    final FxRates.FxRate rate;
    /** The version this one corrects, {@code null} for a first load. */
    final UUID corrects;
    final String correctionReason;
    private State state;
    private String confirmedBy;
    private Instant confirmedAt;
    private UUID supersededByRate;
    private String supersededBy;
    private Instant supersededAt;
    private String supersessionReason;
    private String rejectedBy;
    private Instant rejectedAt;
    private String rejectionReason;

    private RateVersion(FxRates.FxRate rate, UUID corrects, String correctionReason, State state) {
        this.rate = rate;
        this.corrects = corrects;
        this.correctionReason = correctionReason;
        this.state = state;
    }

    /** A first load of the pair from its {@code validFrom}: proposed. */
    static RateVersion loaded(FxRates.FxRate rate) {
        return new RateVersion(rate, null, null, State.PROPOSED);
    }

    /** A correction of {@code corrected}, loaded by {@code rate.loadedBy()}: proposed, the corrected one in force. */
    static RateVersion correcting(RateVersion corrected, FxRates.FxRate rate, String reason) {
        if (corrected.state == State.SUPERSEDED) {
            throw new ConflictException("FX rate " + corrected.rate.id() + " is SUPERSEDED by "
                    + corrected.supersededByRate + ": correct the version in force");
        }
        if (corrected.state == State.REJECTED) {
            throw new ConflictException("FX rate " + corrected.rate.id() + " was REJECTED: "
                    + (corrected.corrects == null ? "load the pair's rate from " + corrected.rate.validFrom() + " anew"
                    : "correct the version in force"));
        }
        return new RateVersion(rate, corrected.rate.id(), reason, State.PROPOSED);
    }

    /** A version as stored. */
    static RateVersion restore(FxRates.FxRate rate, UUID corrects, String correctionReason, State state,
                               String confirmedBy, Instant confirmedAt, UUID supersededByRate, String supersededBy,
                               Instant supersededAt, String supersessionReason) {
        RateVersion version = new RateVersion(rate, corrects, correctionReason, state);
        version.confirmedBy = confirmedBy;
        version.confirmedAt = confirmedAt;
        version.supersededByRate = supersededByRate;
        version.supersededBy = supersededBy;
        version.supersededAt = supersededAt;
        version.supersessionReason = supersessionReason;
        return version;
    }

    /** A stored version's rejection, if it was rejected. */
    RateVersion withRejection(String by, Instant at, String reason) {
        rejectedBy = by;
        rejectedAt = at;
        rejectionReason = reason;
        return this;
    }

    /** A second finance user confirms the proposed version; whoever loaded or corrected it may not (409). */
    void confirm(String by, Instant at) {
        if (state != State.PROPOSED) {
            throw new ConflictException("Cannot confirm FX rate " + rate.id() + ": it is " + state
                    + ", not PROPOSED");
        }
        if (by == null || by.equals(rate.loadedBy())) {
            throw new ConflictException("FX rate " + rate.id() + " was " + (corrects == null ? "loaded" : "corrected")
                    + " by " + rate.loadedBy() + ": another finance user must confirm it (four-eyes)");
        }
        state = State.CONFIRMED;
        confirmedBy = by;
        confirmedAt = at;
    }

    /**
     * The proposed version is not to be confirmed: rejected by a second finance user, or withdrawn by whoever loaded
     * or corrected it (the same state; audited apart). 409 unless PROPOSED.
     *
     * @return whether it was withdrawn (by its loader or corrector) rather than rejected
     */
    boolean reject(String by, Instant at, String reason) {
        if (state != State.PROPOSED) {
            throw new ConflictException("Cannot reject FX rate " + rate.id() + ": it is " + state + ", not PROPOSED"
                    + (state == State.CONFIRMED ? " (a confirmed rate is corrected instead)" : ""));
        }
        if (by == null) {
            throw new ConflictException("FX rate " + rate.id() + " is rejected by a named finance user");
        }
        state = State.REJECTED;
        rejectedBy = by;
        rejectedAt = at;
        rejectionReason = reason;
        return by.equals(rate.loadedBy());
    }

    /** Replaced by the confirmed {@code correction}: kept, no longer converting. */
    void supersede(RateVersion correction, Instant at) {
        if (state == State.SUPERSEDED || state == State.REJECTED) {
            throw new ConflictException("FX rate " + rate.id() + " is already " + state);
        }
        state = State.SUPERSEDED;
        supersededByRate = correction.rate.id();
        supersededBy = correction.rate.loadedBy();
        supersededAt = at;
        supersessionReason = correction.correctionReason;
    }

    State state() { return state; }
    String confirmedBy() { return confirmedBy; }
    Instant confirmedAt() { return confirmedAt; }
    UUID supersededByRate() { return supersededByRate; }
    String supersededBy() { return supersededBy; }
    Instant supersededAt() { return supersededAt; }
    String supersessionReason() { return supersessionReason; }
    String rejectedBy() { return rejectedBy; }
    Instant rejectedAt() { return rejectedAt; }
    String rejectionReason() { return rejectionReason; }
}
