package io.accord.portal.statement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
import io.accord.portal.partnername.PartnerNames;
import io.accord.portal.security.PortalUser;
import io.accord.portal.layout.PageBounds;
import tools.jackson.databind.JsonNode;

/**
 * Statements (settlement-service, docs/settlement.md): a partner its own, staff (finance, platform admins, auditors,
 * partner managers, ops) every partner's, with the issued PDF downloaded through the portal, which fetches it from
 * the gateway with the user's token. Only finance approves and issues.
 */
@Controller
class StatementsController {

    private static final int PAGE_SIZE = 20;
    private static final Set<String> STATES = Set.of("DRAFT", "APPROVED", "ISSUED", "PAID");

    private final Gateway gateway;
    private final PartnerNames partnerNames;

    StatementsController(Gateway gateway, PartnerNames partnerNames) {
        this.gateway = gateway;
        this.partnerNames = partnerNames;
    }

    record Row(String id, String documentNumber, String state, String direction, String currency,
               BigDecimal netAmount, BigDecimal taxAmount, BigDecimal totalAmount, String issuedAt,
               boolean downloadable, String preparedBy, String approvedBy, String partnerId) {
    }

    @GetMapping("/statements")
    String list(@AuthenticationPrincipal OidcUser principal, @RequestParam(required = false) String state,
                @RequestParam(defaultValue = "0") int page, Model model) {
        String filter = state != null && STATES.contains(state) ? state : null;
        int offset = Math.max(0, page) * PAGE_SIZE;
        Gateway.Listing listing = filter == null
                ? gateway.list("/api/settlement/statements?offset={offset}&limit={limit}", offset, PAGE_SIZE)
                : gateway.list("/api/settlement/statements?state={state}&offset={offset}&limit={limit}", filter,
                offset, PAGE_SIZE);
        List<Row> rows = new ArrayList<>();
        for (JsonNode item : listing.items()) {
            String itemState = item.path("state").asString();
            rows.add(new Row(item.path("id").asString(), item.path("documentNumber").asString(""), itemState,
                    item.path("direction").asString(""), item.path("currency").asString(""),
                    amount(item, "netAmount"), amount(item, "taxAmount"), amount(item, "totalAmount"),
                    item.path("issuedAt").asString(""),
                    "ISSUED".equals(itemState) || "PAID".equals(itemState), item.path("preparedBy").asString(""),
                    item.path("approvedBy").asString(""), item.path("partnerId").asString("")));
        }
        // staff read every partner's statements: a column names the partner (a partner sees only its own)
        boolean staff = principal != null && PortalUser.of(principal).partnerId() == null;
        model.addAttribute("showsPartner", staff);
        model.addAttribute("partnerNames", staff ? partnerNames.of(rows.stream().map(Row::partnerId).toList())
                : PartnerNames.Names.NONE);
        model.addAttribute("statements", rows);
        model.addAttribute("total", listing.total());
        model.addAttribute("page", Math.max(0, page));
        PageBounds.last(model, listing.total(), PAGE_SIZE);
        model.addAttribute("hasNext", offset + rows.size() < listing.total());
        model.addAttribute("state", filter);
        model.addAttribute("states", List.of("DRAFT", "APPROVED", "ISSUED", "PAID"));
        return "statements";
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
