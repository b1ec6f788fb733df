package io.accord.dispute.dispute;

import io.accord.dispute.document.DisputableDocuments;
import io.accord.platform.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Keeps what disputes move on a statement within it ({@link CreditLimit}): a partner's dispute is opened for at most
 * what its lines (or the statement) have left after resolved disputes, and a proposal or acceptance moves at most what
 * is left after resolved disputes and the other pending proposals. A pending proposal holds its amount, so the check
 * that matters is made at the proposal, under the statement's row lock: two proposals on one statement are checked one
 * after the other, and whatever order they are accepted in, they fit. The acceptance checks again, against resolved
 * disputes only (proposals made before the limit existed: first accepted, first served); the opening reads without the
 * lock, since an opening moves no money.
 *
 * <p>What disputes holding the same reconciliation discrepancy of a statement move together stays within the
 * discrepancy's amount, whichever invoice found it ({@link #requireWithinDiscrepancies}).
 *
 * <p>Only credits count, and only credits are bounded: a charge ({@code DEBIT_PARTNER}) moves money the other way.
 *
 * <p>Disputes opened from a reconciliation are not bounded by it (their amount is the partner's invoice against our
 * statement, which may rightly exceed a line: usage missing on the statement), but what they move counts against the
 * others.
 */
@Component
class CreditLimits {

    static final String EXCEEDS_LINE = "amount-exceeds-line";
    static final String EXCEEDS_REMAINING = "adjustment-exceeds-remaining";
    static final String EXCEEDS_DISCREPANCY = "adjustment-exceeds-discrepancy";

    private final DisputeRepository disputes;
    private final DisputableDocuments documents;

    CreditLimits(DisputeRepository disputes, DisputableDocuments documents) {
        this.disputes = disputes;
        this.documents = documents;
    }

    /** At opening: {@code amount} within the named lines (or the statement), less what resolved disputes moved. */
    void requireWithinOpening(BigDecimal amount, List<Dispute.Item> items, DisputableDocuments.Statement statement) {
        CreditLimit.Limit limit = limit(items, statement, credits(statement.statementId(), null, false));
        if (!limit.allows(amount)) {
            throw refusal(HttpStatus.UNPROCESSABLE_CONTENT, EXCEEDS_LINE, "disputedAmount.value",
                    "The disputed amount " + amount.toPlainString(), limit, statement);
        }
    }

    /**
     * At opening, each statement line's own disputed amount ({@link Dispute.Item#disputedAmount}) within what remains
     * of that line after resolved disputes (a credit split by line counts on its line only, one not split counts up to
     * the line's amount): 422 {@value #EXCEEDS_LINE} naming the line ({@code lineId}) and its field
     * ({@code fieldOf}: the request's field of the line's amount).
     */
    void requireLinesWithinOpening(List<Dispute.Item> items, DisputableDocuments.Statement statement,
                                   java.util.function.Function<String, String> fieldOf) {
        List<Dispute.Item> split = items.stream().filter(item -> DisputeOpening.STATEMENT_LINE.equals(item.role())
                && item.disputedAmount() != null && item.amount() != null).toList();
        if (split.size() < 2) {
            return; // one line: the dispute's own amount was checked against it
        }
        List<CreditLimit.Credit> credits = credits(statement.statementId(), null, false);
        for (Dispute.Item line : split) {
            CreditLimit.Limit limit = CreditLimit.ofLines(List.of(new CreditLimit.Line(line.refId(),
                    line.amount().abs())), credits);
            if (!limit.allows(line.disputedAmount())) {
                ErrorResponseException refused = refusal(HttpStatus.UNPROCESSABLE_CONTENT, EXCEEDS_LINE,
                        fieldOf.apply(line.refId()) + ".value", "The amount " + line.disputedAmount()
                                .toPlainString() + " disputed on line " + line.refId(), limit, statement);
                refused.getBody().setProperty("lineId", line.refId());
                throw refused;
            }
        }
    }

