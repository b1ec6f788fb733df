package io.accord.portal.statement;

import java.math.BigDecimal;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.accord.portal.gateway.Gateway;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;

/**
 * Statements (settlement-service, docs/settlement.md): a partner its own, staff (finance, platform admins, auditors,
 * partner managers, ops) every partner's, with the issued PDF downloaded through the portal, which fetches it from
 * the gateway with the user's token. Only finance approves and issues.
 */
@Controller
class StatementsController {

    private final Gateway gateway;
    private final StatementList list;

    StatementsController(Gateway gateway, StatementList list) {
        this.gateway = gateway;
        this.list = list;
    }

    record Row(String id, String documentNumber, String state, String direction, String currency,
               BigDecimal netAmount, BigDecimal taxAmount, BigDecimal totalAmount, String issuedAt,
               boolean downloadable, String preparedBy, String approvedBy, String partnerId) {

        static Row of(JsonNode item) {
            String itemState = item.path("state").asString();
            return new Row(item.path("id").asString(), item.path("documentNumber").asString(""), itemState,
                    item.path("direction").asString(""), item.path("currency").asString(""),
                    amount(item, "netAmount"), amount(item, "taxAmount"), amount(item, "totalAmount"),
                    item.path("issuedAt").asString(""),
                    "ISSUED".equals(itemState) || "PAID".equals(itemState), item.path("preparedBy").asString(""),
                    item.path("approvedBy").asString(""), item.path("partnerId").asString(""));
        }
    }

    /**
     * The list, filtered as settlement filters it (partner, period, state, direction, document number, issued from
     * and to: {@link StatementFilter}), {@value StatementList#PAGE_SIZE} a page; the filters stay in the paging links.
     */
    @GetMapping("/statements")
    String list(@AuthenticationPrincipal OidcUser principal, @RequestParam(required = false) String partnerId,
                @RequestParam(required = false) String state, @RequestParam(required = false) String direction,
                @RequestParam(required = false) String documentNumber,
                @RequestParam(required = false) String issuedFrom, @RequestParam(required = false) String issuedTo,
                @RequestParam(required = false) String periodId,
                @RequestParam(defaultValue = "0") int page, Model model, HttpServletResponse response) {
        return list.show(principal, StatementFilter.of(partnerId, state, direction, documentNumber, issuedFrom,
                issuedTo, periodId), page, model, response);
    }

    /** A statement's amount as the service sent it (a JSON number or string), {@code null} when absent. */
    static BigDecimal amount(JsonNode item, String field) {
        String value = item.path(field).asString("");
        return value.isBlank() ? null : new BigDecimal(value);
    }

    /** The issued statement's PDF; a malformed id is a 400 before any call, another partner's a 404. */
    @GetMapping("/statements/{id}/document")
    ResponseEntity<StreamingResponseBody> document(@PathVariable UUID id) {
        return gateway.download("/api/settlement/statements/{id}/document", MediaType.APPLICATION_PDF,
                "statement-" + id + ".pdf", id);
    }
}
