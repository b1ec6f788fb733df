package io.accord.settlement.note;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.accord.settlement.money.SettlementMath.atMinorUnit;

/**
 * How far notes may correct a statement (docs/settlement.md, "Credit and debit notes"). A note corrects a document;
 * it is not a way to pay or bill any amount at all: a 1,000,000.00 credit on a 30.65 statement, or a 50.00 credit
 * against a 10.86 line, was drafted, approved and issued before these ceilings.
 * <ul>
 *   <li>A credit note may not credit a statement line it names more than that line's amount (absolute: a
 *   receivable statement's lines are negative) less what earlier credit notes credited on that line, nor total more
 *   than the statement's total (absolute) less earlier credit notes' totals.</li>
 *   <li>A debit note adds what the partner owes (or takes back what we owe) and stays possible, but by the same
 *   measure: at most the line's (or the statement's) amount, plus what earlier credit notes credited on it (a debit
 *   may take back a wrong credit that was issued), less what earlier debit notes debited on it. Beyond that it is
 *   not a correction of this statement but a new charge, which belongs on a statement of its own.</li>
 * </ul>
 * Earlier notes count while DRAFT, APPROVED or ISSUED; a WITHDRAWN one never becomes a document and counts no more.
 * Lines of the same note naming the same statement line add up. Dispute adjustments about the statement that another
 * document carries ({@link Adjusted}: a line on a later statement) count as earlier notes of their direction do: a
 * 31.79 credit carried on the next statement left 564.04 of a 595.83 line to credit, not all of it. Plain logic, no
 * Spring.
 */
final class NoteCeilings {

    private NoteCeilings() {
    }

    /** The corrected statement: its signed rounded line amounts (line 1 first) and its signed total. */
    record Corrected(String documentNumber, String currency, List<BigDecimal> lines, BigDecimal total) {
    }

    /** An earlier note's part in a ceiling: on one statement line, or its total. */
    record Earlier(UUID id, String documentNumber, CorrectionNote.Type type, CorrectionNote.State state,
                   BigDecimal amount) {

        String describe(String currency) {
            return (documentNumber != null ? documentNumber : state.name().toLowerCase() + " " + id) + " "
                    + shown(amount, currency);
        }
    }

    /**
     * A dispute adjustment about the corrected statement that a later statement's line (or a note of another
     * statement) carries: it corrected this statement already.
     *
     * @param type                {@code CREDIT_NOTE} for a credit to the partner, {@code DEBIT_NOTE} for a debit
     * @param statementLineNumber the statement line it is about, {@code null} when that is not known (it then counts
     *                            toward the statement's total only)
     * @param lineAmount          its amount at the minor unit, as a line ceiling counts it
     * @param totalAmount         its amount with the tax the note would carry on it, as the total ceiling counts it
     * @param settledLineId       the document line that carries it ({@code <document id>-<n>})
     */
    record Adjusted(String adjustmentId, String disputeId, CorrectionNote.Type type, Integer statementLineNumber,
                    BigDecimal lineAmount, BigDecimal totalAmount, String settledLineId) {

        String describe(BigDecimal amount, String currency) {
            return "dispute " + disputeId + " adjustment " + adjustmentId + " " + shown(amount, currency)
                    + " (carried by " + settledLineId + ")";
        }
    }

    /** An adjustment's part in one ceiling. */
    record AdjustedPart(Adjusted adjustment, BigDecimal amount) {
    }

    /**
     * Why a note is refused.
     *
     * @param field               the request's field: {@code lines[i].amount} or {@code totalAmount}
     * @param statementLineNumber the statement line the ceiling is of, {@code null} for the statement's total
     * @param amount              what the note asks of that line (its lines naming it, added) or its total
     * @param statementAmount     the line's or the statement's amount, absolute
     * @param creditedAmount      for a debit note, what earlier credit notes gave on it (room to take back); else 0
     * @param takenAmount         what earlier notes of the same type took of it
     * @param remainingAmount     what may still be corrected (never below 0)
     * @param earlierNotes        the earlier notes counted, oldest first
     * @param earlierAdjustments  the dispute adjustments carried elsewhere that were counted (their part in it)
     */
    record Refusal(String field, Integer statementLineNumber, BigDecimal amount, BigDecimal statementAmount,
                   BigDecimal creditedAmount, BigDecimal takenAmount, BigDecimal remainingAmount,
                   List<Earlier> earlierNotes, List<AdjustedPart> earlierAdjustments, String detail) {
    }

    /**
     * The first ceiling the new note passes: its lines in order (each statement line it names), then its total.
     *
     * @param earlier the statement's earlier notes, oldest first (withdrawn ones are skipped here)
     */
    static Optional<Refusal> check(Corrected statement, List<CorrectionNote> earlier, CorrectionNote.Type type,
                                   List<CorrectionNote.Line> lines, BigDecimal total) {
        return check(statement, earlier, List.of(), type, lines, total);
    }