    /**
     * A proposal of {@code dispute} (already given it) within what resolved disputes and the other pending proposals
     * left; 422 on the {@code amount} field.
     */
    void requireWithinProposal(Dispute dispute) {
        requireWithinDiscrepancies(dispute, true, HttpStatus.UNPROCESSABLE_CONTENT, "amount");
        require(dispute, true, HttpStatus.UNPROCESSABLE_CONTENT, "amount");
    }

    /**
     * The acceptance of {@code dispute}'s proposal (already resolved) within what resolved disputes left; 409. Other
     * pending proposals do not count here: each held its amount when made, and counting them again would let two
     * proposals made before the limit existed block each other for good.
     */
    void requireWithinAcceptance(Dispute dispute) {
        requireWithinDiscrepancies(dispute, false, HttpStatus.CONFLICT, null);
        require(dispute, false, HttpStatus.CONFLICT, null);
    }

    private void require(Dispute dispute, boolean pending, HttpStatus status, String field) {
        BigDecimal amount = credited(dispute);
        if (dispute.source != Dispute.Source.PARTNER || amount.signum() == 0 || dispute.statementId == null) {
            return;
        }
        disputes.lock(dispute.id);
        Optional<DisputableDocuments.Statement> statement = documents.statementForUpdate(dispute.statementId,
                dispute.partnerId);
        if (statement.isEmpty()) {
            return;
        }
        List<CreditLimit.Credit> credits = credits(dispute.statementId, dispute.id, pending);
        CreditLimit.Limit limit = limit(dispute.items, statement.get(), credits);
        if (!limit.allows(amount)) {
            ErrorResponseException refused = refusal(status, EXCEEDS_REMAINING, field, "The adjustment "
                    + amount.toPlainString(), limit, statement.get());
            refused.getBody().setProperty("disputeId", dispute.id.toString());
            throw refused;
        }
        requireSharesWithinLines(dispute, amount, statement.get(), credits, status, field);
    }

    /**
     * A dispute split by line ({@link Dispute#lineShares}) moves each line's share on that line only: each share
     * within what remains of its own line (a total within the lines together could still put more on one line than
     * it has left); refused naming the line ({@code lineId}).
     */
    private static void requireSharesWithinLines(Dispute dispute, BigDecimal amount,
                                                 DisputableDocuments.Statement statement,
                                                 List<CreditLimit.Credit> credits, HttpStatus status, String field) {
        List<CreditLimit.Line> lines = CreditLimit.lines(dispute.items);
        Map<String, BigDecimal> shares = dispute.lineShares(amount);
        if (lines.size() < 2 || shares.isEmpty()) {
            return;
        }
        for (CreditLimit.Line line : lines) {
            BigDecimal share = shares.getOrDefault(line.id(), BigDecimal.ZERO);
            CreditLimit.Limit limit = CreditLimit.ofLines(List.of(line), credits);
            if (!limit.allows(share)) {
                ErrorResponseException refused = refusal(status, EXCEEDS_REMAINING, field, "The adjustment's share "
                        + share.toPlainString() + " on line " + line.id() + " (of " + amount.toPlainString() + ")",
                        limit, statement);
                refused.getBody().setProperty("disputeId", dispute.id.toString());
                refused.getBody().setProperty("lineId", line.id());
                refused.getBody().setProperty("share", plain(share, statement.currency()));
                throw refused;
            }
        }
    }

