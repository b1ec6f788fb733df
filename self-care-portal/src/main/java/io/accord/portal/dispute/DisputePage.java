package io.accord.portal.dispute;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.accord.contracts.Roles;
import io.accord.portal.gateway.Gateway;
import io.accord.portal.gateway.GatewayException;
import io.accord.portal.gateway.GatewayProblem;
import io.accord.portal.partnername.PartnerNames;
import io.accord.portal.layout.Display;
import io.accord.portal.layout.DisplayHelper;
import io.accord.portal.layout.Ids;
import io.accord.portal.offeringname.OfferingNames;
import io.accord.portal.security.PortalPage;
import io.accord.portal.security.PortalUser;
import io.accord.portal.security.StaffActions;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;

/**
 * One dispute's page as its reader may see it: the ticket, the thread (for staff with the internal notes, which the
 * service keeps apart and never shows a partner) and the steps the user's role may take. Shown again with the
 * refused form's input and errors at their fields when the service (or the portal's own check) refuses a step.
 */
@Component
class DisputePage {

    /** Who take steps on a dispute's side of the CSP (dispute-service's WORKERS); auditors only read. */
    static final String[] WORKERS = {Roles.FINANCE, Roles.PARTNER_MANAGER, Roles.PLATFORM_ADMIN};
    /** Who may read the internal notes (dispute-service's STAFF_READERS). */
    static final String[] NOTE_READERS = {Roles.FINANCE, Roles.PARTNER_MANAGER, Roles.PLATFORM_ADMIN, Roles.AUDITOR};

    private static final String STATEMENT = "/api/settlement/statements/{id}";

    private final Gateway gateway;
    private final Clock clock;
    private final MessageSource messages;
    private final PartnerNames partnerNames;
    private final OfferingNames offeringNames;
    private final DisplayHelper display;

    DisputePage(Gateway gateway, Clock clock, MessageSource messages, PartnerNames partnerNames,
                OfferingNames offeringNames, DisplayHelper display) {
        this.gateway = gateway;
        this.clock = clock;
        this.messages = messages;
        this.partnerNames = partnerNames;
        this.offeringNames = offeringNames;
        this.display = display;
    }

    /** One entry of the thread: a comment both sides see, or (staff only) an internal note. */
    record Entry(String author, String date, String text, boolean internal, Instant at) {
    }

    /** The refused form: which one, its input, the errors per field and the service's (or portal's) reason. */
    record Refusal(String form, Map<String, String> values, Map<String, String> errors, String detail) {

        public String error(String field) {
            return errors.get(field);
        }

        public String value(String field) {
            return values.getOrDefault(field, "");
        }
    }

    String show(UUID id, OidcUser principal, Model model) {
        PortalUser user = PortalUser.of(principal);
        JsonNode ticket = gateway.get(DisputesController.TICKETS + "/{id}", id);
        DisputeView dispute = DisputeView.of(ticket, clock);
        boolean works = StaffActions.mayAct(principal, WORKERS);
        model.addAttribute("dispute", dispute);
        // staff see whose dispute it is; a partner reads only its own
        model.addAttribute("partnerNames", user.isPartner() ? PartnerNames.Names.NONE
                : partnerNames.of(List.of(dispute.partnerId())));
        // a link only for whom the portal's statement page opens; the number, read with the user's token, for everyone
        model.addAttribute("statementLinked", PortalPage.STATEMENTS.isOpenTo(user));
        JsonNode statement = statement(dispute.statementId());
        model.addAttribute("statementNumber", statementNumber(dispute.statementId(), statement));
        // what exactly is disputed: the line (its name and amount from the statement read just now)
        model.addAttribute("disputedItems", DisputedItems.of(ticket, statement, offeringNames, display));
        // for the page's title (which cannot call the page's helpers)
        model.addAttribute("amountShown", Display.money(dispute.amount(), dispute.currency()));
        model.addAttribute("partner", user.isPartner());
        model.addAttribute("works", works);
        model.addAttribute("proposes", user.hasRole(Roles.FINANCE) || user.hasRole(Roles.PLATFORM_ADMIN));
        model.addAttribute("withdraws", user.isPartner() && dispute.withdrawable());
        model.addAttribute("escalates", (user.isPartner() || works) && dispute.escalatable());
        // pending information: the partner answers the question; staff ask it from in review or escalated
        model.addAttribute("answers", user.isPartner() && dispute.pendingInformation());
        model.addAttribute("asks", works && dispute.informationRequestable());
        // the assignee (staff only: the service never shows it to a partner), taken or given back until closed
        model.addAttribute("assigns", works && dispute.assignable());
        model.addAttribute("assignedToMe", dispute.assigned() && dispute.assignee().equals(user.username()));
        // the service takes notes in every state (e.g. where a settled adjustment went): so does the form
        model.addAttribute("writesNotes", works);
        List<Entry> thread = new ArrayList<>();
        ticket.path("note").forEach(note -> thread.add(entry(note, false)));
        boolean readsNotes = !user.isPartner() && StaffActions.mayAct(principal, NOTE_READERS);
        model.addAttribute("readsNotes", readsNotes);
        model.addAttribute("notesUnavailable", false);
        if (readsNotes) {
            try {
                gateway.get("/api/disputes/{id}/internal-notes", id).forEach(note -> thread.add(entry(note, true)));
            } catch (GatewayException e) {
                // the ticket (read just now) still shows; the page says the internal notes could not be read
                model.addAttribute("notesUnavailable", true);
            }
        }
        thread.sort(Comparator.comparing(Entry::at, Comparator.nullsFirst(Comparator.naturalOrder())));
        model.addAttribute("thread", thread);
        if (!model.containsAttribute("refusal")) {
            model.addAttribute("refusal", new Refusal("", Map.of(), Map.of(), null));
        }
        return "dispute";
    }

