package io.accord.portal.partneruser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpMethod;
import org.springframework.security.access.AccessDeniedException;
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
import io.accord.portal.gateway.GatewayException;
import io.accord.portal.gateway.GatewayProblem;
import io.accord.portal.layout.FormProblems;
import io.accord.portal.security.PortalUser;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;

/**
 * The partner's users, for its partner admins (onboarding's {@code /api/onboarding/partners/{id}/users}, which
 * partner users may not read): the list, inviting a colleague (Keycloak e-mails a link to set a password), changing
 * a user's role and removing a user (disabled and signed out, still listed). Each refusal is shown on the page in
 * the user's words with nothing changed; the admin's own row offers no action, which would sign the admin out.
 */
@Controller
class PartnerUsersController {

    static final String USERS = "/api/onboarding/partners/{partnerId}/users";
    private static final String USER = USERS + "/{userId}";
    private static final String ROLE = USER + "/role";
    private static final List<String> ROLES = List.of(Roles.PARTNER_ADMIN, Roles.PARTNER_USER);

    private final Gateway gateway;
    private final FormProblems formProblems;

    PartnerUsersController(Gateway gateway, FormProblems formProblems) {
        this.gateway = gateway;
        this.formProblems = formProblems;
    }

    @GetMapping("/users")
    String users(@AuthenticationPrincipal OidcUser principal, Model model) {
        PortalUser user = PortalUser.of(principal);
        UUID partner = partnerOf(user);
        List<PartnerUserRow> rows = new ArrayList<>();
        gateway.get(USERS, partner).forEach(item -> rows.add(PartnerUserRow.of(item, user.username())));
        model.addAttribute("users", rows);
        model.addAttribute("roles", ROLES);
        model.addAttribute("fields", List.of("email", "firstName", "lastName", "role"));
        model.addAttribute("emailMax", InvitationForm.EMAIL_MAX);
        model.addAttribute("nameMax", InvitationForm.NAME_MAX);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", InvitationForm.empty());
        }
        for (String attribute : List.of("errorKeys", "errors")) {
            if (!model.containsAttribute(attribute)) {
                model.addAttribute(attribute, Map.of());
            }
        }
        return "users";
    }

    /** Invites a colleague; the portal's own checks answer 400 at the fields with nothing sent. */
    @PostMapping("/users")
    String invite(@AuthenticationPrincipal OidcUser principal, @RequestParam(defaultValue = "") String email,
                  @RequestParam(defaultValue = "") String firstName, @RequestParam(defaultValue = "") String lastName,
                  @RequestParam(defaultValue = "") String role, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        UUID partner = partnerOf(PortalUser.of(principal));
        InvitationForm form = new InvitationForm(email, firstName, lastName, role);
        model.addAttribute("form", form);
        Map<String, String> invalid = form.errorKeys();
        if (!invalid.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("failedForm", "invite");
            model.addAttribute("problemKey", "form.checkFields");
            model.addAttribute("errorKeys", invalid);
            return users(principal, model);
        }
        JsonNode invited;
        try {
            invited = gateway.send(HttpMethod.POST, USERS, form.body(), partner);
        } catch (GatewayException failure) {
            return refused(failure, "invite", principal, model, response);
        }
        String who = form.body().get("email");
        boolean mailFailed = invited != null && !invited.path("invitationError").asString("").isBlank();
        redirect.addFlashAttribute("noticeKey", mailFailed ? "users.invited.mailFailed" : "users.invited");
        redirect.addFlashAttribute("noticeName", who);
        return "redirect:/users";
    }

    @PostMapping("/users/{userId}/role")
    String changeRole(@AuthenticationPrincipal OidcUser principal, @PathVariable UUID userId,
                      @RequestParam(defaultValue = "") String role, @RequestParam(defaultValue = "") String name,
                      Model model, RedirectAttributes redirect, HttpServletResponse response) {
        UUID partner = partnerOf(PortalUser.of(principal));
        if (!ROLES.contains(role)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("problemKey", "users.invite.role.required");
            return users(principal, model);
        }
        try {
            gateway.send(HttpMethod.PUT, ROLE, Map.of("role", role), partner, userId);
        } catch (GatewayException failure) {
            return refused(failure, "user", principal, model, response);
        }
        redirect.addFlashAttribute("noticeKey", Roles.PARTNER_ADMIN.equals(role) ? "users.roleChanged.admin"
                : "users.roleChanged.user");
        redirect.addFlashAttribute("noticeName", name.strip());
        return "redirect:/users";
    }

    /** Removes the user (onboarding disables it and ends its sessions); the page asked for a confirmation first. */
    @PostMapping("/users/{userId}/removal")
    String remove(@AuthenticationPrincipal OidcUser principal, @PathVariable UUID userId,
                  @RequestParam(defaultValue = "") String name, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        UUID partner = partnerOf(PortalUser.of(principal));
        try {
            gateway.send(HttpMethod.DELETE, USER, null, partner, userId);
        } catch (GatewayException failure) {
            return refused(failure, "user", principal, model, response);
        }
        redirect.addFlashAttribute("noticeKey", "users.removed");
        redirect.addFlashAttribute("noticeName", name.strip());
        return "redirect:/users";
    }

    /**
     * Onboarding's refusal, on the page with its status: invalid fields at the invitation's fields, a conflict (the
     * e-mail in use, the partner's last admin, a partner not active or not set up yet) in words of the portal. A
     * service that is not available (Keycloak, onboarding) keeps the page and the input, saying that nothing was
     * changed unless the list shows it; a token the gateway refused is the usual error page (a new login).
     */
    private String refused(GatewayException failure, String form, OidcUser principal, Model model,
                           HttpServletResponse response) {
        if (failure instanceof GatewayProblem problem && problem.isForTheForm()) {
            response.setStatus(problem.status());
            model.addAttribute("failedForm", form);
            Map<String, String> fields = formProblems.localized(problem.messagesByField());
            model.addAttribute("errors", fields);
            String conflict = problem.status() == 409 ? conflictKey(problem.detail()) : null;
            if (conflict != null && conflict.startsWith("users.invite.email")) {
                // the address is what to change: said at the e-mail field
                model.addAttribute("errorKeys", Map.of("email", conflict));
                model.addAttribute("problemKey", "form.checkFields");
            } else if (problem.status() == 403) {
                model.addAttribute("problemKey", "form.roleRefused");
            } else if (conflict != null) {
                model.addAttribute("problemKey", conflict);
            } else if (!fields.isEmpty()) {
                model.addAttribute("problemKey", "form.checkFields");
            } else {
                model.addAttribute("problemKey", "users.refused");
                model.addAttribute("problemDetail", formProblems.detail(problem));
            }
            return users(principal, model);
        }
        if (failure.status() == 404) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("problemKey", "users.gone");
            return users(principal, model);
        }
        if (failure.status() == GatewayException.UNREACHABLE || failure.status() >= 500) {
            response.setStatus(HttpServletResponse.SC_BAD_GATEWAY);
            model.addAttribute("failedForm", form);
            model.addAttribute("problemKey", "users.unavailable");
            return users(principal, model);
        }
        throw failure;
    }

    /** Onboarding's 409s told apart by their detail (it has one problem type for all of them). */
    private static String conflictKey(String detail) {
        String text = detail == null ? "" : detail;
        if (text.contains("is a user of this partner already")) {
            return "users.invite.email.ours";
        } else if (text.contains("in use by another account")) {
            return "users.invite.email.taken";
        } else if (text.contains("last enabled")) {
            return "users.conflict.lastAdmin";
        }
        return "users.conflict.partner";
    }

    /** The partner the admin's token is bound to; a partner role without one is refused, not a 500. */
    private static UUID partnerOf(PortalUser user) {
        if (user.partnerId() == null) {
            throw new AccessDeniedException("no partner_id in the token");
        }
        return UUID.fromString(user.partnerId());
    }
}
