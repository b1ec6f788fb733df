package io.accord.settlement.period;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where usage lands: in the period that contains its instant while that period is OPEN; otherwise (the period is
 * CLOSING or CLOSED, or the instant is before the partner's first period) in the next OPEN period after it, as a
 * prior-period adjustment. Nothing when no period covers the instant and none is open after it.
 */
final class LateUsage {

    private LateUsage() {
    }

    static Optional<SettlementPeriods.Placement> place(List<SettlementPeriods.Period> periods, Instant usage) {
        List<SettlementPeriods.Period> ordered = periods.stream()
                .sorted(Comparator.comparing(SettlementPeriods.Period::startAt)).toList();
        Optional<SettlementPeriods.Period> containing = ordered.stream()
                .filter(period -> !usage.isBefore(period.startAt()) && usage.isBefore(period.endAt())).findFirst();
        if (containing.isPresent() && containing.get().state() == PeriodState.OPEN) {
            return Optional.of(new SettlementPeriods.Placement(containing.get(), false, null));
        }
        if (containing.isEmpty() && (ordered.isEmpty() || !usage.isBefore(ordered.getFirst().startAt()))) {
            return Optional.empty();
        }
        Instant after = containing.map(SettlementPeriods.Period::endAt).orElse(usage);
        java.util.UUID usagePeriod = containing.map(SettlementPeriods.Period::id).orElse(null);
        return ordered.stream().filter(period -> period.state() == PeriodState.OPEN)
                .filter(period -> !period.startAt().isBefore(after))
                .findFirst()
                .map(open -> new SettlementPeriods.Placement(open, true, usagePeriod));
    }
}
