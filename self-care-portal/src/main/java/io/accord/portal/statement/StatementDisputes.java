package io.accord.portal.statement;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

import io.accord.portal.gateway.Gateway;
import io.accord.portal.gateway.GatewayException;
import io.accord.portal.security.PortalUser;
import tools.jackson.databind.JsonNode;

/**
 * What of a statement the user may open a dispute on, by dispute-service's rules (docs/disputes.md): only a partner
 * user (partner admin or user) opens one, on its issued (or paid) statement, within the dispute window of its
 * agreement in force counted from the issue; a line only when it has an amount and no open dispute of the partner
 * holds it (one open dispute per line). The page offers no link the service would refuse for these reasons. An
 * agreement naming no window (or agreements that cannot be read) bounds nothing here: the service applies its own
 * default and its refusal is shown on the opening form (a fixed 60 days here used to hide the links once passed).
 */
@Component
class StatementDisputes {

    static final String TICKETS = "/tmf-api/troubleTicket/v4/troubleTicket";
    static final String AGREEMENTS = "/tmf-api/agreementManagement/v4/agreement";
    private static final int LIMIT = 100;
    private static final Logger log = LoggerFactory.getLogger(StatementDisputes.class);

    private final Gateway gateway;
    private final Clock clock;

    StatementDisputes(Gateway gateway, Clock clock) {
        this.gateway = gateway;
        this.clock = clock;
    }

    /**
     * Whether the statement may be disputed (the "Dispute" link of the statement), and which of its lines (by id):
     * none when nothing may.
     */
    record Disputable(boolean statement, Set<String> lines) {

        static final Disputable NONE = new Disputable(false, Set.of());

        public boolean line(String lineId) {
            return lines.contains(lineId);
        }
    }

    /** @param issuedAt the statement's issue instant as settlement sends it (ISO 8601), blank before issue */
    Disputable of(OidcUser principal, StatementPage.Header header, String issuedAt, List<StatementPage.Line> lines) {
        PortalUser user = principal == null ? null : PortalUser.of(principal);
        if (user == null || !user.isPartner() || user.partnerId() == null || !header.downloadable()
                || !withinWindow(issuedAt)) {
            return Disputable.NONE;
        }
        Set<String> held;
        try {
            held = heldLines(header.id());
        } catch (GatewayException e) {
            log.warn("open disputes of statement {} not available: {}", header.id(), e.getMessage());
            return Disputable.NONE;
        }
        Set<String> open = new HashSet<>();
        for (StatementPage.Line line : lines) {
            if (line.amount() != null && line.amount().signum() != 0 && !held.contains(line.id())) {
                open.add(line.id());
            }
        }
        BigDecimal total = header.totalAmount();
        return new Disputable(total != null && total.signum() != 0, Set.copyOf(open));
    }

    /**
     * Whether today is within the window of the partner's agreement in force (the newest active version); no window
     * named (or none readable): yes, the service decides.
     */
    private boolean withinWindow(String issuedAt) {
        Instant issued;
        try {
            issued = Instant.parse(issuedAt);
        } catch (DateTimeParseException | NullPointerException notIssued) {
            return false;
        }
        int days = windowDays();
        return days <= 0 || !clock.instant().isAfter(issued.plus(days, ChronoUnit.DAYS));
    }

    /** The window of the agreement in force, in days; 0 when it names none or cannot be read. */
    private int windowDays() {
        try {
            JsonNode active = gateway.list(AGREEMENTS + "?status=ACTIVE&offset=0&limit={limit}", LIMIT).items();
            return active.isEmpty() ? 0 : active.get(active.size() - 1).path("terms")
                    .path("disputeWindowDays").asInt(0);
        } catch (GatewayException e) {
            log.warn("agreements not available, no dispute window applied (the service decides): {}",
                    e.getMessage());
            return 0;
        }
    }

    /** The statement's lines an open dispute of the partner holds (the service refuses a second one on them). */
    private Set<String> heldLines(String statementId) {
        JsonNode tickets = gateway.list(TICKETS + "?statementId={id}&status=open&status=inReview"
                + "&status=resolutionProposed&status=escalated&status=pendingInformation&offset=0&limit={limit}", statementId, LIMIT).items();
        Set<String> held = new HashSet<>();
        for (JsonNode ticket : tickets) {
            for (JsonNode entity : ticket.path("relatedEntity")) {
                if ("StatementLine".equals(entity.path("role").asString(""))) {
                    held.add(entity.path("id").asString(""));
                }
            }
        }
        return held;
    }
}
