package io.accord.settlement.reconciliation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Line-level matching of a partner's invoice against our statement (plain Java, no Spring). Lines of either side with
 * the same key (the chosen {@link Key}s) are summed and compared: equal amounts MATCHED; a difference within the
 * tolerance, {@code |difference| ≤ max(absolute, percent % × |our amount|)}, WITHIN_TOLERANCE; else MISMATCH. A key
 * on one side only is MISSING_ON_INVOICE or MISSING_ON_STATEMENT, beyond tolerance when its amount is (our amount
 * counting as zero on the statement's side). Amounts are at the currency's minor unit, so the tolerance is cut
 * (rounded DOWN, the one rounding here) to the minor unit without changing any verdict.
 *
 * <p>The {@link Key#SIDE} key keeps the two supplies apart: the partner's to us (revenue share, {@link #REVENUE_SHARE})
 * and ours to it (wholesale, {@link #WHOLESALE}). Without it a partner's revenue share was netted against our
 * wholesale line of the same offering and usage type (a partner that also buys an offering: its one-time share
 * 99.47 compared with share and wholesale summed, −42.63), so it is one of the default keys.
 *
 * <p>Our side is the statement as our issued credit and debit notes corrected it: a note line naming a statement line
 * sums into that line's key ({@link Line#fromNote}, listed apart from the statement's own lines), so an invoice with
 * the corrected figure matches and one ignoring the note does not.
 */
final class LineMatching {

    /** What a line's key is made of. */
    enum Key { OFFERING, USAGE_TYPE, PERIOD, REFERENCE, SIDE }

    enum Outcome { MATCHED, WITHIN_TOLERANCE, MISMATCH, MISSING_ON_INVOICE, MISSING_ON_STATEMENT }

    static final Set<Key> DEFAULT_KEYS = Set.of(Key.OFFERING, Key.USAGE_TYPE, Key.PERIOD, Key.SIDE);

    /** The period key of a line of the reconciled period, and of a line about an earlier period. */
    static final String CURRENT = "CURRENT";
    static final String PRIOR = "PRIOR";

    /** The side of a line about the partner's supply to us (revenue share) and of one about ours to it (wholesale). */
    static final String REVENUE_SHARE = "REVENUE_SHARE";
    static final String WHOLESALE = "WHOLESALE";
    static final List<String> SIDES = List.of(REVENUE_SHARE, WHOLESALE);

    private LineMatching() {
    }

    /**
     * One line of either side; {@code id} is our statement line id, our issued note's line id ({@code fromNote}) or
     * the invoice's line number, {@code side} {@link #REVENUE_SHARE} or {@link #WHOLESALE}.
     */
    record Line(String id, String offeringId, String usageType, String period, String reference, BigDecimal amount,
                String side, boolean fromNote) {

        Line(String id, String offeringId, String usageType, String period, String reference, BigDecimal amount,
             String side) {
            this(id, offeringId, usageType, period, reference, amount, side, false);
        }

        /** A line whose side is read from its amount's sign ({@link #sideOf}). */
        Line(String id, String offeringId, String usageType, String period, String reference, BigDecimal amount) {
            this(id, offeringId, usageType, period, reference, amount, sideOf(null, amount));
        }
    }

    /**
     * The side of a line: the one stated, else by the statement's sign convention, positive (we pay the partner) the
     * revenue share, negative (the partner owes us) wholesale.
     */
    static String sideOf(String stated, BigDecimal amount) {
        if (stated != null) {
            return stated;
        }
        return amount.signum() < 0 ? WHOLESALE : REVENUE_SHARE;
    }

    record Tolerance(BigDecimal absolute, BigDecimal percent) {

        /** The largest tolerated difference for {@code ours}, cut to the minor unit. */
        BigDecimal limitFor(BigDecimal ours, int minorDigits) {
            BigDecimal relative = percent.multiply(ours.abs()).movePointLeft(2);
            return absolute.max(relative).setScale(minorDigits, RoundingMode.DOWN);
        }
    }

    /**
     * One compared key.
     *
     * @param statementLineIds our statement lines summed into it (empty when missing on the statement, or when
     *                         only lines of our notes are)
     * @param invoiceLineIds   the invoice lines summed into it (empty when missing on the invoice)
     * @param ours             {@code null} when missing on the statement
     * @param theirs           {@code null} when missing on the invoice
     * @param difference       theirs − ours, a missing side counting as zero
     * @param side             the key's side ({@link #REVENUE_SHARE} or {@link #WHOLESALE}), {@code null} when the
     *                         keys do not use it
     * @param noteLineIds      the lines of our issued credit and debit notes summed into {@code ours}
     *                         ({@code <note id>-<line number>})
     */
    record Result(Outcome outcome, boolean beyondTolerance, String offeringId, String usageType, String period,
                  String reference, List<String> statementLineIds, List<String> invoiceLineIds, BigDecimal ours,
                  BigDecimal theirs, BigDecimal difference, BigDecimal tolerance, String side,
                  List<String> noteLineIds) {

        /**
         * What the compared key is about, whichever invoice was reconciled: {@code
         * <statementId>/<offering>/<usageType>/<period>/<side>/<reference>}, {@code *} for a part the keys do not
         * use (or a blank one), each part URL-encoded. Two reconciliations of one statement name the same
         * difference by the same identity, also when the partner submitted a new invoice for it.
         */
        String discrepancyKey(java.util.UUID statementId) {
            return String.join("/", statementId.toString(), part(offeringId), part(usageType), part(period),
                    part(side), part(reference));
        }

        private static String part(String value) {
            return value == null || value.isBlank() ? "*" : java.net.URLEncoder.encode(value,
                    java.nio.charset.StandardCharsets.UTF_8).replace("*", "%2A");
        }
    }

    static List<Result> match(List<Line> ours, List<Line> theirs, Set<Key> keys, Tolerance tolerance,
                              String currency) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("keys: at least one matching key");
        }
        int digits = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        Map<List<String>, Side> sides = new LinkedHashMap<>();
        for (Line line : ours) {
            sides.computeIfAbsent(key(line, keys), k -> new Side()).addOurs(line);
        }
        for (Line line : theirs) {
            sides.computeIfAbsent(key(line, keys), k -> new Side()).addTheirs(line);
        }
        List<Result> results = new ArrayList<>(sides.size());
        sides.forEach((key, side) -> results.add(compare(key, side, tolerance, digits)));
        return results;
    }

    private static Result compare(List<String> key, Side side, Tolerance tolerance, int digits) {
        BigDecimal ours = side.ours;
        BigDecimal theirs = side.theirs;
        BigDecimal limit = tolerance.limitFor(ours == null ? BigDecimal.ZERO : ours, digits);
        BigDecimal difference = (theirs == null ? BigDecimal.ZERO : theirs)
                .subtract(ours == null ? BigDecimal.ZERO : ours);
        boolean beyond = difference.abs().compareTo(limit) > 0;
        Outcome outcome;
        if (ours == null) {
            outcome = Outcome.MISSING_ON_STATEMENT;
        } else if (theirs == null) {
            outcome = Outcome.MISSING_ON_INVOICE;
        } else if (difference.signum() == 0) {
            outcome = Outcome.MATCHED;
        } else {
            outcome = beyond ? Outcome.MISMATCH : Outcome.WITHIN_TOLERANCE;
        }
        return new Result(outcome, beyond, key.get(0), key.get(1), key.get(2), key.get(3),
                List.copyOf(side.ourIds), List.copyOf(side.theirIds), ours, theirs, difference, limit, key.get(4),
                List.copyOf(side.noteIds));
    }

    /** The key's five parts, {@code null} for a part not chosen (so lines differing only there share the key). */
    private static List<String> key(Line line, Set<Key> keys) {
        List<String> key = new ArrayList<>(5);
        key.add(keys.contains(Key.OFFERING) ? blankToNull(line.offeringId()) : null);
        key.add(keys.contains(Key.USAGE_TYPE) ? blankToNull(line.usageType()) : null);
        key.add(keys.contains(Key.PERIOD) ? line.period() : null);
        key.add(keys.contains(Key.REFERENCE) ? blankToNull(line.reference()) : null);
        key.add(keys.contains(Key.SIDE) ? line.side() : null);
        return key;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static final class Side {
        private BigDecimal ours;
        private BigDecimal theirs;
        private final List<String> ourIds = new ArrayList<>();
        private final List<String> theirIds = new ArrayList<>();
        private final List<String> noteIds = new ArrayList<>();

        void addOurs(Line line) {
            ours = ours == null ? line.amount() : ours.add(line.amount());
            (line.fromNote() ? noteIds : ourIds).add(line.id());
        }

        void addTheirs(Line line) {
            theirs = theirs == null ? line.amount() : theirs.add(line.amount());
            theirIds.add(line.id());
        }
    }
}