    /**
     * Sends one step's form as a command: done, back to the dispute with a notice; refused by the service for the
     * form (400, 403, 409, 422), the page again with the service's reason and its violations at their fields and
     * nothing else sent; anything else is the error page.
     */
    String submit(Step step, Object body, String doneKey, RedirectAttributes redirect, Model model,
                  HttpServletResponse response) {
        return submit(step, HttpMethod.POST, body, doneKey, redirect, model, response);
    }

    /** {@link #submit(Step, Object, String, RedirectAttributes, Model, HttpServletResponse)} by another method. */
    String submit(Step step, HttpMethod method, Object body, String doneKey, RedirectAttributes redirect, Model model,
                  HttpServletResponse response) {
        try {
            gateway.send(method, "/api/disputes/{id}/" + step.path(), body, step.id());
        } catch (GatewayProblem problem) {
            if (!problem.isForTheForm()) {
                throw problem;
            }
            return refused(step, model, response, problem.status(), problem.messagesByField(), problem.detail());
        }
        redirect.addFlashAttribute("noticeKey", doneKey);
        return "redirect:/disputes/" + step.id();
    }

    /** The portal's own check refused a field: 400, the page again with the message at the field, nothing sent. */
    String invalid(Step step, String field, String messageKey, Model model, HttpServletResponse response) {
        String message = messages.getMessage(messageKey, null, LocaleContextHolder.getLocale());
        return refused(step, model, response, HttpStatus.BAD_REQUEST.value(), Map.of(field, message), null);
    }

    /** One step on one dispute, as the user filled in its form. */
    record Step(UUID id, OidcUser principal, String form, String path, Map<String, String> values) {
    }

    private String refused(Step step, Model model, HttpServletResponse response, int status,
                           Map<String, String> errors, String detail) {
        response.setStatus(status);
        model.addAttribute("refusal", new Refusal(step.form(), step.values(), errors, detail));
        return show(step.id(), step.principal(), model);
    }

    /** The document numbers of these statements (each read once), as {@link #statementNumber} shows each. */
    Map<String, String> statementNumbers(List<String> statementIds) {
        Map<String, String> numbers = new java.util.LinkedHashMap<>();
        statementIds.forEach(id -> numbers.computeIfAbsent(id == null ? "" : id, this::statementNumber));
        return numbers;
    }

    /** The statement's document number; its id shortened when it has none yet or cannot be read. */
    private String statementNumber(String statementId) {
        return statementNumber(statementId, statement(statementId));
    }

    private static String statementNumber(String statementId, JsonNode statement) {
        if (!Ids.isUuid(statementId)) {
            return statementId == null ? "" : statementId;
        }
        String number = statement == null ? "" : statement.path("documentNumber").asString("");
        return number.isBlank() ? Display.shortId(statementId) : number;
    }

    /** The statement as the user may read it; {@code null} when it is no id or cannot be read. */
    private JsonNode statement(String statementId) {
        if (!Ids.isUuid(statementId)) {
            return null;
        }
        try {
            return gateway.get(STATEMENT, statementId);
        } catch (GatewayException e) {
            return null;
        }
    }

    private static Entry entry(JsonNode note, boolean internal) {
        String date = note.path("date").asString("");
        Instant at;
        try {
            at = date.isBlank() ? null : Instant.parse(date);
        } catch (DateTimeParseException notAnInstant) {
            at = null;
        }
        String shown = Display.instant(date);
        return new Entry(note.path("author").asString(""), shown, note.path("text").asString(""), internal, at);
    }
}
