package io.accord.portal.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;

/**
 * One offering of the partner's catalog with its prices, and the forms that change them one at a time (partner
 * admins, their own offerings; docs/portal.md "Catalog editing"): the offering's name, description and validity
 * ({@code PATCH productOffering/{id}}, a JSON merge patch of what changed), and a price's name, amount, minimum charge
 * and start ({@code POST productOfferingPrice} with the price's whole definition and its {@code externalId}, and
 * the offering's {@code ETag} as {@code If-Match}). A draft
 * or rejected offering changes in place; a launched one gets a new version or price version for review, which the
 * owner may withdraw while it waits. The catalog's refusals are shown at their fields. The offering's form sends
 * back the {@code ETag} its page was read with as {@code If-Match} (none while the catalog sends none): an offering
 * someone changed meanwhile is not overwritten, the page says so and shows the current version with the user's input.
 */
@Controller
class OfferingEditController {

    static final String OFFERINGS = "/tmf-api/productCatalogManagement/v4/productOffering";
    static final String PRICES = "/tmf-api/productCatalogManagement/v4/productOfferingPrice";
    static final String WITHDRAWAL = "/api/catalog/offerings/{id}/pending-change/withdrawal";
    /** TMF states in which the owner may change an offering (in review and approved ones wait for the decision). */
    static final Set<String> CHANGEABLE = Set.of("In study", "Rejected", "Launched");

    private final Gateway gateway;

