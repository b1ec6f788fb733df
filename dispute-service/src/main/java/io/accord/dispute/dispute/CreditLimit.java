package io.accord.dispute.dispute;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How much a dispute may still claim on a statement: the named lines' amounts (the statement's total when it names no
 * line whose amount is known) less what other disputes on the statement already moved or propose to move. The cap
 * was once per dispute, so one 10.86 line could be credited 10.86 again and again by successive disputes. Plain Java.
 *
 * <p>A credit whose dispute named what it disputed on each line comes split by line ({@link LineShares}: one credit
 * per line, counted on that line only). Otherwise it is only known by the lines its dispute named: one that named
 * several lines (or the whole statement) counts against each of them, up to their amount, since it may have gone to
 * any. That can refuse a claim that would in truth fit, never let one through that does not.
 */
final class CreditLimit {

    private CreditLimit() {
    }

    /** A disputed statement line and its amount (magnitude: a line owed by the partner bounds as much). */
    record Line(String id, BigDecimal amount) {
    }

    /**
     * Money a dispute moved (resolved) or proposes to move (a pending proposal).
     *
     * @param lines the statement lines it named; empty when it named none whose amount was known, the whole statement
     */
    record Credit(UUID disputeId, BigDecimal amount, Set<String> lines, boolean pending) {
    }

    /** How much of a credit counts against the limit. */
    record Counted(UUID disputeId, BigDecimal amount, boolean pending) {
    }

    /**
     * @param lines     the lines the limit is of; empty: the statement's total
     * @param amount    their amount (or the statement's total)
     * @param counted   what other disputes moved against it
     * @param remaining what is left to claim, never below zero
     */
    record Limit(List<Line> lines, BigDecimal amount, List<Counted> counted, BigDecimal remaining) {

        BigDecimal credited() {
            return counted.stream().map(Counted::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        boolean allows(BigDecimal claim) {
            return claim.compareTo(remaining) <= 0;
        }
    }

    /** The limit of a claim on {@code lines}: each credit counts up to the amount of the lines it shares with them. */
    static Limit ofLines(List<Line> lines, List<Credit> credits) {
        Map<String, BigDecimal> amounts = lines.stream().collect(Collectors.toMap(Line::id,
                line -> line.amount().abs(), (first, second) -> first));
        BigDecimal total = sum(amounts.values().stream().toList());
        // a credit split by line comes as one credit per line: counted once per dispute, their parts added up
        Map<UUID, Counted> counted = new java.util.LinkedHashMap<>();
        for (Credit credit : credits) {
            Set<String> shared = credit.lines().isEmpty() ? amounts.keySet() : credit.lines().stream()
                    .filter(amounts::containsKey).collect(Collectors.toSet());
            BigDecimal reach = sum(shared.stream().map(amounts::get).toList());
            BigDecimal amount = credit.amount().abs().min(reach);
            if (amount.signum() > 0) {
                counted.merge(credit.disputeId(), new Counted(credit.disputeId(), amount, credit.pending()),
                        (first, more) -> new Counted(first.disputeId(), first.amount().add(more.amount()),
                                first.pending()));
            }
        }
        return limit(lines, total, new ArrayList<>(counted.values()));
    }

    /** The limit of a claim on the whole statement: every credit on it counts in full. */
    static Limit ofStatement(BigDecimal total, List<Credit> credits) {
        Map<UUID, Counted> counted = new java.util.LinkedHashMap<>();
        credits.stream().filter(credit -> credit.amount().signum() != 0).forEach(credit -> counted.merge(
                credit.disputeId(), new Counted(credit.disputeId(), credit.amount().abs(), credit.pending()),
                (first, more) -> new Counted(first.disputeId(), first.amount().add(more.amount()), first.pending())));
        return limit(List.of(), total.abs(), new ArrayList<>(counted.values()));
    }

    private static Limit limit(List<Line> lines, BigDecimal amount, List<Counted> counted) {
        BigDecimal credited = sum(counted.stream().map(Counted::amount).toList());
        BigDecimal remaining = amount.subtract(credited).max(BigDecimal.ZERO.setScale(amount.scale()));
        return new Limit(List.copyOf(lines), amount, List.copyOf(counted), remaining);
    }

    private static BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The statement lines a dispute named, when their amounts were all known; empty: the whole statement. */
    static Set<String> scope(List<Dispute.Item> items) {
        List<Dispute.Item> lines = items.stream().filter(item -> DisputeOpening.STATEMENT_LINE.equals(item.role()))
                .toList();
        boolean known = !lines.isEmpty() && lines.stream().allMatch(line -> line.amount() != null);
        return known ? lines.stream().map(Dispute.Item::refId).collect(Collectors.toSet()) : Set.of();
    }

    /** The lines of {@link #scope} with their amounts. */
    static List<Line> lines(List<Dispute.Item> items) {
        Set<String> scope = scope(items);
        return items.stream().filter(item -> DisputeOpening.STATEMENT_LINE.equals(item.role())
                        && scope.contains(item.refId()))
                .collect(Collectors.toMap(Dispute.Item::refId, Function.identity(), (first, second) -> first,
                        java.util.LinkedHashMap::new))
                .values().stream().map(item -> new Line(item.refId(), item.amount().abs())).toList();
    }
}
