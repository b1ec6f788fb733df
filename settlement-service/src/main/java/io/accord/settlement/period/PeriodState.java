package io.accord.settlement.period;

/** A settlement period's lifecycle: OPEN (collecting) → CLOSING (a run is closing it) → CLOSED (settled). */
public enum PeriodState {
    OPEN, CLOSING, CLOSED
}