    OfferingEditController(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/catalog/{id}")
    String offering(@AuthenticationPrincipal OidcUser user, @PathVariable UUID id, Model model) {
        Gateway.Tagged read = gateway.read(OFFERINGS + "/{id}", id);
        JsonNode offering = read.resource();
        if (!model.containsAttribute("etag")) {
            model.addAttribute("etag", read.entityTag());
        }
        List<JsonNode> prices = latestPrices(gateway.list(PRICES + "?productOffering.id={id}", id).items());
        model.addAttribute("offering", offering);
        model.addAttribute("prices", prices);
        model.addAttribute("editable", editable(user, offering));
        model.addAttribute("ownOffering", owns(user, offering));
        model.addAttribute("withdrawable", StaffActions.mayAct(user, Roles.PARTNER_ADMIN) && owns(user, offering)
                && !offering.path("pendingChange").asString("").isBlank());
        if (!model.containsAttribute("values")) {
            model.addAttribute("values", OfferingForms.offeringValues(offering));
            model.addAttribute("errors", Map.of());
        }
        return "catalog-offering";
    }

    @PostMapping("/catalog/{id}")
    String changeOffering(@AuthenticationPrincipal OidcUser user, @PathVariable UUID id,
                          @RequestParam(defaultValue = "") String name,
                          @RequestParam(defaultValue = "") String description,
                          @RequestParam(defaultValue = "") String validFrom,
                          @RequestParam(defaultValue = "") String validTo, @RequestParam(defaultValue = "") String etag,
                          Model model, RedirectAttributes redirect, HttpServletResponse response) {
        StaffActions.require(user, Roles.PARTNER_ADMIN);
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("name", name.strip());
        typed.put("description", description.strip());
        typed.put("validFrom", validFrom.strip());
        typed.put("validTo", validTo.strip());
        Map<String, String> errors = OfferingForms.offeringErrors(typed);
        if (!errors.isEmpty()) {
            // the typed values still rest on the version the form was read with
            model.addAttribute("etag", etag);
            return refused(user, id, typed, errors, null, HttpStatus.BAD_REQUEST.value(), model, response);
        }
        JsonNode current = gateway.get(OFFERINGS + "/{id}", id);
        Map<String, Object> patch = OfferingForms.offeringPatch(OfferingForms.offeringValues(current), typed);
        if (patch.isEmpty()) {
            redirect.addFlashAttribute("noticeKey", "catalogEdit.unchanged");
            return "redirect:/catalog/" + id;
        }
        JsonNode changed;
        try {
            changed = gateway.sendIfMatch(etag, HttpMethod.PATCH, OFFERINGS + "/{id}", patch, id);
        } catch (GatewayProblem problem) {
            if (!problem.isForTheForm()) {
                throw problem;
            }
            if (!problem.isStale()) {
                model.addAttribute("etag", etag);
            }
            // stale: the page reads the current version (and its tag) again, the user's input kept
            model.addAttribute("stale", problem.isStale());
            return refused(user, id, typed, problem.isStale() ? Map.of() : fieldErrors(problem, true), problem,
                    problem.pageStatus().value(), model, response);
        }
        redirect.addFlashAttribute("noticeKey", outcome(changed));
        return "redirect:/catalog/" + id;
    }

    /**
     * The owner takes back its change waiting for review (docs/catalog-model.md "Withdrawing a waiting change"):
     * nothing of it applies and the next change can be made. A refusal (decided meanwhile) is shown with its reason.
     */
    @PostMapping("/catalog/{id}/pending-change/withdrawal")
    String withdrawChange(@AuthenticationPrincipal OidcUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        StaffActions.require(user, Roles.PARTNER_ADMIN);
        try {
            gateway.send(HttpMethod.POST, WITHDRAWAL, null, id);
            redirect.addFlashAttribute("noticeKey", "catalogEdit.withdrawn");
        } catch (GatewayProblem problem) {
            if (!problem.isForTheForm()) {
                throw problem;
            }
            redirect.addFlashAttribute("withdrawalRefused", problem.detail() == null ? "" : problem.detail());
        }
        return "redirect:/catalog/" + id;
    }

    @GetMapping("/catalog/{id}/prices/{priceId}")
    String price(@AuthenticationPrincipal OidcUser user, @PathVariable UUID id, @PathVariable UUID priceId,
                 Model model) {
        Gateway.Tagged read = gateway.read(OFFERINGS + "/{id}", id);
        JsonNode offering = read.resource();
        if (!model.containsAttribute("etag")) {
            // a price is decided on its offering's page: the catalog checks the offering's tag
            model.addAttribute("etag", read.entityTag());
        }
        JsonNode price = price(id, priceId);
        model.addAttribute("offering", offering);
        model.addAttribute("price", price);
        model.addAttribute("tiered", !price.path("definition").path("tiers").isEmpty());
        model.addAttribute("editable", editable(user, offering) && !"Obsolete".equals(
                price.path("lifecycleStatus").asString("")));
        if (!model.containsAttribute("values")) {
            Map<String, String> values = OfferingForms.priceValues(price);
            if ("Launched".equals(offering.path("lifecycleStatus").asString(""))) {
                // a launched price's new version starts when the user says so: a past start is a correction, not a default
                values.put("validFrom", "");
            }
            model.addAttribute("values", values);
            model.addAttribute("errors", Map.of());
        }
        return "catalog-price";
    }

    @PostMapping("/catalog/{id}/prices/{priceId}")
    String changePrice(@AuthenticationPrincipal OidcUser user, @PathVariable UUID id, @PathVariable UUID priceId,
                       @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String amount,
                       @RequestParam(defaultValue = "") String minimumCharge,
                       @RequestParam(defaultValue = "") String validFrom, @RequestParam(defaultValue = "") String etag,
                       Model model, RedirectAttributes redirect, HttpServletResponse response) {
        StaffActions.require(user, Roles.PARTNER_ADMIN);
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("name", name.strip());
        typed.put("amount", amount.strip());
        typed.put("minimumCharge", minimumCharge.strip());
        typed.put("validFrom", validFrom.strip());
        JsonNode price = price(id, priceId);
        boolean tiered = !price.path("definition").path("tiers").isEmpty();
        Map<String, String> errors = OfferingForms.priceErrors(typed, tiered);
        int status = HttpStatus.BAD_REQUEST.value();
        GatewayProblem refusal = null;
        if (errors.isEmpty()) {
            try {
                JsonNode answer = gateway.sendIfMatch(etag, HttpMethod.POST, PRICES,
                        OfferingForms.priceRequest(id.toString(), price, typed));
                redirect.addFlashAttribute("noticeKey", "ProductOfferingPrice".equals(
                        answer.path("@type").asString("")) ? "catalogEdit.saved" : outcome(answer));
                return "redirect:/catalog/" + id;
            } catch (GatewayProblem problem) {
                if (!problem.isForTheForm()) {
                    throw problem;
                }
                // stale: the page reads the offering (and its tag) again, the user's input kept
                errors = problem.isStale() ? Map.of() : fieldErrors(problem, false);
                model.addAttribute("stale", problem.isStale());
                refusal = problem;
                status = problem.pageStatus().value();
            }
        }
        if (refusal == null || !refusal.isStale()) {
            // the typed values still rest on the version the form was read with
            model.addAttribute("etag", etag);
        }
        response.setStatus(status);
        model.addAttribute("values", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", refusal);
        return price(user, id, priceId, model);
    }

    private String refused(OidcUser user, UUID id, Map<String, String> typed, Map<String, String> errors,
                           GatewayProblem problem, int status, Model model, HttpServletResponse response) {
        model.addAttribute("values", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        String page = offering(user, id, model);
        response.setStatus(status);
        return page;
    }

    /** The price version of this offering, else a 404 as for any unknown id. */
    private JsonNode price(UUID offeringId, UUID priceId) {
        JsonNode price = gateway.get(PRICES + "/{id}", priceId);
        if (!offeringId.toString().equals(price.path("productOffering").path("id").asString(""))) {
            throw io.accord.portal.gateway.GatewayException.answered(HttpStatus.NOT_FOUND.value(), null, null);
        }
        return price;
    }

    /**
     * The catalog's violations by form field: a field the form has shows the service's message beside it; the
     * others join the form's general message (as "field: message").
     */
    private static Map<String, String> fieldErrors(GatewayProblem problem, boolean offering) {
        Map<String, String> errors = new LinkedHashMap<>();
        problem.messagesByField().forEach((field, message) -> {
            String formField = offering ? OfferingForms.offeringField(field) : OfferingForms.priceField(field);
            errors.putIfAbsent(formField == null ? "general" : formField,
                    formField == null ? field + ": " + message : message);
        });
        return errors;
    }

    /** Saved in place, or waiting for review (a launched offering's new version or price version). */
    private static String outcome(JsonNode offering) {
        return offering.path("pendingChange").asString("").isBlank() ? "catalogEdit.saved" : "catalogEdit.inReview";
    }

    private static List<JsonNode> latestPrices(JsonNode versions) {
        Map<String, JsonNode> latest = new LinkedHashMap<>();
        versions.forEach(version -> latest.merge(version.path("externalId").asString(""), version,
                (kept, other) -> other.path("version").asInt(0) > kept.path("version").asInt(0) ? other : kept));
        return new ArrayList<>(latest.values());
    }

    private static boolean owns(OidcUser user, JsonNode offering) {
        String partner = PortalUser.of(user).partnerId();
        if (partner == null) {
            return false;
        }
        for (JsonNode party : offering.path("relatedParty")) {
            if ("Owner".equals(party.path("role").asString("")) && partner.equals(party.path("id").asString(""))) {
                return true;
            }
        }
        return false;
    }

    private static boolean editable(OidcUser user, JsonNode offering) {
        return StaffActions.mayAct(user, Roles.PARTNER_ADMIN) && owns(user, offering)
                && CHANGEABLE.contains(offering.path("lifecycleStatus").asString(""))
                && offering.path("pendingChange").asString("").isBlank();
    }
}