    /**
     * A dispute holding reconciliation discrepancies moves at most what they amount to, less what the other disputes
     * holding the same discrepancies of the statement ({@link ReconciliationDiscrepancies.Key#overlaps}, whatever
     * invoice found them) moved and, with {@code pending}, propose to move: the same invoice sent under two numbers
     * once opened two disputes for one missing 3.00 line, and both were credited 3.00. Under the statement's row lock,
     * as the statement's own limit; a dispute that names no discrepancy is not bounded here.
     */
    private void requireWithinDiscrepancies(Dispute dispute, boolean pending, HttpStatus status, String field) {
        BigDecimal amount = credited(dispute);
        List<ReconciliationDiscrepancies.Held> held = ReconciliationDiscrepancies.held(dispute.items);
        if (amount.signum() == 0 || held.isEmpty() || dispute.statementId == null) {
            return;
        }
        disputes.lock(dispute.id);
        Optional<DisputableDocuments.Statement> statement = documents.statementForUpdate(dispute.statementId,
                dispute.partnerId);
        List<CreditLimit.Line> discrepancies = held.stream()
                .map(mine -> new CreditLimit.Line(mine.key().ref(), mine.amount())).toList();
        List<CreditLimit.Credit> credits = new ArrayList<>();
        for (Dispute other : disputes.crediting(dispute.statementId)) {
            if (other.id.equals(dispute.id) || other.proposal == null || other.proposal.debit()
                    || other.adjustmentId == null && !(pending && other.state == DisputeState.RESOLUTION_PROPOSED)) {
                continue;
            }
            List<ReconciliationDiscrepancies.Held> theirs = ReconciliationDiscrepancies.held(other.items);
            Set<String> shared = held.stream().filter(mine -> theirs.stream()
                            .anyMatch(their -> their.key().overlaps(mine.key())))
                    .map(mine -> mine.key().ref()).collect(Collectors.toSet());
            if (!shared.isEmpty()) {
                credits.add(new CreditLimit.Credit(other.id, other.proposal.amount(), shared,
                        other.adjustmentId == null));
            }
        }
        CreditLimit.Limit limit = CreditLimit.ofLines(discrepancies, credits);
        if (limit.allows(amount)) {
            return;
        }
        String currency = dispute.currency;
        String scope = limit.lines().size() == 1
                ? "statement discrepancy " + limit.lines().getFirst().id() + " of " + shown(limit.amount(), currency)
                : "statement discrepancies " + limit.lines().stream().map(line -> line.id() + " ("
                        + shown(line.amount(), currency) + ")").collect(Collectors.joining(", ")) + ", together "
                        + shown(limit.amount(), currency);
        String detail = "The adjustment " + amount.toPlainString() + " exceeds what remains of " + scope + ": "
                + shown(limit.credited(), currency) + " was already credited by " + limit.counted().stream()
                .map(counted -> "dispute " + counted.disputeId() + " (" + shown(counted.amount(), currency)
                        + (counted.pending() ? ", proposed" : "") + ")")
                .collect(Collectors.joining(", ")) + " on the same discrepancy, which leaves "
                + shown(limit.remaining(), currency);
        ProblemDetail problem = Problems.of(status, EXCEEDS_DISCREPANCY, detail);
        if (field != null) {
            problem.setProperty("field", field);
        }
        problem.setProperty("disputeId", dispute.id.toString());
        problem.setProperty("statementId", dispute.statementId);
        problem.setProperty("discrepancies", limit.lines().stream().map(line -> Map.of("id", line.id(), "amount",
                plain(line.amount(), currency))).toList());
        problem.setProperty("scopeAmount", plain(limit.amount(), currency));
        problem.setProperty("alreadyCredited", limit.counted().stream().map(counted -> Map.of(
                "disputeId", counted.disputeId().toString(), "amount", plain(counted.amount(), currency),
                "state", counted.pending() ? "resolutionProposed" : "resolved")).toList());
        problem.setProperty("remaining", plain(limit.remaining(), currency));
        statement.ifPresent(issued -> problem.setProperty("documentNumber", issued.documentNumber()));
        throw new ErrorResponseException(status, problem, null);
    }

    private static CreditLimit.Limit limit(List<Dispute.Item> items, DisputableDocuments.Statement statement,
                                           List<CreditLimit.Credit> credits) {
        List<CreditLimit.Line> lines = CreditLimit.lines(items);
        return lines.isEmpty() ? CreditLimit.ofStatement(statement.totalAmount(), credits)
                : CreditLimit.ofLines(lines, credits);
    }

    /**
     * What {@code dispute}'s proposal credits the partner: nothing for a charge ({@code DEBIT_PARTNER}), which takes no
     * credit headroom and is bounded only by the disputed amount (a debit once counted against the limits as if it
     * were a credit, so a charge used up the line for the partner's next claim).
     */
    private static BigDecimal credited(Dispute dispute) {
        return dispute.proposal == null || dispute.proposal.debit() ? BigDecimal.ZERO : dispute.proposal.amount();
    }