    /**
     * As {@link #check(Corrected, List, CorrectionNote.Type, List, BigDecimal)}, with the dispute adjustments about
     * the statement that other documents carry.
     */
    static Optional<Refusal> check(Corrected statement, List<CorrectionNote> earlier, List<Adjusted> adjusted,
                                   CorrectionNote.Type type, List<CorrectionNote.Line> lines, BigDecimal total) {
        List<CorrectionNote> counted = earlier.stream().filter(note -> note.state().counts()).toList();
        Map<Integer, BigDecimal> asked = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            Integer number = lines.get(i).statementLineNumber();
            if (number == null) {
                continue;
            }
            BigDecimal onLine = asked.merge(number, lines.get(i).amount(), BigDecimal::add);
            List<Earlier> parts = counted.stream().map(note -> onLine(note, number))
                    .filter(part -> part.amount().signum() > 0).toList();
            List<AdjustedPart> adjustedParts = adjusted.stream()
                    .filter(adjustment -> number.equals(adjustment.statementLineNumber()))
                    .map(adjustment -> new AdjustedPart(adjustment, adjustment.lineAmount())).toList();
            Optional<Refusal> refusal = ceiling("lines[" + i + "].amount", number, onLine,
                    statement.lines().get(number - 1).abs(), type, parts, adjustedParts, statement,
                    lines.get(i).amount());
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        List<Earlier> totals = counted.stream().map(note -> new Earlier(note.id, note.documentNumber(), note.type,
                note.state(), note.total)).toList();
        List<AdjustedPart> adjustedTotals = adjusted.stream()
                .map(adjustment -> new AdjustedPart(adjustment, adjustment.totalAmount())).toList();
        return ceiling("totalAmount", null, total, statement.total().abs(), type, totals, adjustedTotals, statement,
                total);
    }

    private static Optional<Refusal> ceiling(String field, Integer line, BigDecimal asked, BigDecimal of,
                                             CorrectionNote.Type type, List<Earlier> parts,
                                             List<AdjustedPart> adjusted, Corrected statement, BigDecimal ownAmount) {
        BigDecimal taken = sum(parts, type).add(sumAdjusted(adjusted, type));
        BigDecimal credited = type == CorrectionNote.Type.DEBIT_NOTE ? sum(parts, CorrectionNote.Type.CREDIT_NOTE)
                .add(sumAdjusted(adjusted, CorrectionNote.Type.CREDIT_NOTE)) : BigDecimal.ZERO;
        BigDecimal room = of.add(credited).subtract(taken);
        if (asked.compareTo(room) <= 0) {
            return Optional.empty();
        }
        List<Earlier> counted = parts.stream().filter(part -> part.type() == type
                || type == CorrectionNote.Type.DEBIT_NOTE).toList();
        List<AdjustedPart> countedAdjustments = adjusted.stream().filter(part -> part.adjustment().type() == type
                || type == CorrectionNote.Type.DEBIT_NOTE).toList();
        BigDecimal remaining = room.max(BigDecimal.ZERO);
        return Optional.of(new Refusal(field, line, asked, of, credited, taken, remaining, counted,
                countedAdjustments, detail(field, line, asked, of, credited, taken, remaining, type, parts,
                        adjusted, statement, ownAmount)));
    }

    private static String detail(String field, Integer line, BigDecimal asked, BigDecimal of, BigDecimal credited,
                                 BigDecimal taken, BigDecimal remaining, CorrectionNote.Type type,
                                 List<Earlier> parts, List<AdjustedPart> adjusted, Corrected statement,
                                 BigDecimal ownAmount) {
        String currency = statement.currency();
        boolean credit = type == CorrectionNote.Type.CREDIT_NOTE;
        String what = credit ? "credited" : "debited";
        StringBuilder detail = new StringBuilder(field).append(": ");
        if (line != null) {
            detail.append("a ").append(credit ? "credit" : "debit").append(" of ").append(shown(asked, currency))
                    .append(asked.compareTo(ownAmount) == 0 ? "" : " (with the note's other lines on it)")
                    .append(" on line ").append(line).append(" of statement ").append(statement.documentNumber())
                    .append(" exceeds what may still be ").append(what).append(" on it: the line is ")
                    .append(shown(of, currency));
        } else {
            detail.append("the ").append(credit ? "credit" : "debit").append(" note's total ")
                    .append(shown(asked, currency)).append(" (net plus tax) exceeds what may still be ").append(what)
                    .append(" on statement ").append(statement.documentNumber()).append(": its total is ")
                    .append(shown(of, currency));
        }
        if (!credit) {
            detail.append(", earlier credit notes").append(adjusted.isEmpty() ? "" : " and dispute adjustments")
                    .append(" credited ").append(shown(credited, currency))
                    .append(listed(parts, adjusted, CorrectionNote.Type.CREDIT_NOTE, currency));
        }
        detail.append(", earlier ").append(credit ? "credit" : "debit").append(" notes")
                .append(adjusted.isEmpty() ? "" : " and dispute adjustments").append(" took ")
                .append(shown(taken, currency)).append(listed(parts, adjusted, type, currency)).append(", ")
                .append(shown(remaining, currency)).append(" remains");
        return detail.toString();
    }

    private static String listed(List<Earlier> parts, List<AdjustedPart> adjusted, CorrectionNote.Type type,
                                 String currency) {
        String listed = java.util.stream.Stream.concat(
                        parts.stream().filter(part -> part.type() == type).map(part -> part.describe(currency)),
                        adjusted.stream().filter(part -> part.adjustment().type() == type)
                                .map(part -> part.adjustment().describe(part.amount(), currency)))
                .collect(Collectors.joining(", "));
        return listed.isEmpty() ? "" : " (" + listed + ")";
    }

    private static BigDecimal sumAdjusted(List<AdjustedPart> parts, CorrectionNote.Type type) {
        return parts.stream().filter(part -> part.adjustment().type() == type).map(AdjustedPart::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static Earlier onLine(CorrectionNote note, int number) {
        BigDecimal amount = note.lines.stream().filter(line -> Integer.valueOf(number)
                .equals(line.statementLineNumber())).map(CorrectionNote.Line::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Earlier(note.id, note.documentNumber(), note.type, note.state(), amount);
    }

    private static BigDecimal sum(List<Earlier> parts, CorrectionNote.Type type) {
        return parts.stream().filter(part -> part.type() == type).map(Earlier::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static String shown(BigDecimal amount, String currency) {
        return atMinorUnit(amount, currency).toPlainString() + " " + currency;
    }

}
