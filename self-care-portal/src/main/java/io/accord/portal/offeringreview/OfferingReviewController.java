package io.accord.portal.offeringreview;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.accord.portal.gateway.Gateway;
import io.accord.portal.gateway.GatewayException;
import io.accord.portal.security.PortalUser;

/**
 * Staff: offerings (and launched offerings' changes) waiting for a partner manager, oldest submission first, with
 * approve (launch now) and reject with a reason (docs/catalog-model.md, "Lifecycle"). Auditors read the queue only.
 */
@Controller
class OfferingReviewController {

    private static final String QUEUE = "/api/catalog/review-queue?offset=0&limit=50";
    private static final int REASON_MAX = 2000;

    private final Gateway gateway;

    OfferingReviewController(Gateway gateway) {
        this.gateway = gateway;
    }

    record Item(String id, String name, String externalId, String ownerPartnerId, String status,
                String pendingChange, String category, String submittedAt) {
    }

    @GetMapping("/offering-review")
    String queue(@AuthenticationPrincipal OidcUser user, Model model) {
        Gateway.Listing listing = gateway.list(QUEUE);
        List<Item> items = new ArrayList<>();
        listing.items().forEach(item -> items.add(new Item(item.path("offeringId").asString(),
                item.path("name").asString(""), item.path("externalId").asString(""),
                item.path("ownerPartnerId").asString(""), item.path("status").asString(""),
                item.path("pendingChange").asString(""), item.path("categoryCode").asString(""),
                item.path("submittedAt").asString(""))));
        model.addAttribute("items", items);
        model.addAttribute("total", listing.total());
        model.addAttribute("decides", PortalUser.of(user).decidesApplications());
        return "offeringreview";
    }

    @PostMapping("/offering-review/{id}/decision")
    String decide(@PathVariable UUID id, @RequestParam(defaultValue = "") String decision,
                  @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        String text = reason.strip();
        if (!"APPROVE".equals(decision) && !"REJECT".equals(decision)) {
            redirect.addFlashAttribute("errorKey", "offeringReview.error.decision");
            return "redirect:/offering-review";
        }
        if ("REJECT".equals(decision) && (text.isEmpty() || text.length() > REASON_MAX)) {
            redirect.addFlashAttribute("errorKey", "offeringReview.error.reason");
            return "redirect:/offering-review";
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", decision);
        if (!text.isEmpty()) {
            body.put("reason", text);
        }
        try {
            var offering = gateway.post("/api/catalog/offerings/{id}/decision", body, id);
            redirect.addFlashAttribute("decided", offering.path("name").asString(""));
            redirect.addFlashAttribute("decidedStatus", offering.path("lifecycleStatus").asString(""));
        } catch (GatewayException e) {
            if (e.status() != 409 && e.status() != 422) {
                throw e;
            }
            redirect.addFlashAttribute("errorKey", "offeringReview.error.conflict");
            redirect.addFlashAttribute("errorDetail", e.detail());
        }
        return "redirect:/offering-review";
    }
}
