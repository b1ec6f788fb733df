package io.accord.portal.profile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.accord.contracts.Roles;
import io.accord.portal.gateway.Gateway;
import io.accord.portal.gateway.GatewayProblem;
import io.accord.portal.security.PortalUser;
import io.accord.portal.security.StaffActions;
import io.accord.portal.layout.FormProblems;
import io.accord.portal.layout.PageBounds;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;

/**
 * The partner's profile (onboarding-service, {@code /api/onboarding/partners/{id}}): every partner user reads it; a
 * partner admin changes the contacts and requests new bank details, which someone else confirms (four-eyes). Staff
 * (partner managers, finance, platform admins) find partners and confirm or reject a waiting bank change, naming
 * the change and the IBAN they reviewed (the service refuses a change that is no longer the waiting one); partner
 * managers and platform admins also set the partner's tax id.
 * <p>
 * The forms that change the partner carry the {@code ETag} of the version the page showed (hidden field
 * {@code etag}; the tax id's from TMF632's organization, the contacts' from the partner's own resource, which sends
 * none yet) and send it as {@code If-Match}: when someone changed the partner since, nothing is changed and the page
 * says so, showing the current version with the user's input kept (docs/portal.md "Stale forms").
 */
@Controller
class ProfileController {

    static final String PARTNERS = "/api/onboarding/partners";
    static final String ORGANIZATION = "/tmf-api/party/v4/organization/{id}";
    /** Who onboarding lets set a partner's tax id ({@code PartnerService.changeTaxId}). */
    private static final String[] TAX_ID_EDITORS = {Roles.PARTNER_MANAGER, Roles.PLATFORM_ADMIN};
    /** Onboarding's limit on an {@code identificationId}. */
    private static final int TAX_ID_MAX = 40;
    private static final List<String> CONTACTS = List.of("commercial", "technical", "billing");
    private static final int PAGE_SIZE = 25;
    /** The model's entity tags of the version the page shows: the partner's (contacts) and the organization's. */
    private static final String PARTNER_TAG = "partnerTag";
    private static final String ORGANIZATION_TAG = "organizationTag";

    private final Gateway gateway;
    private final FormProblems formProblems;

    private final org.springframework.context.MessageSource messages;

    ProfileController(Gateway gateway, FormProblems formProblems, org.springframework.context.MessageSource messages) {
        this.gateway = gateway;
        this.formProblems = formProblems;
        this.messages = messages;
    }

    @GetMapping("/profile")
    String profile(@AuthenticationPrincipal OidcUser principal, Model model) {
        PortalUser user = PortalUser.of(principal);
        return show(user, partnerOf(user), model);
    }

    @PostMapping("/profile/contacts")
    String contacts(@AuthenticationPrincipal OidcUser principal, @RequestParam Map<String, String> form, Model model,
                    RedirectAttributes redirect, HttpServletResponse response) {
        PortalUser user = PortalUser.of(principal);
        UUID id = partnerOf(user);
        Map<String, Object> body = new LinkedHashMap<>();
        for (String role : CONTACTS) {
            Map<String, String> contact = contact(form, role);
            if (!contact.isEmpty() || !"technical".equals(role)) {
                body.put(role, contact);
            }
        }
        String etag = form.getOrDefault("etag", "");
        try {
            gateway.sendIfMatch(etag, HttpMethod.PUT, PARTNERS + "/{id}/contacts", body, id);
        } catch (GatewayProblem problem) {
            keepTag(problem, PARTNER_TAG, etag, model);
            return rejected(problem, user, id, model, response, "contacts", form);
        }
        redirect.addFlashAttribute("noticeKey", "profile.contacts.saved");
        return "redirect:/profile";
    }

    @PostMapping("/profile/bank-account")
    String requestBankChange(@AuthenticationPrincipal OidcUser principal, @RequestParam(defaultValue = "") String iban,
                             @RequestParam(defaultValue = "") String bic,
                             @RequestParam(defaultValue = "") String etag, Model model, RedirectAttributes redirect,
                             HttpServletResponse response) {
        PortalUser user = PortalUser.of(principal);
        UUID id = partnerOf(user);
        try {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("iban", iban.strip());
            body.put("bic", bic.strip());
            // the page's partner tag: new bank details are not requested over a change made since (e.g. one waiting)
            gateway.sendIfMatch(etag, HttpMethod.PUT, PARTNERS + "/{id}/bank-account", body, id);
        } catch (GatewayProblem problem) {
            keepTag(problem, PARTNER_TAG, etag, model);
            return rejected(problem, user, id, model, response, "bank", Map.of("iban", iban, "bic", bic));
        }
        redirect.addFlashAttribute("noticeKey", "profile.bank.requested");
        return "redirect:/profile";
    }

