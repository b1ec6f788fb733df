package io.accord.portal.dispute;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.accord.portal.gateway.Gateway;
import io.accord.portal.gateway.GatewayException;
import tools.jackson.databind.JsonNode;

/**
 * The dispute window the opening form names (docs/disputes.md, "Opening"): the partner's agreement in force (the
 * newest ACTIVE version) names its {@code disputeWindowDays}, counted from the statement's issue; an agreement naming
 * none leaves the dispute service's own default to apply, which no API tells: the form says so and assumes no number
 * for it.
 */
@Component
class DisputeWindow {

    private static final String AGREEMENTS = "/tmf-api/agreementManagement/v4/agreement?status=ACTIVE"
            + "&offset=0&limit={limit}";
    private static final int LIMIT = 100;
    private static final Logger log = LoggerFactory.getLogger(DisputeWindow.class);

    private final Gateway gateway;

    DisputeWindow(Gateway gateway) {
        this.gateway = gateway;
    }

    /**
     * @param days     the agreement's window, 0 when it names none (the service's default applies)
     * @param closesAt issue + {@code days} (ISO instant), empty when {@code days} is 0
     * @param known    whether the statement's issue and the agreement could be read (else nothing is said)
     */
    record Window(boolean known, int days, String closesAt) {

        static final Window UNKNOWN = new Window(false, 0, "");

        public boolean byAgreement() {
            return days > 0;
        }
    }

    /** @param issuedAt the statement's issue instant as settlement sends it (ISO 8601) */
    Window of(String issuedAt) {
        Instant issued;
        try {
            issued = Instant.parse(issuedAt);
        } catch (DateTimeParseException | NullPointerException notIssued) {
            return Window.UNKNOWN;
        }
        try {
            JsonNode active = gateway.list(AGREEMENTS, LIMIT).items();
            int days = active.isEmpty() ? 0
                    : active.get(active.size() - 1).path("terms").path("disputeWindowDays").asInt(0);
            return days > 0 ? new Window(true, days, issued.plus(days, ChronoUnit.DAYS).toString())
                    : new Window(true, 0, "");
        } catch (GatewayException e) {
            log.warn("agreements not available, the dispute window is not named: {}", e.getMessage());
            return Window.UNKNOWN;
        }
    }
}
