package io.accord.portal.dispute;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.accord.portal.gateway.Gateway;
import io.accord.portal.gateway.GatewayException;
import io.accord.portal.layout.Ids;
import io.accord.portal.layout.PageBounds;
import io.accord.portal.layout.DisplayHelper;
import io.accord.portal.layout.TypedAmounts;
import io.accord.portal.offeringname.OfferingNames;
import io.accord.portal.partnername.PartnerNames;
import io.accord.portal.security.PortalUser;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;

/**
 * Disputes (dispute-service, docs/disputes.md): a partner's own, with a form to open one on an issued statement;
 * for staff the work queue of open disputes, the most overdue (the nearest SLA deadline) first.
 */
@Controller
class DisputesController {

    static final String TICKETS = "/tmf-api/troubleTicket/v4/troubleTicket";
    static final List<String> CATEGORIES = List.of("RATE", "USAGE_VOLUME", "MISSING_USAGE", "DUPLICATE_USAGE", "TAX",
            "MINIMUM_GUARANTEE", "OTHER");
    /** The states of the work queue: the disputes someone still has to act on. */
    static final List<String> WORK_STATUSES = List.of("open", "inReview", "escalated", "resolutionProposed",
            "rejected", "pendingInformation");
    /** Every state a dispute can be in (the "all" view's status filter). */
    static final List<String> STATUSES = List.of("open", "inReview", "resolutionProposed", "accepted", "rejected",
            "resolved", "closed", "withdrawn", "escalated", "pendingInformation");
    /**
     * The orders dispute-service's list takes ({@code sort=}, TroubleTicketController): the SLA deadline that runs,
     * the earliest (most overdue) or the latest first, and the opening time, newest or oldest first. The work queue
     * starts with the most overdue first ({@code dueBy}, the clock {@link DisputeView#sla()} shows), the "all" view
     * with the newest first.
     */
    static final List<String> SORTS = List.of("dueBy", "-dueBy", "-createdAt", "createdAt");
    private static final int PAGE_SIZE = 25;
    private static final int STATEMENTS_PAGE = 20;

    private final Gateway gateway;
    private final Clock clock;
    private final PartnerNames partnerNames;
    private final DisputePage disputePage;
    private final OfferingNames offeringNames;
    private final DisplayHelper display;
    private final OpenDisputes openDisputes;
    private final DisputeHeadroom headroom;
    private final DisputeWindow disputeWindow;

    DisputesController(Gateway gateway, Clock clock, PartnerNames partnerNames, DisputePage disputePage,
                       OfferingNames offeringNames, DisplayHelper display, OpenDisputes openDisputes,
                       DisputeHeadroom headroom, DisputeWindow disputeWindow) {
        this.gateway = gateway;
        this.clock = clock;
        this.partnerNames = partnerNames;
        this.disputePage = disputePage;
        this.offeringNames = offeringNames;
        this.display = display;
        this.openDisputes = openDisputes;
        this.headroom = headroom;
        this.disputeWindow = disputeWindow;
    }

