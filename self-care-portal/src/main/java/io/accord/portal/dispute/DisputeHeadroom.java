package io.accord.portal.dispute;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.accord.portal.gateway.Gateway;
import io.accord.portal.gateway.GatewayException;
import tools.jackson.databind.JsonNode;

/**
 * How much the partner may still dispute on a statement (docs/disputes.md, "How much disputes may credit"): no
 * dispute-service endpoint tells it before opening (only its 422 {@code amount-exceeds-line} does, with
 * {@code remaining}), so the opening form reckons it from what the service lists: the credits ({@code CREDIT_PARTNER})
 * of the statement's resolved or closed disputes with an adjustment, each against the lines it named (every line when
 * it named none, or one the statement does not have), up to each line's amount and, when the dispute named what it
 * disputed on each line ({@code relatedEntity[].disputedAmount}: the service then splits the credit by line), up to
 * that amount (the line's share is at most that; the ticket does not show the share itself, so this can show less
 * than the service allows, never more). It is shown, never enforced: the service checks the amount when the dispute
 * is sent.
 */
@Component
class DisputeHeadroom {

    private static final String CREDITED = DisputesController.TICKETS
            + "?statementId={statementId}&status=resolved,closed&offset={offset}&limit={limit}";
    private static final Set<String> CREDITING_STATES = Set.of("resolved", "closed");
    private static final int PAGE = 100;
    private static final int MAX_PAGES = 10;
    private static final Logger log = LoggerFactory.getLogger(DisputeHeadroom.class);

    private final Gateway gateway;

    DisputeHeadroom(Gateway gateway) {
        this.gateway = gateway;
    }

    /**
     * @param known     whether the disputes could be read (else nothing is shown)
     * @param credited  what resolved disputes credited on the statement
     * @param remaining what a dispute on the whole statement may still claim (its total less {@code credited})
     * @param lines     per line id, what a dispute on that line alone may still claim
     */
    record Headroom(boolean known, BigDecimal credited, BigDecimal remaining, Map<String, BigDecimal> lines) {

        static final Headroom UNKNOWN = new Headroom(false, BigDecimal.ZERO, BigDecimal.ZERO, Map.of());

        public BigDecimal line(String lineId) {
            return lines.get(lineId);
        }
    }

    /**
     * A credit a resolved dispute moved, with the lines it named (empty: the whole statement) and what it disputed on
     * each ({@code disputed}; empty when it did not say it per line).
     */
    record Credit(BigDecimal amount, Set<String> lines, Map<String, BigDecimal> disputed) {

        Credit(BigDecimal amount, Set<String> lines) {
            this(amount, lines, Map.of());
        }
    }

    Headroom of(DisputesController.Statement statement) {
        List<Credit> credits;
        try {
            credits = credits(statement);
        } catch (GatewayException e) {
            log.warn("resolved disputes of statement {} not available: {}", statement.id(), e.getMessage());
            return Headroom.UNKNOWN;
        }
        return reckon(statement, credits);
    }

    /** As dispute-service's {@code CreditLimit}: a credit counts against a line up to the line's amount. */
    static Headroom reckon(DisputesController.Statement statement, List<Credit> credits) {
        BigDecimal credited = credits.stream().map(Credit::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, BigDecimal> lines = new LinkedHashMap<>();
        for (DisputesController.Line line : statement.lines()) {
            BigDecimal amount = decimal(line.amount()).abs();
            BigDecimal taken = BigDecimal.ZERO;
            for (Credit credit : credits) {
                if (credit.lines().isEmpty() || credit.lines().contains(line.id())) {
                    BigDecimal share = credit.disputed().getOrDefault(line.id(), credit.amount());
                    taken = taken.add(credit.amount().min(share).min(amount));
                }
            }
            lines.put(line.id(), amount.subtract(taken).max(BigDecimal.ZERO));
        }
        BigDecimal remaining = decimal(statement.total()).abs().subtract(credited).max(BigDecimal.ZERO);
        return new Headroom(true, credited, remaining, lines);
    }

    private List<Credit> credits(DisputesController.Statement statement) {
        Set<String> known = new HashSet<>();
        statement.lines().forEach(line -> known.add(line.id()));
        List<Credit> credits = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            Gateway.Listing listing = gateway.list(CREDITED, statement.id(), page * PAGE, PAGE);
            listing.items().forEach(ticket -> credit(ticket, known).ifPresent(credits::add));
            if ((long) (page + 1) * PAGE >= listing.total() || listing.items().isEmpty()) {
                break;
            }
        }
        return credits;
    }

    /** A resolved dispute's credit; a charge, a dispute not resolved or without an adjustment moves no headroom. */
    private static java.util.Optional<Credit> credit(JsonNode ticket, Set<String> known) {
        JsonNode proposal = ticket.path("proposal");
        BigDecimal amount = decimal(proposal.path("amount").path("value").asString(""));
        if (!CREDITING_STATES.contains(ticket.path("status").asString(""))
                || ticket.path("adjustmentId").asString("").isBlank()
                || "DEBIT_PARTNER".equals(proposal.path("direction").asString(""))
                || amount.signum() == 0) {
            return java.util.Optional.empty();
        }
        Set<String> lines = new HashSet<>();
        Map<String, BigDecimal> disputed = new LinkedHashMap<>();
        for (JsonNode entity : ticket.path("relatedEntity")) {
            if ("StatementLine".equals(entity.path("role").asString(""))) {
                lines.add(entity.path("id").asString(""));
                BigDecimal own = decimal(entity.path("disputedAmount").path("value").asString(""));
                if (own.signum() > 0) {
                    disputed.put(entity.path("id").asString(""), own);
                }
            }
        }
        // a line whose amount is not known makes the dispute's scope the whole statement, as in the service
        boolean scoped = known.containsAll(lines);
        return java.util.Optional.of(new Credit(amount.abs(), scoped ? lines : Set.of(),
                scoped && disputed.keySet().equals(lines) ? disputed : Map.of()));
    }

    private static BigDecimal decimal(String value) {
        try {
            return value == null || value.isBlank() ? BigDecimal.ZERO : new BigDecimal(value.strip());
        } catch (NumberFormatException notANumber) {
            return BigDecimal.ZERO;
        }
    }
}
