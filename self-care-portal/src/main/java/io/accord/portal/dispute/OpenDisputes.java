package io.accord.portal.dispute;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.accord.portal.gateway.Gateway;
import io.accord.portal.gateway.GatewayException;
import io.accord.portal.gateway.GatewayProblem;
import io.accord.portal.layout.Ids;
import tools.jackson.databind.JsonNode;

/**
 * The statement lines a partner already disputes: dispute-service takes one open dispute per line (open, in review,
 * resolution proposed, escalated or pending information; a second is a 409 naming the first), so the opening form offers those lines
 * only as a link to the dispute open on them.
 */
@Component
class OpenDisputes {

    /** The states in which a dispute holds its lines (dispute-service's {@code DisputeState.isOpen}). */
    private static final String OPEN_ON_STATEMENT = DisputesController.TICKETS
            + "?statementId={statementId}&status=open,inReview,resolutionProposed,escalated,pendingInformation"
            + "&offset={offset}&limit={limit}";
    private static final int PAGE = 100;
    /** Enough for any statement's lines; a statement with more open disputes shows the first ones marked. */
    private static final int MAX_PAGES = 10;

    private final Gateway gateway;

    OpenDisputes(Gateway gateway) {
        this.gateway = gateway;
    }

    /**
     * Line id → the id of the open dispute on it, as the user may read them (a partner its own). Empty when the
     * service cannot say: the form then offers every line, and the service's 409 still names the dispute.
     */
    Map<String, String> onLines(String statementId) {
        Map<String, String> disputes = new LinkedHashMap<>();
        try {
            for (int page = 0; page < MAX_PAGES; page++) {
                Gateway.Listing listing = gateway.list(OPEN_ON_STATEMENT, statementId, page * PAGE, PAGE);
                listing.items().forEach(ticket -> lines(ticket, disputes));
                if ((long) (page + 1) * PAGE >= listing.total() || listing.items().isEmpty()) {
                    break;
                }
            }
        } catch (GatewayException unavailable) {
            return Map.of();
        }
        return disputes;
    }

    /**
     * The portal page of the dispute a 409 names as open on the disputed line ({@code openDisputeId}, else the id at
     * the end of {@code openDisputeHref}, the service's TMF resource); empty when it names none.
     */
    static String pageOf(GatewayException refusal) {
        if (!(refusal instanceof GatewayProblem problem) || problem.status() != 409) {
            return "";
        }
        String id = problem.property("openDisputeId");
        if (!Ids.isUuid(id)) {
            String href = problem.property("openDisputeHref");
            id = href.substring(href.lastIndexOf('/') + 1);
        }
        return Ids.isUuid(id) ? "/disputes/" + id : "";
    }

    private static void lines(JsonNode ticket, Map<String, String> disputes) {
        String id = ticket.path("id").asString("");
        for (JsonNode entity : ticket.path("relatedEntity")) {
            if ("StatementLine".equals(entity.path("role").asString(""))) {
                disputes.putIfAbsent(entity.path("id").asString(""), id);
            }
        }
    }
}