    /**
     * A partner's disputes, staff's "all" view (newest first) and the staff work queue (the most overdue first, as the
     * service sorts it: it used to be read whole up to 1,000 newest disputes and sorted here, so the most overdue of a
     * longer queue were never shown) a page at a time as the service lists them; a page beyond the last redirects to
     * the last ({@link PageBounds}). Staff filter by partner (chosen by name), status and category and choose the
     * order ({@link QueueFilter}), kept in the paging links. A partner's issued statements to open a dispute on are
     * paged too.
     */
    @GetMapping("/disputes")
    String list(@AuthenticationPrincipal OidcUser principal, @RequestParam(defaultValue = "work") String show,
                @RequestParam(defaultValue = "") String partnerId, @RequestParam(defaultValue = "") String status,
                @RequestParam(defaultValue = "") String category, @RequestParam(defaultValue = "") String sort,
                @RequestParam(defaultValue = "") String assignee, @RequestParam(defaultValue = "") String assigneeUser,
                @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "0") int statementsPage,
                Model model, HttpServletResponse response) {
        PortalUser user = PortalUser.of(principal);
        boolean all = "all".equals(show) || user.isPartner();
        int current = Math.max(0, page);
        model.addAttribute("show", all ? "all" : "work");
        Gateway.Listing listing;
        List<PartnerNames.Choice> choices = List.of();
        if (user.isPartner()) {
            listing = gateway.list(TICKETS + "?offset={offset}&limit={limit}", current * PAGE_SIZE, PAGE_SIZE);
        } else {
            // a user's name typed beside the choice (me, nobody, anyone) wins over it
            QueueFilter filter = QueueFilter.of(all, partnerId, status, category, sort,
                    assigneeUser.isBlank() ? assignee : assigneeUser);
            model.addAttribute("queueFilter", filter);
            choices = partnerNames.choices(filter.partnerId());
            model.addAttribute("partnerChoices", choices);
            model.addAttribute("statuses", all ? STATUSES : WORK_STATUSES);
            model.addAttribute("categories", CATEGORIES);
            model.addAttribute("sorts", SORTS);
            // staff who work disputes take several of the page at once (auditors only read)
            model.addAttribute("assignsQueue", io.accord.portal.security.StaffActions.mayAct(principal,
                    DisputePage.WORKERS));
            if (!filter.partnerId().isEmpty() && !Ids.isUuid(filter.partnerId())) {
                // bad input: nothing is asked; the filter says what is wrong
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                model.addAttribute("filterErrorKey", "disputes.filter.partnerInvalid");
                listing = Gateway.Listing.EMPTY;
            } else if (!filter.assigneeValid()) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                model.addAttribute("filterErrorKey", "disputes.filter.assigneeInvalid");
                listing = Gateway.Listing.EMPTY;
            } else {
                List<Object> variables = new ArrayList<>();
                String uri = filter.query(variables);
                variables.add(current * PAGE_SIZE);
                variables.add(PAGE_SIZE);
                listing = gateway.list(uri, variables.toArray());
            }
        }
        List<DisputeView> disputes = new ArrayList<>();
        listing.items().forEach(item -> disputes.add(DisputeView.of(item, clock)));
        long total = listing.total();
        model.addAttribute("disputes", disputes);
        // each "View" link names its dispute by statement number and amount (one read per statement on the page)
        model.addAttribute("statementNumbers", disputePage.statementNumbers(
                disputes.stream().map(DisputeView::statementId).toList()));
        // staff see whose dispute each is; a partner only its own
        model.addAttribute("partnerNames", user.isPartner() ? PartnerNames.Names.NONE
                : partnerNames.of(choices, disputes.stream().map(DisputeView::partnerId).toList()));
        model.addAttribute("total", total);
        model.addAttribute("page", current);
        // a page beyond the last redirects to the last (PageBounds, as every paged list)
        PageBounds.last(model, total, PAGE_SIZE);
        model.addAttribute("hasNext", (long) (current + 1) * PAGE_SIZE < total);
        if (user.isPartner()) {
            int statementPage = Math.max(0, statementsPage);
            Gateway.Listing statements = gateway.list(
                    "/api/settlement/statements?state=ISSUED&offset={offset}&limit={limit}",
                    statementPage * STATEMENTS_PAGE, STATEMENTS_PAGE);
            model.addAttribute("statements", statements(statements.items()));
            model.addAttribute("statementsPage", statementPage);
            model.addAttribute("statementsTotal", statements.total());
            model.addAttribute("statementsHasNext",
                    (long) (statementPage + 1) * STATEMENTS_PAGE < statements.total());
        }
        return "dispute-list";
    }

    /**
     * The opening form for one issued statement: its lines to choose from, any number of them (one dispute; none: the
     * whole statement), each with the amount disputed on it, starting at the line's amount. The statement page's
     * "Dispute" link of a line names it ({@code lineId}) and its amount ({@code amount}, as settlement writes it): the
     * form starts with that line chosen and that amount, in the user's language; a line the statement does not have is
     * not chosen. A line with an open dispute of the partner is not offered (the service takes one per line): it links
     * to that dispute instead. What remains to dispute on the statement and on each line is shown
     * ({@link DisputeHeadroom}), never enforced here.
     */
    @GetMapping("/disputes/new")
    String openForm(@RequestParam UUID statementId, @RequestParam(defaultValue = "") String lineId,
                    @RequestParam(defaultValue = "") String amount, Model model) {
        JsonNode statement = gateway.get("/api/settlement/statements/{id}", statementId);
        Statement shown = statement(statement);
        Map<String, String> disputed = openDisputes.onLines(shown.id());
        String line = shown.lines().stream().map(Line::id).filter(lineId::equals)
                .filter(id -> !disputed.containsKey(id)).findFirst().orElse("");
        OpeningForm form = OpeningForm.ofLine(line, TypedAmounts.editable(amount, LocaleContextHolder.getLocale()));
        formModel(model, shown, statement, disputed, form, Map.of());
        return "dispute-new";
    }

    @PostMapping("/disputes")
    String open(@RequestParam UUID statementId, @RequestParam MultiValueMap<String, String> parameters, Model model,
                RedirectAttributes redirect, HttpServletResponse response) {
        JsonNode statement = gateway.get("/api/settlement/statements/{id}", statementId);
        Statement shown = statement(statement);
        OpeningForm form = OpeningForm.of(parameters);
        Map<String, String> errors = new LinkedHashMap<>();
        if (!CATEGORIES.contains(form.category())) {
            errors.put("category", "disputes.error.category");
        }
        int decimals = TypedAmounts.minorDigits(shown.currency());
        Locale locale = LocaleContextHolder.getLocale();
        BigDecimal value = null;
        Map<String, BigDecimal> lineAmounts = Map.of();
        if (form.lineIds().stream().anyMatch(id -> shown.lines().stream().noneMatch(line -> line.id().equals(id)))) {
            errors.put("lineId", "disputes.error.line");
        } else if (form.lineIds().isEmpty()) {
            // read in the user's language (1.000,50 in German), at most the currency's decimals
            value = TypedAmounts.parse(form.amount(), locale, decimals).orElse(null);
            if (value == null || value.signum() <= 0) {
                errors.put("amount", "disputes.error.amount");
            }
        } else {
            // what is disputed on each line goes to the service with the line; the dispute's amount is their sum
            lineAmounts = form.amounts(locale, decimals, errors);
            value = lineAmounts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }
        String description = form.description();
        if (description.isBlank() || description.length() > 4000) {
            errors.put("description", "disputes.error.description");
        }
        if (errors.isEmpty()) {
            List<Map<String, Object>> related = new ArrayList<>();
            related.add(Map.of("id", statementId.toString(), "role", "Statement", "@referredType", "Statement"));
            for (String line : form.lineIds()) {
                related.add(Map.of("id", line, "role", "StatementLine", "@referredType", "StatementLine",
                        "disputedAmount", Map.of("unit", shown.currency(),
                                "value", lineAmounts.get(line).toPlainString())));
            }
            try {
                JsonNode ticket = gateway.send(HttpMethod.POST, TICKETS, Map.of("ticketType", "BillingDispute",
                        "description", description.strip(), "category", form.category(),
                        "disputedAmount", Map.of("unit", shown.currency(), "value", value.toPlainString()),
                        "relatedEntity", related));
                // the dispute's page says it was opened, as every other step on it does
                redirect.addFlashAttribute("noticeKey", "disputes.done.opened");
                return "redirect:/disputes/" + ticket.path("id").asString();
            } catch (GatewayException e) {
                if (e.status() < 400 || e.status() > 499 || e.status() == 401) {
                    throw e;
                }
                // every refusal of the service (a 4xx) is said on the form, in words where the portal knows it
                response.setStatus(e.pageStatus().value());
                model.addAttribute("errorKey", "disputes.error.refused");
                model.addAttribute("errorDetail", e.detail());
                model.addAttribute("refusal", DisputeRefusal.of(e));
                // the line already has an open dispute: a link to it, to add to that one (the service names its id)
                model.addAttribute("openDisputePage", OpenDisputes.pageOf(e));
            }
        } else {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        formModel(model, shown, statement, openDisputes.onLines(shown.id()), form, errors);
        // the language switch of this answer leads to the form, not to the POST's address
        model.addAttribute("formPage", "/disputes/new?statementId=" + statementId);
        return "dispute-new";
    }

    private void formModel(Model model, Statement shown, JsonNode statement, Map<String, String> openOnLines,
                           OpeningForm form, Map<String, String> errors) {
        model.addAttribute("statement", shown);
        model.addAttribute("categories", CATEGORIES);
        model.addAttribute("openOnLines", openOnLines);
        model.addAttribute("headroom", headroom.of(shown));
        model.addAttribute("window", disputeWindow.of(statement.path("issuedAt").asString("")));
        model.addAttribute("errors", errors);
        model.addAttribute("form", form);
    }

    /**
     * Staff's filters of the queue (or of every dispute): a partner, a status (the queue: one of its open states,
     * else all of them), a category and an order ({@link #SORTS}), each as dispute-service's list takes it. A status,
     * category or order the page does not offer is ignored (the page offers them); the partner id is checked by the
     * page.
     */
    record QueueFilter(boolean all, String partnerId, String status, String category, String sort,
                       String assignee) {

        /** A staff user's name as Keycloak keeps it (lower case), as the service's {@code assignee} filter takes it. */
        private static final java.util.regex.Pattern USER_NAME =
                java.util.regex.Pattern.compile("[a-z0-9][a-z0-9._@-]{0,99}");

        static QueueFilter of(boolean all, String partnerId, String status, String category, String sort,
                              String assignee) {
            String wanted = status.strip();
            return new QueueFilter(all, partnerId.strip().toLowerCase(java.util.Locale.ROOT),
                    (all ? STATUSES : WORK_STATUSES).contains(wanted) ? wanted : "",
                    CATEGORIES.contains(category.strip()) ? category.strip() : "",
                    SORTS.contains(sort.strip()) ? sort.strip() : all ? "-createdAt" : "dueBy",
                    assignee.strip().toLowerCase(java.util.Locale.ROOT));
        }

        /** Any assignee (empty), {@code me}, {@code none} (nobody) or a user's name; anything else is a 400. */
        boolean assigneeValid() {
            return assignee.isEmpty() || USER_NAME.matcher(assignee).matches();
        }

        /** The assignee filter's choice on the page: me, none, a user (the name typed), or any. */
        public String assigneeChoice() {
            return assignee.isEmpty() || "me".equals(assignee) || "none".equals(assignee) ? assignee : "user";
        }

        /** The page's query (without {@code page}) of this filter, for the bulk form to come back to it. */
        public String queuePath() {
            org.springframework.web.util.UriComponentsBuilder uri = org.springframework.web.util
                    .UriComponentsBuilder.fromPath("/disputes").queryParam("show", all ? "all" : "work");
            Map<String, String> kept = new LinkedHashMap<>();
            kept.put("partnerId", partnerId);
            kept.put("status", status);
            kept.put("category", category);
            kept.put("sort", sort);
            kept.put("assignee", assignee);
            kept.forEach((name, value) -> {
                        if (!value.isEmpty()) {
                            uri.queryParam(name, value);
                        }
                    });
            return uri.encode().build().toUriString();
        }

        /** The list's URI up to its paging ({@code offset} and {@code limit} variables follow {@code variables}). */
        String query(List<Object> variables) {
            StringBuilder uri = new StringBuilder(TICKETS).append('?');
            List<String> statuses = !status.isEmpty() ? List.of(status) : all ? List.of() : WORK_STATUSES;
            for (int i = 0; i < statuses.size(); i++) {
                uri.append("status={status").append(i).append("}&");
                variables.add(statuses.get(i));
            }
            if (!category.isEmpty()) {
                uri.append("category={category}&");
                variables.add(category);
            }
            if (!partnerId.isEmpty()) {
                uri.append("partnerId={partnerId}&");
                variables.add(partnerId);
            }
            if (!assignee.isEmpty()) {
                uri.append("assignee={assignee}&");
                variables.add(assignee);
            }
            // the "all" view's default order is the service's own: it is not named, as before
            if (!(all && "-createdAt".equals(sort))) {
                uri.append("sort={sort}&");
                variables.add(sort);
            }
            return uri.append("offset={offset}&limit={limit}").toString();
        }
    }

    record Statement(String id, String documentNumber, String currency, String total, List<Line> lines) {
    }

    /** A line to dispute; {@code name} as the statement page names it ({@code DisplayHelper#statementLine}). */
    record Line(String id, String label, String amount, String name) {

        /**
         * The line's amount whichever way it goes, as the statement shows it (4.10, not 4.1): what a dispute on it
         * starts at (the service bounds it so).
         */
        public String size() {
            try {
                BigDecimal size = new BigDecimal(amount).abs();
                return (size.scale() == 1 ? size.setScale(2) : size).toPlainString();
            } catch (NumberFormatException notANumber) {
                return amount;
            }
        }
    }

    private Statement statement(JsonNode statement) {
        String id = statement.path("id").asString();
        List<String> offerings = new ArrayList<>();
        statement.path("lines").forEach(line -> offerings.add(line.path("offeringId").asString("")));
        OfferingNames.Names names = "en".equals(LocaleContextHolder.getLocale().getLanguage())
                ? OfferingNames.Names.NONE : offeringNames.of(offerings);
        List<Line> lines = new ArrayList<>();
        int n = 0;
        for (JsonNode line : statement.path("lines")) {
            n++;
            String label = line.path("label").asString(line.path("type").asString(""));
            lines.add(new Line(id + "-" + n, label, line.path("rounded").asString(""),
                    display.statementLine(label, names.name(line.path("offeringId").asString("")),
                            line.path("usageType").asString(""), line.path("reference").asString(""),
                            line.path("type").asString(""))));
        }
        return new Statement(id, statement.path("documentNumber").asString(""), statement.path("currency").asString(""),
                statement.path("totalAmount").asString(""), lines);
    }

    private static List<Statement> statements(JsonNode items) {
        List<Statement> statements = new ArrayList<>();
        items.forEach(item -> statements.add(new Statement(item.path("id").asString(),
                item.path("documentNumber").asString(""), item.path("currency").asString(""),
                item.path("totalAmount").asString(""), List.of())));
        return statements;
    }
}
