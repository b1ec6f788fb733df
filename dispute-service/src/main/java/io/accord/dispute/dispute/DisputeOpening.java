package io.accord.dispute.dispute;

import io.accord.contracts.events.ReconciliationDiscrepancyFound;
import io.accord.dispute.calendar.SlaPolicy;
import io.accord.dispute.document.DisputableDocuments;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.problem.Problems;
import io.accord.platform.security.Tenancy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Opens disputes: by a partner on its issued statement's lines (within the agreement's dispute window, for at most
 * what the lines, or the statement, have left after resolved disputes ({@link CreditLimits}), one open dispute per
 * line), or from a reconciliation's discrepancies.
 */
@Service
class DisputeOpening {

    static final String STATEMENT = "Statement";
    static final String STATEMENT_LINE = "StatementLine";
    static final String RECONCILIATION_ITEM = "ReconciliationItem";
    static final Set<String> ROLES = Set.of(STATEMENT, STATEMENT_LINE, "InvoiceLine", RECONCILIATION_ITEM,
            "UsageRecord");

    /** The {@code dispute.description} column's width. */
    private static final int MAX_DESCRIPTION = 4000;

    private static final Logger log = LoggerFactory.getLogger(DisputeOpening.class);

    private final DisputeRepository disputes;
    private final DisputableDocuments documents;
    private final SlaPolicy sla;
    private final DisputeNotifications notifications;
    private final CreditLimits limits;
    private final ReconciliationDiscrepancies discrepancies;
    private final DisputeThread thread;
    private final Tenancy tenancy;
    private final Clock clock;