    /** Staff: partners by name (a partner sees only itself, so this is a staff page). */
    @GetMapping("/partners")
    String partners(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "0") int page,
                    Model model) {
        int offset = Math.max(0, page) * PAGE_SIZE;
        Gateway.Listing listing = name.isBlank()
                ? gateway.list(PARTNERS + "?offset={offset}&limit={limit}", offset, PAGE_SIZE)
                : gateway.list(PARTNERS + "?name={name}&offset={offset}&limit={limit}", name.strip(), offset,
                PAGE_SIZE);
        model.addAttribute("partners", listing.items());
        model.addAttribute("total", listing.total());
        model.addAttribute("page", Math.max(0, page));
        PageBounds.last(model, listing.total(), PAGE_SIZE);
        model.addAttribute("hasNext", offset + listing.items().size() < listing.total());
        model.addAttribute("name", name);
        return "profile-partners";
    }

    @GetMapping("/partners/{id}")
    String partner(@AuthenticationPrincipal OidcUser principal, @PathVariable UUID id, Model model) {
        return show(PortalUser.of(principal), id, model);
    }

    /**
     * Staff set or change the partner's tax id (its VAT number, which settlement prints on the statements it
     * self-bills in the partner's name): a TMF632 merge patch of the organization's {@code organizationIdentification}.
     * Only the roles onboarding lets do it (partner managers, platform admins; anyone else: 403, nothing sent); a
     * blank or overlong tax id is refused here (400 at the field, nothing sent), onboarding's check for the
     * partner's country (400) and another partner's tax id (409) are shown at the field.
     */
    @PostMapping("/partners/{id}/tax-id")
    String taxId(@AuthenticationPrincipal OidcUser principal, @PathVariable UUID id,
                 @RequestParam(defaultValue = "") String taxId, @RequestParam(defaultValue = "") String etag,
                 Model model, RedirectAttributes redirect, HttpServletResponse response) {
        StaffActions.require(principal, TAX_ID_EDITORS);
        String value = taxId.strip();
        String invalid = value.isEmpty() ? "profile.taxId.required"
                : value.length() > TAX_ID_MAX ? "profile.taxId.tooLong" : null;
        if (invalid != null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("failedForm", "taxId");
            model.addAttribute("errorKeys", Map.of("taxId", invalid));
            model.addAttribute("values", Map.of("taxId", taxId));
            model.addAttribute(ORGANIZATION_TAG, etag);
            return show(PortalUser.of(principal), id, model);
        }
        Map<String, String> identification = new LinkedHashMap<>();
        identification.put("identificationType", "taxId");
        identification.put("identificationId", value);
        Map<String, Object> patch = Map.of("organizationIdentification", List.of(identification));
        try {
            gateway.sendIfMatch(etag, HttpMethod.PATCH, ORGANIZATION, patch, id);
        } catch (GatewayProblem problem) {
            if (!problem.isForTheForm()) {
                throw problem;
            }
            response.setStatus(problem.pageStatus().value());
            keepTag(problem, ORGANIZATION_TAG, etag, model);
            model.addAttribute("failedForm", "taxId");
            model.addAttribute("problem", problem);
            model.addAttribute("stale", problem.isStale());
            model.addAttribute("errors", problem.isStale() ? Map.of() : Map.of("taxId", taxIdError(problem)));
            model.addAttribute("values", Map.of("taxId", taxId));
            return show(PortalUser.of(principal), id, model);
        }
        redirect.addFlashAttribute("noticeKey", "profile.taxId.saved");
        return "redirect:/partners/" + id;
    }

    /** Onboarding's message for the tax id (its violation, else the problem's detail: another partner's, 409). */
    private static String taxIdError(GatewayProblem problem) {
        return problem.violations().stream()
                .filter(v -> v.field().startsWith("organizationIdentification") || "taxId".equals(v.field()))
                .map(GatewayProblem.Violation::message).findFirst()
                .orElse(problem.detail() == null ? "" : problem.detail());
    }

    @PostMapping("/partners/{id}/bank-account/confirmation")
    String confirm(@AuthenticationPrincipal OidcUser principal, @PathVariable UUID id, @RequestParam UUID changeId,
                   @RequestParam(defaultValue = "") String iban, Model model, RedirectAttributes redirect,
                   HttpServletResponse response) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("changeId", changeId);
        if (!iban.isBlank()) {
            body.put("iban", iban.strip());
        }
        return decided(() -> gateway.send(HttpMethod.POST, PARTNERS + "/{id}/bank-account/confirmation", body, id),
                "profile.bank.confirmed", principal, id, model, redirect, response);
    }

    @PostMapping("/partners/{id}/bank-account/rejection")
    String reject(@AuthenticationPrincipal OidcUser principal, @PathVariable UUID id, @RequestParam UUID changeId,
                  Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return decided(() -> gateway.send(HttpMethod.POST, PARTNERS + "/{id}/bank-account/rejection",
                        Map.of("changeId", changeId), id), "profile.bank.rejected", principal, id, model, redirect,
                response);
    }

    private String decided(Runnable decision, String noticeKey, OidcUser principal, UUID id, Model model,
                           RedirectAttributes redirect, HttpServletResponse response) {
        try {
            decision.run();
        } catch (GatewayProblem problem) {
            return rejected(problem, PortalUser.of(principal), id, model, response, "decision", Map.of());
        }
        redirect.addFlashAttribute("noticeKey", noticeKey);
        return "redirect:/partners/" + id;
    }

    private String rejected(GatewayProblem problem, PortalUser user, UUID id, Model model,
                            HttpServletResponse response, String form, Map<String, String> values) {
        if (!problem.isForTheForm()) {
            throw problem;
        }
        response.setStatus(problem.pageStatus().value());
        model.addAttribute("failedForm", form);
        model.addAttribute("stale", problem.isStale());
        model.addAttribute("problem", problem);
        model.addAttribute("problemDetail", formProblems.detail(problem));
        // the bank form's IBAN message also holds the BIC's: split before each is put in the user's language
        Map<String, String> byField = "bank".equals(form) ? ProfileView.bankErrors(problem.messagesByField())
                : problem.messagesByField();
        Map<String, String> errors = new LinkedHashMap<>(formProblems.localized(byField));
        var iban = ProfileView.ibanProblem(byField.get("iban"));
        if (iban != null) {
            // what is wrong with the IBAN, in the user's language, not only "this value is not accepted"
            errors.put("iban", messages.getMessage(iban,
                    org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        }
        model.addAttribute("errors", errors);
        model.addAttribute("values", values);
        // onboarding's 403s: four-eyes (the requester confirming their own change) or a role that may not do it
        boolean fourEyes = problem.status() == 403 && "four-eyes".equals(problem.slug());
        model.addAttribute("fourEyes", fourEyes);
        model.addAttribute("roleRefused", problem.status() == 403 && !fourEyes);
        return show(user, id, model);
    }

    /**
     * A refused change shows the form again: with the tag it was filled from when the refusal was about its input
     * (the values the user typed still rest on that version), with the current one when it was stale (the page
     * shows the current version now, to which the user re-applies the change).
     */
    private static void keepTag(GatewayProblem problem, String attribute, String etag, Model model) {
        if (!problem.isStale()) {
            model.addAttribute(attribute, etag);
        }
    }

    private String show(PortalUser user, UUID id, Model model) {
        boolean ownProfile = id.toString().equals(user.partnerId());
        boolean setsTaxId = user.hasRole(Roles.PARTNER_MANAGER) || user.hasRole(Roles.PLATFORM_ADMIN);
        if (setsTaxId && !ownProfile && !model.containsAttribute(ORGANIZATION_TAG)) {
            // read before the partner: a change between the two reads leaves the form a tag older than what it shows
            // (a needless 412 at worst), never a newer one that would let the change overwrite what it does not show
            model.addAttribute(ORGANIZATION_TAG, gateway.read(ORGANIZATION + "?fields=id", id).entityTag());
        }
        Gateway.Tagged read = gateway.read(PARTNERS + "/{id}", id);
        JsonNode partner = read.resource();
        if (!model.containsAttribute(PARTNER_TAG)) {
            model.addAttribute(PARTNER_TAG, read.entityTag());
        }
        model.addAttribute("partner", partner);
        model.addAttribute("address", ProfileView.address(partner.path("registeredAddress")));
        model.addAttribute("contacts", CONTACTS);
        model.addAttribute("ownProfile", ownProfile);
        model.addAttribute("edits", user.hasRole(Roles.PARTNER_ADMIN));
        model.addAttribute("confirms", user.hasRole(Roles.PARTNER_MANAGER) || user.hasRole(Roles.FINANCE)
                || user.hasRole(Roles.PLATFORM_ADMIN));
        model.addAttribute("setsTaxId", setsTaxId);
        if (!model.containsAttribute("errorKeys")) {
            model.addAttribute("errorKeys", Map.of());
        }
        if (!model.containsAttribute("values")) {
            model.addAttribute("values", Map.of());
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "profile";
    }

    /** The partner the user's token is bound to; a partner role without one is refused, not a 500. */
    private static UUID partnerOf(PortalUser user) {
        if (user.partnerId() == null) {
            throw new org.springframework.security.access.AccessDeniedException("no partner_id in the token");
        }
        return UUID.fromString(user.partnerId());
    }

    private static Map<String, String> contact(Map<String, String> form, String role) {
        Map<String, String> contact = new LinkedHashMap<>();
        for (String field : List.of("name", "email", "phone")) {
            String value = form.getOrDefault(role + "." + field, "").strip();
            if (!value.isEmpty()) {
                contact.put(field, value);
            }
        }
        return contact;
    }
}
