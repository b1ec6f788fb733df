package io.accord.settlement.reconciliation;

import io.accord.settlement.period.PeriodState;
import io.accord.settlement.period.SettlementPeriods;
import io.accord.settlement.usage.UsageSums;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * "Our side" of a usage match: the rated records the statement of the invoice's period billed (basis
 * {@link Basis#STATEMENT}): those of its own window it took, not those of its window that came after it was drafted
 * (they go on a later statement as late usage), and the late records of earlier periods it carried as prior-period
 * lines. Read from rating's export for the period window and for the windows of its late records, up to the highest
 * sequence number its sums took, then narrowed by what settlement placed elsewhere ({@link UsageMatcher.Statement}).
 * While the period is OPEN (no statement took its usage yet), or when its sums were added before V70 (which kept no
 * sequence numbers), ours is every record of the period window (basis {@link Basis#PERIOD_WINDOW}, as before).
 */
@Component
class OurUsage {

    /** Rating's export answers at most this much usage time at once. */
    static final Duration MAX_WINDOW = Duration.ofDays(366);

    enum Basis { STATEMENT, PERIOD_WINDOW }

    /**
     * What a match reads as ours.
     *
     * @param toSequence  STATEMENT: the highest rated sequence number the period's sums took (0: none, so nothing is
     *                    ours); {@code null} for PERIOD_WINDOW
     * @param lateWindows STATEMENT: the usage time windows of the late records placed in the period
     */
    record Source(Basis basis, UUID partnerId, UUID periodId, Instant from, Instant to, Long toSequence,
                  List<UsageSums.Window> lateWindows) {
    }

    private final UsageSums sums;
    private final RatingExport rating;

    OurUsage(UsageSums sums, RatingExport rating) {
        this.sums = sums;
        this.rating = rating;
    }

    /** What ours is for a match of the partner's invoice of {@code period}, from the stored sums and placements. */
    Source source(UUID partnerId, SettlementPeriods.Period period) {
        if (period.state() != PeriodState.OPEN) {
            var billed = sums.billed(partnerId, period.id());
            if (billed.isPresent()) {
                return new Source(Basis.STATEMENT, partnerId, period.id(), period.startAt(), period.endAt(),
                        billed.get().toSequence(), billed.get().lateWindows());
            }
        }
        return new Source(Basis.PERIOD_WINDOW, partnerId, period.id(), period.startAt(), period.endAt(), null,
                List.of());
    }

    /**
     * Opens our side: the export of each window in turn (each called when the one before it has been read) and, for
     * a STATEMENT, the placements that narrow it, read with a cursor (inside the caller's transaction).
     */
    Side open(Source source, String bearerToken, String correlationId, int fetchSize) {
        List<UsageSums.Window> windows = new ArrayList<>();
        if (source.basis() == Basis.PERIOD_WINDOW) {
            windows.add(new UsageSums.Window(source.from(), source.to()));
            return new Side(source, windows, null, bearerToken, correlationId);
        }
        if (source.toSequence() > 0) {
            windows.addAll(source.lateWindows());
            windows.add(new UsageSums.Window(source.from(), source.to()));
        }
        Stream<UsageSums.Placed> placed = sums.placedOutside(source.partnerId(), source.periodId(), fetchSize);
        return new Side(source, windows, placed, bearerToken, correlationId);
    }

    /** The windows cut to what rating's export answers at once, in order. */
    static List<UsageSums.Window> exportable(List<UsageSums.Window> windows) {
        List<UsageSums.Window> cut = new ArrayList<>();
        for (UsageSums.Window window : windows) {
            Instant from = window.from();
            while (from.plus(MAX_WINDOW).isBefore(window.to())) {
                cut.add(new UsageSums.Window(from, from.plus(MAX_WINDOW)));
                from = from.plus(MAX_WINDOW);
            }
            cut.add(new UsageSums.Window(from, window.to()));
        }
        return cut;
    }

    /** Our records, one export after the other, and what narrows them; close it to release both. */
    final class Side implements Iterator<UsageMatcher.Record>, AutoCloseable {

        private final Source source;
        private final Iterator<UsageSums.Window> windows;
        private final Stream<UsageSums.Placed> placed;
        private final String bearerToken;
        private final String correlationId;
        private RatingExport.Records current;

        private Side(Source source, List<UsageSums.Window> windows, Stream<UsageSums.Placed> placed,
                     String bearerToken, String correlationId) {
            this.source = source;
            this.windows = exportable(windows).iterator();
            this.placed = placed;
            this.bearerToken = bearerToken;
            this.correlationId = correlationId;
        }

        /** For a STATEMENT, which of the records it billed; {@code null} for PERIOD_WINDOW (all of them). */
        UsageMatcher.Statement statement() {
            return placed == null ? null : new UsageMatcher.Statement(source.from(), source.to(), placed.iterator());
        }

        @Override
        public boolean hasNext() {
            while (current == null || !current.hasNext()) {
                if (current != null) {
                    current.close();
                    current = null;
                }
                if (!windows.hasNext()) {
                    return false;
                }
                UsageSums.Window window = windows.next();
                current = rating.records(source.partnerId(), window.from(), window.to(), source.toSequence(),
                        bearerToken, correlationId);
            }
            return true;
        }

        @Override
        public UsageMatcher.Record next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }

        @Override
        public void close() {
            try {
                if (current != null) {
                    current.close();
                }
            } finally {
                if (placed != null) {
                    placed.close();
                }
            }
        }
    }
}