    DisputeOpening(DisputeRepository disputes, DisputableDocuments documents, SlaPolicy sla,
                   DisputeNotifications notifications, CreditLimits limits, ReconciliationDiscrepancies discrepancies,
                   DisputeThread thread, Tenancy tenancy, Clock clock) {
        this.disputes = disputes;
        this.discrepancies = discrepancies;
        this.thread = thread;
        this.documents = documents;
        this.sla = sla;
        this.notifications = notifications;
        this.limits = limits;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    @Transactional
    Dispute open(DisputeResources.CreateTicket request) {
        if (!DisputeResources.TICKET_TYPE.equals(request.ticketType())) {
            throw new InvalidInputException("ticketType", "ticketType must be '" + DisputeResources.TICKET_TYPE
                    + "', not '" + request.ticketType() + "'");
        }
        Category category = category(request.category());
        UUID partner = tenancy.partnerId().orElseThrow(() -> new InvalidInputException("relatedParty",
                "A dispute is opened by a partner user (a token with partner_id)")).value();
        String currency = currency(request.disputedAmount().unit());
        BigDecimal amount = new BigDecimal(request.disputedAmount().value());
        if (amount.signum() <= 0) {
            throw new InvalidInputException("disputedAmount.value", "The disputed amount must be positive");
        }
        List<DisputeResources.RelatedEntity> related = request.relatedEntity();
        for (int i = 0; i < related.size(); i++) {
            if (!ROLES.contains(related.get(i).role())) {
                throw new InvalidInputException("relatedEntity[" + i + "].role", "role must be one of "
                        + ROLES.stream().sorted().toList() + ", not '" + related.get(i).role() + "'");
            }
        }
        List<String> statements = related.stream().filter(entity -> STATEMENT.equals(entity.role()))
                .map(DisputeResources.RelatedEntity::id).distinct().toList();
        if (statements.size() != 1) {
            throw new InvalidInputException("relatedEntity", "Name exactly one disputed document: a relatedEntity "
                    + "with role Statement and the statement's id");
        }
        DisputableDocuments.Statement statement = documents.statement(statements.getFirst(), partner)
                .orElseThrow(() -> unprocessable("unknown-document", "relatedEntity", "Statement "
                        + statements.getFirst() + " is not an issued statement of your partner account"));
        Instant now = clock.instant();
        requireWithinWindow(statement, partner, now);
        if (!statement.currency().equals(currency)) {
            throw unprocessable("currency-mismatch", "disputedAmount.unit", "Statement "
                    + statement.documentNumber() + " is in " + statement.currency() + ", not " + currency);
        }
        List<Dispute.Item> items = withDisputedAmounts(related, items(related, statement), amount, currency);
        requireKnownLines(items, statement);
        limits.requireWithinOpening(amount, items, statement);
        limits.requireLinesWithinOpening(items, statement, lineId -> field(related, lineId));
        for (Dispute.Item item : items) {
            if (!STATEMENT.equals(item.role())) {
                Optional<DisputeRepository.Claim> claim = disputes.openDisputeOn(partner, item.role(), item.refId());
                if (claim.isPresent()) {
                    throw alreadyDisputed(item, claim, partner);
                }
            }
        }
        requireNotCoveredByDiscrepancy(items, statement, partner);
        SlaPolicy.Deadlines deadlines = sla.deadlines(partner, category.name(), now);
        Dispute dispute = new Dispute(UUID.randomUUID(), partner, category, amount, currency, request.description(),
                statement.statementId(), Dispute.Source.PARTNER, null, items, tenancy.actor(), now,
                deadlines.firstResponseDue(), deadlines.resolutionDue());
        dispute.opened();
        disputes.insert(dispute);
        notifications.opened(dispute);
        return dispute;
    }

    /**
     * In the inbox's transaction: one dispute with an item per discrepancy line not disputed yet, for the absolute net
     * difference of those lines (Σ of invoice − statement, signed). It once summed each line's |difference|, so +26.90
     * against −11.55 and −15.35, on an invoice and a statement whose totals agree, disputed 53.80. A line is disputed
     * already when a statement line it covers has an open dispute, or when an open dispute holds the same discrepancy
     * of the statement, found from any partner invoice ({@link ReconciliationDiscrepancies.Key#overlaps}): running
     * the reconciliation again, with other matching keys, or of the same invoice sent again under another number,
     * once opened a dispute per run for one difference (and each was credited). The dispute holding it is told in
     * its thread (which reconciliation and invoice found it again, for how much); a different amount is not disputed
     * again (a dispute's amount cannot change; finance settles the open one on its merits). The statement lines a
     * discrepancy covers are held as items too, so no partner dispute is opened on them meanwhile: those settlement
     * names ({@code statementLineIds}, or the one {@code statementLineId}), else, for a line not missing on the
     * statement, the statement's lines of its offering, usage type, period and side. Empty, and logged why, when
     * every line is disputed already or the lines net to zero (the discrepancies stay on the reconciliation in
     * settlement: lines offsetting each other are a matching question, not money in dispute).
     */
    Optional<Dispute> fromDiscrepancy(ReconciliationDiscrepancyFound found, DiscrepancyDetails details) {
        documents.linesOf(found);
        UUID partner = UUID.fromString(found.partnerId());
        List<ReconciliationDiscrepancies.Claim> claims = discrepancies.open(partner, found.statementId());
        List<DisputableDocuments.Line> statementLines = documents.lines(found.statementId());
        List<Dispute.Item> items = new ArrayList<>();
        items.add(new Dispute.Item(STATEMENT, found.statementId(), null));
        BigDecimal net = BigDecimal.ZERO;
        List<String> disputed = new ArrayList<>();
        Set<String> identities = new HashSet<>();
        Set<String> lines = new HashSet<>();
        Map<UUID, List<String>> foundAgain = new LinkedHashMap<>();
        boolean allMissing = true;
        for (int i = 0; i < found.lines().size(); i++) {
            ReconciliationDiscrepancyFound.Discrepancy line = found.lines().get(i);
            DiscrepancyDetails.Line detail = details == null ? DiscrepancyDetails.Line.NONE : details.line(i);
            List<DisputableDocuments.Line> covered = ReconciliationDiscrepancies.covered(line, detail,
                    statementLines);
            Optional<String> taken = covered.stream().map(DisputableDocuments.Line::lineId)
                    .filter(id -> disputes.claimed(partner, STATEMENT_LINE, id)).findFirst();
            if (taken.isPresent()) {
                log.info("Statement line {} already has an open dispute; reconciliation {} adds none for it",
                        taken.get(), found.reconciliationId());
                continue;
            }
            BigDecimal difference = new BigDecimal(line.difference());
            ReconciliationDiscrepancies.Key key = ReconciliationDiscrepancies.Key.of(found, line, detail,
                    statementLines.stream().filter(ours -> ours.lineId().equals(line.statementLineId()))
                            .findFirst());
            Optional<ReconciliationDiscrepancies.Claim> claim = claims.stream()
                    .filter(held -> held.key().overlaps(key)).findFirst();
            if (claim.isPresent()) {
                ReconciliationDiscrepancies.Claim held = claim.get();
                boolean otherAmount = held.amount() != null && held.amount().compareTo(difference.abs()) != 0;
                log.info("Reconciliation {} of partner invoice {}: discrepancy {} ({} {}) is held by open dispute {} "
                                + "as {} for {}{}; it opens none for it", found.reconciliationId(),
                        found.partnerInvoiceNumber(), key.ref(), line.outcome(), difference.toPlainString(),
                        held.disputeId(), held.key().ref(), held.amount(),
                        otherAmount ? " (a different amount: the open dispute keeps its own)" : "");
                foundAgain.computeIfAbsent(held.disputeId(), id -> new ArrayList<>()).add(line.outcome() + " "
                        + label(line, i) + " " + signed(difference) + " " + found.currency()
                        + (otherAmount ? " (this dispute holds it for " + held.amount().stripTrailingZeros()
                        .toPlainString() + ")" : ""));
                continue;
            }
            net = net.add(difference);
            disputed.add(line.outcome() + " " + label(line, i) + " " + signed(difference));
            allMissing &= "MISSING_ON_STATEMENT".equals(line.outcome());
            items.add(new Dispute.Item(RECONCILIATION_ITEM, found.reconciliationId() + "#" + (i + 1),
                    difference.abs()));
            if (identities.add(key.ref())) {
                items.add(new Dispute.Item(ReconciliationDiscrepancies.ROLE, key.ref(), difference.abs()));
            }
            for (DisputableDocuments.Line ours : covered) {
                if (lines.add(ours.lineId())) {
                    items.add(new Dispute.Item(STATEMENT_LINE, ours.lineId(), ours.amount()));
                }
            }
        }
        noteFoundAgain(found, foundAgain);
        if (disputed.isEmpty()) {
            log.info("Reconciliation {} of statement {} opens no dispute: each of its lines is disputed already",
                    found.reconciliationId(), found.statementId());
            return Optional.empty();
        }
        if (net.signum() == 0) {
            log.info("Reconciliation {} of statement {} opens no dispute: its discrepancies net to zero ({})",
                    found.reconciliationId(), found.statementId(), String.join(", ", disputed));
            return Optional.empty();
        }
        Category category = allMissing ? Category.MISSING_USAGE : Category.OTHER;
        Instant now = clock.instant();
        SlaPolicy.Deadlines deadlines = sla.deadlines(partner, category.name(), now);
        Dispute dispute = new Dispute(UUID.randomUUID(), partner, category, net.abs(), found.currency(),
                description(found, disputed, net), found.statementId(), Dispute.Source.RECONCILIATION,
                found.reconciliationId(), items, Tenancy.SYSTEM_ACTOR, now, deadlines.firstResponseDue(),
                deadlines.resolutionDue());
        dispute.opened();
        disputes.insert(dispute);
        notifications.opened(dispute);
        return Optional.of(dispute);
    }

    /**
     * Tells each open dispute holding a discrepancy found again (in its thread, both sides see it) which
     * reconciliation and partner invoice found it, instead of opening another dispute for it.
     */
    private void noteFoundAgain(ReconciliationDiscrepancyFound found, Map<UUID, List<String>> foundAgain) {
        Instant now = clock.instant();
        foundAgain.forEach((dispute, lines) -> {
            String text = "Reconciliation " + found.reconciliationId() + " of partner invoice "
                    + found.partnerInvoiceNumber() + " against statement " + found.documentNumber()
                    + " found again what this dispute holds: " + String.join(", ", lines)
                    + ". No other dispute was opened for it.";
            thread.comment(dispute, Tenancy.SYSTEM_ACTOR, Dispute.STAFF, text.length() <= MAX_DESCRIPTION ? text
                    : text.substring(0, MAX_DESCRIPTION - 1) + "…", now);
        });
    }

    private static String signed(BigDecimal difference) {
        return (difference.signum() > 0 ? "+" : "") + difference.toPlainString();
    }

    /**
     * A partner's dispute on a statement line that an open reconciliation dispute holding no line items covers (by
     * offering and usage type: the discrepancy named no single line, and was opened before its lines were held, or
     * before the statement's lines were known): 409 naming it, as for a line held by another dispute.
     */
    private void requireNotCoveredByDiscrepancy(List<Dispute.Item> items, DisputableDocuments.Statement statement,
                                                UUID partner) {
        List<Dispute.Item> named = items.stream().filter(item -> STATEMENT_LINE.equals(item.role())).toList();
        if (named.isEmpty()) {
            return;
        }
        List<DisputableDocuments.Line> lines = documents.lines(statement.statementId());
        for (Dispute.Item item : named) {
            Optional<ReconciliationDiscrepancies.Claim> covering = lines.stream()
                    .filter(line -> line.lineId().equals(item.refId())).findFirst()
                    .flatMap(line -> discrepancies.covering(partner, statement.statementId(), line));
            if (covering.isPresent()) {
                ErrorResponseException refused = alreadyDisputed(item, Optional.of(new DisputeRepository.Claim(
                        covering.get().disputeId(), partner)), partner);
                refused.getBody().setDetail(item.role() + " " + item.refId() + " is covered by the open "
                        + "reconciliation dispute " + covering.get().disputeId() + " (discrepancy "
                        + covering.get().key().ref() + "): add to that one");
                throw refused;
            }
        }
    }

    /** Names the reconciliation and each disputed discrepancy, within the description's 4000 characters. */
    private static String description(ReconciliationDiscrepancyFound found, List<String> disputed, BigDecimal net) {
        StringBuilder text = new StringBuilder("Opened from reconciliation " + found.reconciliationId()
                + " of partner invoice " + found.partnerInvoiceNumber() + " against statement "
                + found.documentNumber() + ": " + disputed.size() + " line(s) beyond tolerance, total difference "
                + found.totalDifference() + " " + found.currency() + "; disputed: the net difference "
                + net.toPlainString() + " " + found.currency() + " of ");
        for (int i = 0; i < disputed.size(); i++) {
            String next = (i == 0 ? "" : ", ") + disputed.get(i);
            String rest = " and " + (disputed.size() - i) + " more";
            if (text.length() + next.length() + rest.length() > MAX_DESCRIPTION) {
                return text.append(rest).toString();
            }
            text.append(next);
        }
        return text.toString();
    }

    private static String label(ReconciliationDiscrepancyFound.Discrepancy line, int index) {
        return line.statementLineId() != null ? line.statementLineId()
                : line.reference() != null ? line.reference() : "#" + (index + 1);
    }

    private void requireWithinWindow(DisputableDocuments.Statement statement, UUID partner, Instant now) {
        int window = documents.windowDays(partner);
        Instant closes = statement.issuedAt().plus(window, ChronoUnit.DAYS);
        if (now.isAfter(closes)) {
            ErrorResponseException refused = unprocessable("dispute-window-closed", "relatedEntity", "Statement "
                    + statement.documentNumber() + " was issued at " + statement.issuedAt() + "; its dispute "
                    + "window of " + window + " days closed at " + closes);
            refused.getBody().setProperty("disputeWindowDays", window);
            refused.getBody().setProperty("windowClosedAt", closes.toString());
            throw refused;
        }
    }

    /** A statement whose lines came with its issue has only those: another line id is refused (422). */
    private static void requireKnownLines(List<Dispute.Item> items, DisputableDocuments.Statement statement) {
        if (!statement.linesKnown()) {
            return;
        }
        for (Dispute.Item item : items) {
            if (STATEMENT_LINE.equals(item.role()) && item.amount() == null) {
                throw unprocessable("unknown-line", "relatedEntity", "Statement " + statement.documentNumber()
                        + " has no line " + item.refId() + " (its lines are " + statement.statementId()
                        + "-1, -2, ...)");
            }
        }
    }

    private List<Dispute.Item> items(List<DisputeResources.RelatedEntity> related,
                                     DisputableDocuments.Statement statement) {
        return related.stream().map(entity -> new Dispute.Item(entity.role(), entity.id(),
                STATEMENT_LINE.equals(entity.role())
                        ? documents.lineAmount(statement.statementId(), entity.id()).orElse(null) : null,
                entity.disputedAmount() == null ? null : new BigDecimal(entity.disputedAmount().value())))
                .distinct().toList();
    }

    /**
     * The amount disputed on each statement line ({@code relatedEntity[].disputedAmount}): on a {@code StatementLine}
     * only, in the ticket's currency, positive, on every line once on one (a line named twice names one amount), and
     * their exact sum the ticket's {@code disputedAmount} (each a 400 naming the field). None told and one line: that
     * line disputes the ticket's amount. None told and several lines: the split is not known (as before).
     */
    private static List<Dispute.Item> withDisputedAmounts(List<DisputeResources.RelatedEntity> related,
                                                          List<Dispute.Item> items, BigDecimal amount,
                                                          String currency) {
        for (int i = 0; i < related.size(); i++) {
            DisputeResources.Money disputed = related.get(i).disputedAmount();
            if (disputed == null) {
                continue;
            }
            String field = "relatedEntity[" + i + "].disputedAmount";
            if (!STATEMENT_LINE.equals(related.get(i).role())) {
                throw new InvalidInputException(field, "An amount is disputed per StatementLine only, not on a "
                        + related.get(i).role());
            }
            if (!currency.equals(disputed.unit())) {
                throw new InvalidInputException(field + ".unit", "The line's amount is in " + disputed.unit()
                        + ", the ticket's disputedAmount in " + currency + ": one currency");
            }
            if (new BigDecimal(disputed.value()).signum() <= 0) {
                throw new InvalidInputException(field + ".value", "The amount disputed on a line must be positive");
            }
        }
        List<Dispute.Item> lines = items.stream().filter(item -> STATEMENT_LINE.equals(item.role())).toList();
        if (lines.stream().allMatch(line -> line.disputedAmount() == null)) {
            return lines.size() != 1 ? items : items.stream().map(item -> item == lines.getFirst()
                    ? new Dispute.Item(item.role(), item.refId(), item.amount(), amount) : item).toList();
        }
        Set<String> named = new HashSet<>();
        for (Dispute.Item line : lines) {
            if (line.disputedAmount() == null) {
                throw new InvalidInputException(field(related, line.refId()), "StatementLine " + line.refId()
                        + " names no disputedAmount: when one line does, every line does");
            }
            if (!named.add(line.refId())) {
                throw new InvalidInputException(field(related, line.refId()), "StatementLine " + line.refId()
                        + " is named twice with different amounts");
            }
        }
        BigDecimal sum = lines.stream().map(Dispute.Item::disputedAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(amount) != 0) {
            throw new InvalidInputException("disputedAmount.value", "The disputed amount " + amount.toPlainString()
                    + " is not the sum of the lines' disputed amounts, " + sum.toPlainString() + " " + currency);
        }
        return items;
    }

    /** The request's field of a statement line's disputed amount: {@code relatedEntity[i].disputedAmount}. */
    private static String field(List<DisputeResources.RelatedEntity> related, String lineId) {
        for (int i = 0; i < related.size(); i++) {
            if (STATEMENT_LINE.equals(related.get(i).role()) && related.get(i).id().equals(lineId)) {
                return "relatedEntity[" + i + "].disputedAmount";
            }
        }
        return "relatedEntity";
    }

    private static Category category(String value) {
        try {
            return Category.valueOf(value);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInputException("category", "category must be one of "
                    + List.of(Category.values()) + ", not '" + value + "'");
        }
    }

    private static String currency(String code) {
        try {
            return Currency.getInstance(code).getCurrencyCode();
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInputException("disputedAmount.unit", "'" + code + "' is not an ISO 4217 currency");
        }
    }

    /**
     * 409 naming the line and, when it is the partner's own, the dispute already open on it ({@code openDisputeId},
     * {@code openDisputeHref}): the partner adds to that one instead. Another partner's dispute (ids of invoice lines
     * or usage records are the partner's own text and may coincide) is not named.
     */
    static ErrorResponseException alreadyDisputed(Dispute.Item item, Optional<DisputeRepository.Claim> claim,
                                                  UUID partner) {
        Optional<UUID> own = claim.filter(open -> open.partnerId().equals(partner))
                .map(DisputeRepository.Claim::disputeId);
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "conflict", item.role() + " " + item.refId()
                + " already has an open dispute" + own.map(id -> ": " + id).orElse(""));
        own.ifPresent(id -> {
            problem.setProperty("openDisputeId", id.toString());
            problem.setProperty("openDisputeHref", DisputeResources.PATH + "/" + id);
        });
        return new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
    }

    static ErrorResponseException unprocessable(String slug, String field, String detail) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, slug, detail);
        problem.setProperty("field", field);
        return new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, problem, null);
    }
}