    /**
     * What the statement's other disputes credited (resolved) and, with {@code pending}, propose to credit; charges
     * ({@code DEBIT_PARTNER}) neither take nor give back headroom.
     */
    private List<CreditLimit.Credit> credits(String statementId, UUID excluding, boolean pending) {
        return disputes.crediting(statementId).stream()
                .filter(other -> !other.id.equals(excluding) && other.proposal != null && !other.proposal.debit())
                .filter(other -> other.adjustmentId != null
                        || pending && other.state == DisputeState.RESOLUTION_PROPOSED)
                .flatMap(other -> creditsOf(other).stream())
                .toList();
    }

    /**
     * What another dispute's proposal credits, by line when its lines each named their amount (its share of each,
     * {@link Dispute#lineShares}) and their own amounts are known, else once against every line it named (or the
     * statement, when a line's own amount is not known).
     */
    private static List<CreditLimit.Credit> creditsOf(Dispute other) {
        boolean pending = other.adjustmentId == null;
        Map<String, BigDecimal> shares = other.lineShares(other.proposal.amount());
        if (shares.isEmpty() || CreditLimit.scope(other.items).isEmpty()) {
            return List.of(new CreditLimit.Credit(other.id, other.proposal.amount(), CreditLimit.scope(other.items),
                    pending));
        }
        return shares.entrySet().stream().map(share -> new CreditLimit.Credit(other.id, share.getValue(),
                Set.of(share.getKey()), pending)).toList();
    }

    private static ErrorResponseException refusal(HttpStatus status, String slug, String field, String claim,
                                                  CreditLimit.Limit limit, DisputableDocuments.Statement statement) {
        String currency = statement.currency();
        // the detail says amounts as the statement prints them (10.86 EUR); the properties keep their full scale
        String scope = limit.lines().isEmpty()
                ? "the statement's total " + shown(limit.amount(), currency)
                : limit.lines().size() == 1
                ? "statement line " + limit.lines().getFirst().id() + " of " + shown(limit.amount(), currency)
                : "statement lines " + limit.lines().stream().map(line -> line.id() + " (" + shown(line.amount(),
                        currency) + ")").collect(Collectors.joining(", ")) + ", together "
                        + shown(limit.amount(), currency);
        String detail = limit.counted().isEmpty()
                ? claim + " exceeds " + scope
                : claim + " exceeds what remains of " + scope + ": " + shown(limit.credited(), currency)
                        + " was already credited by " + limit.counted().stream()
                        .map(counted -> "dispute " + counted.disputeId() + " (" + shown(counted.amount(), currency)
                                + (counted.pending() ? ", proposed" : "") + ")")
                        .collect(Collectors.joining(", ")) + ", which leaves " + shown(limit.remaining(), currency);
        ProblemDetail problem = Problems.of(status, slug, detail);
        if (field != null) {
            problem.setProperty("field", field);
        }
        problem.setProperty("statementId", statement.statementId());
        if (!limit.lines().isEmpty()) {
            problem.setProperty("lines", limit.lines().stream().map(line -> Map.of("id", line.id(), "amount",
                    plain(line.amount(), currency))).toList());
        }
        problem.setProperty("scopeAmount", plain(limit.amount(), currency));
        problem.setProperty("alreadyCredited", limit.counted().stream().map(counted -> Map.of(
                "disputeId", counted.disputeId().toString(), "amount", plain(counted.amount(), currency),
                "state", counted.pending() ? "resolutionProposed" : "resolved")).toList());
        problem.setProperty("remaining", plain(limit.remaining(), currency));
        problem.setProperty("limit", plain(limit.remaining(), currency));
        return new ErrorResponseException(status, problem, null);
    }

    /** An amount at the currency's minor unit with its code: {@code 10.86 EUR}. */
    private static String shown(BigDecimal amount, String currency) {
        int digits = Math.max(0, java.util.Currency.getInstance(currency).getDefaultFractionDigits());
        return amount.setScale(digits, java.math.RoundingMode.HALF_EVEN).toPlainString() + " " + currency;
    }

    private static String plain(BigDecimal amount, String currency) {
        return DisputeViews.plain(amount, currency);
    }
}
