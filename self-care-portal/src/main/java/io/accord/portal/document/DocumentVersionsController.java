package io.accord.portal.document;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.accord.contracts.Roles;
import io.accord.portal.gateway.Gateway;
import io.accord.portal.gateway.GatewayProblem;
import io.accord.portal.security.StaffActions;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.JsonNode;

/**
 * One document of the partner (TMF667, onboarding-service) with every version, each downloadable, and the upload of
 * a new version (partner admins: multipart {@code file} and an optional {@code expiryDate} to
 * {@code POST document/{id}/version}; earlier versions stay). The service's refusals are shown at their fields.
 */
@Controller
class DocumentVersionsController {

    private static final String DOCUMENTS = DocumentsController.DOCUMENTS;

    private final Gateway gateway;

    DocumentVersionsController(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/documents/{id}")
    String document(@AuthenticationPrincipal OidcUser user, @PathVariable UUID id, Model model) {
        model.addAttribute("document", gateway.get(DOCUMENTS + "/{id}", id));
        JsonNode versions = gateway.get(DOCUMENTS + "/{id}/version", id);
        java.util.List<JsonNode> newestFirst = new java.util.ArrayList<>();
        versions.forEach(version -> newestFirst.addFirst(version));
        model.addAttribute("versions", newestFirst);
        model.addAttribute("uploads", StaffActions.mayAct(user, Roles.PARTNER_ADMIN));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
            model.addAttribute("values", Map.of());
        }
        return "documents-detail";
    }

    @PostMapping("/documents/{id}/version")
    String addVersion(@AuthenticationPrincipal OidcUser user, @PathVariable UUID id,
                      @RequestParam(required = false) MultipartFile file,
                      @RequestParam(defaultValue = "") String expiryDate, Model model, RedirectAttributes redirect,
                      HttpServletResponse response) {
        StaffActions.require(user, Roles.PARTNER_ADMIN);
        Map<String, String> fields = new LinkedHashMap<>();
        if (!expiryDate.isBlank()) {
            fields.put("expiryDate", expiryDate.strip());
        }
        Map<String, Gateway.Upload> files = new LinkedHashMap<>();
        files.put("file", DocumentsController.upload(file));
        JsonNode version;
        try {
            version = gateway.sendParts(DOCUMENTS + "/{id}/version", files, fields, id);
        } catch (GatewayProblem problem) {
            if (!problem.isForTheForm()) {
                throw problem;
            }
            model.addAttribute("problem", problem);
            model.addAttribute("errors", problem.messagesByField());
            model.addAttribute("values", fields);
            String page = document(user, id, model);
            response.setStatus(problem.status());
            return page;
        }
        redirect.addFlashAttribute("versionAdded", version.path("version").asString(""));
        return "redirect:/documents/" + id;
    }

    /** One version's bytes, as the service stored them. */
    @GetMapping("/documents/{id}/version/{version}/content")
    ResponseEntity<StreamingResponseBody> content(@PathVariable UUID id, @PathVariable int version) {
        return gateway.download(DOCUMENTS + "/{id}/version/{version}/content", MediaType.ALL,
                "document-" + id + "-v" + version, id, version);
    }
}
