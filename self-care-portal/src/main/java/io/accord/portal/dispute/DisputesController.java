package io.accord.portal.dispute;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.accord.portal.gateway.Gateway;
import io.accord.portal.gateway.GatewayException;
import io.accord.portal.security.PortalUser;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;

/**
 * Disputes (dispute-service, docs/disputes.md): a partner's own, with a form to open one on an issued statement;
 * for staff the work queue of open disputes, the nearest SLA deadline first.
 */
@Controller
class DisputesController {

    static final String TICKETS = "/tmf-api/troubleTicket/v4/troubleTicket";
    static final List<String> CATEGORIES = List.of("RATE", "USAGE_VOLUME", "MISSING_USAGE", "DUPLICATE_USAGE", "TAX",
            "MINIMUM_GUARANTEE", "OTHER");
    private static final Set<String> WORK = Set.of("open", "inReview", "escalated", "resolutionProposed", "rejected");

    private final Gateway gateway;
    private final Clock clock;

    DisputesController(Gateway gateway, Clock clock) {
        this.gateway = gateway;
        this.clock = clock;
    }

    @GetMapping("/disputes")
    String list(@AuthenticationPrincipal OidcUser principal, @RequestParam(defaultValue = "work") String show,
                Model model) {
        PortalUser user = PortalUser.of(principal);
        boolean all = "all".equals(show) || user.isPartner();
        Gateway.Listing listing = all ? gateway.list(TICKETS + "?offset=0&limit=100")
                : gateway.list(TICKETS + "?status=open&status=inReview&status=escalated&status=resolutionProposed"
                + "&status=rejected&offset=0&limit=100");
        List<DisputeView> disputes = new ArrayList<>();
        listing.items().forEach(item -> disputes.add(DisputeView.of(item, clock)));
        if (!user.isPartner()) {
            // the work queue: what is due first on top; finished ones last
            disputes.sort(Comparator.comparing((DisputeView d) -> !WORK.contains(d.status()))
                    .thenComparing(d -> d.sla() == null ? Long.MAX_VALUE : d.sla().hoursLeft()));
        }
        model.addAttribute("disputes", disputes);
        model.addAttribute("total", listing.total());
        model.addAttribute("show", all ? "all" : "work");
        if (user.isPartner()) {
            model.addAttribute("statements", issuedStatements());
        }
        return "dispute-list";
    }

    /** The opening form for one issued statement: its lines to choose from. */
    @GetMapping("/disputes/new")
    String openForm(@RequestParam UUID statementId, Model model) {
        JsonNode statement = gateway.get("/api/settlement/statements/{id}", statementId);
        model.addAttribute("statement", statement(statement));
        model.addAttribute("categories", CATEGORIES);
        model.addAttribute("errors", Map.of());
        return "dispute-new";
    }

    @PostMapping("/disputes")
    String open(@RequestParam UUID statementId, @RequestParam(defaultValue = "") String lineId,
                @RequestParam(defaultValue = "") String category, @RequestParam(defaultValue = "") String amount,
                @RequestParam(defaultValue = "") String description, Model model, HttpServletResponse response) {
        JsonNode statement = gateway.get("/api/settlement/statements/{id}", statementId);
        Statement shown = statement(statement);
        Map<String, String> errors = new LinkedHashMap<>();
        if (!CATEGORIES.contains(category)) {
            errors.put("category", "disputes.error.category");
        }
        BigDecimal value = null;
        try {
            value = new BigDecimal(amount.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            errors.put("amount", "disputes.error.amount");
        }
        if (value != null && (value.signum() <= 0 || value.scale() > 6)) {
            errors.put("amount", "disputes.error.amount");
        }
        if (description.isBlank() || description.length() > 4000) {
            errors.put("description", "disputes.error.description");
        }
        if (!lineId.isBlank() && shown.lines().stream().noneMatch(line -> line.id().equals(lineId))) {
            errors.put("lineId", "disputes.error.line");
        }
        if (errors.isEmpty()) {
            List<Map<String, String>> related = new ArrayList<>();
            related.add(Map.of("id", statementId.toString(), "role", "Statement", "@referredType", "Statement"));
            if (!lineId.isBlank()) {
                related.add(Map.of("id", lineId, "role", "StatementLine", "@referredType", "StatementLine"));
            }
            try {
                JsonNode ticket = gateway.post(TICKETS, Map.of("ticketType", "BillingDispute",
                        "description", description.strip(), "category", category,
                        "disputedAmount", Map.of("unit", shown.currency(), "value", value.toPlainString()),
                        "relatedEntity", related));
                return "redirect:/disputes/" + ticket.path("id").asString();
            } catch (GatewayException e) {
                if (e.status() != 400 && e.status() != 409 && e.status() != 422) {
                    throw e;
                }
                response.setStatus(e.pageStatus().value());
                model.addAttribute("errorKey", "disputes.error.refused");
                model.addAttribute("errorDetail", e.detail());
            }
        } else {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        model.addAttribute("statement", shown);
        model.addAttribute("categories", CATEGORIES);
        model.addAttribute("errors", errors);
        model.addAttribute("form", Map.of("lineId", lineId, "category", category, "amount", amount,
                "description", description));
        return "dispute-new";
    }

    record Statement(String id, String documentNumber, String currency, String total, List<Line> lines) {
    }

    record Line(String id, String label, String amount) {
    }

    private Statement statement(JsonNode statement) {
        String id = statement.path("id").asString();
        List<Line> lines = new ArrayList<>();
        int n = 0;
        for (JsonNode line : statement.path("lines")) {
            n++;
            lines.add(new Line(id + "-" + n, line.path("label").asString(line.path("type").asString("")),
                    line.path("rounded").asString("")));
        }
        return new Statement(id, statement.path("documentNumber").asString(""), statement.path("currency").asString(""),
                statement.path("totalAmount").asString(""), lines);
    }

    private List<Statement> issuedStatements() {
        List<Statement> statements = new ArrayList<>();
        gateway.list("/api/settlement/statements?state=ISSUED&offset=0&limit=20").items()
                .forEach(item -> statements.add(new Statement(item.path("id").asString(),
                        item.path("documentNumber").asString(""), item.path("currency").asString(""),
                        item.path("totalAmount").asString(""), List.of())));
        return statements;
    }
}
