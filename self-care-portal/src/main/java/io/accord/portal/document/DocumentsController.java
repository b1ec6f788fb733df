package io.accord.portal.document;

import java.util.LinkedHashMap;
import java.util.List;
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
import io.accord.portal.security.PortalUser;
import io.accord.portal.layout.FormProblems;
import io.accord.portal.layout.PageBounds;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The partner's documents (TMF667, onboarding-service): the list with each latest version, the download of its
 * bytes through the portal, and the upload of a new document (partner admins; PDF, PNG or JPEG, judged by the
 * service from the content).
 */
@Controller
class DocumentsController {

    static final String DOCUMENTS = "/tmf-api/document/v4/document";
    static final List<String> TYPES = List.of("CONTRACT", "CERTIFICATE", "TAX_FORM", "IDENTITY", "BANK_PROOF",
            "OTHER");
    private static final int PAGE_SIZE = 20;

    private final Gateway gateway;
    private final FormProblems formProblems;

    DocumentsController(Gateway gateway, FormProblems formProblems) {
        this.gateway = gateway;
        this.formProblems = formProblems;
    }

    @GetMapping("/documents")
    String list(@AuthenticationPrincipal OidcUser principal, @RequestParam(defaultValue = "") String documentType,
                @RequestParam(defaultValue = "0") int page, Model model, HttpServletResponse response) {
        String type = documentType.strip();
        if (!type.isEmpty() && !TYPES.contains(type)) {
            // not a type the API knows (it would answer 400): said at the filter, nothing listed, no call
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("filterErrorKey", "documents.filter.type");
            model.addAttribute("filterValue", type);
            return page(principal, "", Gateway.Listing.EMPTY, 0, 0, model);
        }
        int offset = Math.max(0, page) * PAGE_SIZE;
        Gateway.Listing listing = type.isEmpty()
                ? gateway.list(DOCUMENTS + "?offset={offset}&limit={limit}", offset, PAGE_SIZE)
                : gateway.list(DOCUMENTS + "?documentType={type}&offset={offset}&limit={limit}", type, offset,
                PAGE_SIZE);
        return page(principal, type, listing, page, offset, model);
    }

    private String page(OidcUser principal, String type, Gateway.Listing listing, int page, int offset,
                        Model model) {
        model.addAttribute("documents", listing.items());
        model.addAttribute("total", listing.total());
        model.addAttribute("page", Math.max(0, page));
        PageBounds.last(model, listing.total(), PAGE_SIZE);
        model.addAttribute("hasNext", offset + listing.items().size() < listing.total());
        model.addAttribute("documentType", type);
        model.addAttribute("types", TYPES);
        model.addAttribute("uploads", PortalUser.of(principal).hasRole(Roles.PARTNER_ADMIN));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
            model.addAttribute("values", Map.of());
        }
        return "documents";
    }

    @PostMapping("/documents")
    String upload(@AuthenticationPrincipal OidcUser principal, @RequestParam(required = false) MultipartFile file,
                  @RequestParam(defaultValue = "") String documentType, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "") String expiryDate, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("documentType", documentType);
        fields.put("name", name.strip());
        if (!expiryDate.isBlank()) {
            fields.put("expiryDate", expiryDate.strip());
        }
        Map<String, Gateway.Upload> files = new LinkedHashMap<>();
        files.put("file", upload(file));
        try {
            gateway.sendParts(DOCUMENTS, files, fields);
        } catch (GatewayProblem problem) {
            if (!problem.isForTheForm()) {
                throw problem;
            }
            response.setStatus(problem.status());
            model.addAttribute("problem", problem);
            // the service's English messages in the user's language, its detail for staff only
            model.addAttribute("errors", formProblems.localized(problem.messagesByField()));
            model.addAttribute("values", fields);
            return list(principal, "", 0, model, response);
        }
        redirect.addFlashAttribute("noticeKey", "documents.uploaded");
        redirect.addFlashAttribute("uploadedName", name.strip());
        return "redirect:/documents";
    }

    /** The latest version's bytes, as the service stored them (its type and file name). */
    @GetMapping("/documents/{id}/content")
    ResponseEntity<StreamingResponseBody> content(@PathVariable UUID id) {
        return gateway.download(DOCUMENTS + "/{id}/content", MediaType.ALL, "document-" + id, id);
    }

    /** The chosen file, or none (the service then names the missing part). */
    static Gateway.Upload upload(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return null;
        }
        return Gateway.Upload.of(file, file.getContentType() == null ? MediaType.APPLICATION_OCTET_STREAM
                : MediaType.parseMediaType(file.getContentType()));
    }
}
