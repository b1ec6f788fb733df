package io.accord.portal.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.accord.portal.gateway.Gateway;
import io.accord.portal.gateway.GatewayException;
import io.accord.portal.gateway.anonymous.AnonymousGateway;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import tools.jackson.databind.JsonNode;

/**
 * The public application wizard, no login: a prospective partner fills in the application, attaches documents,
 * submits, and follows its application (status, the automated checks' reasons, what a partner manager asks for) and
 * amends it when asked. Every call goes to the gateway's public onboarding routes with the application's tracking
 * secret, which stays in the applicant's server session.
 */
@Controller
class ApplyController {

    private static final String APPLICATIONS = "/api/onboarding/applications";
    private static final long MAX_FILE = 10L * 1024 * 1024;

    private final AnonymousGateway gateway;
    private final OnboardingRequirements requirements;
    private final ApplicationDocuments documents;

    ApplyController(AnonymousGateway gateway, OnboardingRequirements requirements, ApplicationDocuments documents) {
        this.gateway = gateway;
        this.requirements = requirements;
        this.documents = documents;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("partnerTypes", ApplicationFormData.PARTNER_TYPES);
        model.addAttribute("businessModels", ApplicationFormData.BUSINESS_MODELS);
        model.addAttribute("documentTypes", ApplicationFormData.DOCUMENT_TYPES);
        model.addAttribute("requirements", requirements.current());
    }

    @GetMapping("/apply")
    String form(Model model) {
        model.addAttribute("form", ApplicationFormData.empty());
        model.addAttribute("errors", Map.of());
        return "apply";
    }

    @PostMapping("/apply")
    String apply(@ModelAttribute("form") ApplicationFormData form, Model model, HttpSession session,
                 HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, String> errors = form.errors(requirements.current());
        if (!errors.isEmpty()) {
            return invalid(model, response, errors, null);
        }
        JsonNode created;
        try {
            created = gateway.send("POST", APPLICATIONS, form.toJson(), forwarded(request));
        } catch (GatewayException e) {
            return rejected(e, model, response);
        }
        UUID id = UUID.fromString(created.path("id").asString());
        ApplicantSession.of(session).remember(id, created.path("trackingSecret").asString());
        redirect.addFlashAttribute("trackingSecret", created.path("trackingSecret").asString());
        return "redirect:/apply/" + id;
    }

    @GetMapping("/apply/{id}")
    String application(@PathVariable UUID id, Model model, HttpSession session) {
        Optional<String> secret = ApplicantSession.of(session).secret(id);
        if (secret.isEmpty()) {
            return "redirect:/apply/track";
        }
        JsonNode view = gateway.get(APPLICATIONS + "/{id}", tracking(secret.get()), id);
        ApplicationDocuments.Listed attached = documents.of(id, secret.get());
        model.addAttribute("tracked", ApplicationStatusView.of(view));
        model.addAttribute("documents", attached);
        model.addAttribute("missing", missing(view, attached));
        return "apply-status";
    }

    @GetMapping("/apply/{id}/edit")
    String edit(@PathVariable UUID id, Model model, HttpSession session) {
        Optional<String> secret = ApplicantSession.of(session).secret(id);
        if (secret.isEmpty()) {
            return "redirect:/apply/track";
        }
        JsonNode view = gateway.get(APPLICATIONS + "/{id}", tracking(secret.get()), id);
        model.addAttribute("form", ApplicationFormData.of(view.path("application")));
        model.addAttribute("applicationId", id);
        model.addAttribute("errors", Map.of());
        return "apply";
    }

    @PostMapping("/apply/{id}")
    String amend(@PathVariable UUID id, @ModelAttribute("form") ApplicationFormData form, Model model,
                 HttpSession session, HttpServletResponse response, RedirectAttributes redirect) {
        Optional<String> secret = ApplicantSession.of(session).secret(id);
        if (secret.isEmpty()) {
            return "redirect:/apply/track";
        }
        Map<String, String> errors = form.errors(requirements.current());
        if (!errors.isEmpty()) {
            return invalid(model, response, errors, id);
        }
        try {
            gateway.send("PUT", APPLICATIONS + "/{id}", form.toJson(), tracking(secret.get()), id);
        } catch (GatewayException e) {
            model.addAttribute("applicationId", id);
            return rejected(e, model, response);
        }
        redirect.addFlashAttribute("noticeKey", "apply.amended");
        return "redirect:/apply/" + id;
    }

    @PostMapping(path = "/apply/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String attach(@PathVariable UUID id, @RequestParam(defaultValue = "") String documentType,
                  @RequestParam(name = "file", required = false) MultipartFile file, HttpSession session,
                  HttpServletResponse response, RedirectAttributes redirect) {
        Optional<String> secret = ApplicantSession.of(session).secret(id);
        if (secret.isEmpty()) {
            return "redirect:/apply/track";
        }
        if (file == null || file.isEmpty() || !ApplicationFormData.DOCUMENT_TYPES.contains(documentType)) {
            redirect.addFlashAttribute("errorKey", file == null || file.isEmpty() ? "apply.error.file"
                    : "apply.error.choose");
            return "redirect:/apply/" + id;
        }
        if (file.getSize() > MAX_FILE) {
            redirect.addFlashAttribute("errorKey", "apply.error.fileTooLarge");
            return "redirect:/apply/" + id;
        }
        try {
            gateway.upload(APPLICATIONS + "/{id}/documents", Gateway.Upload.of(file,
                    MediaType.parseMediaType(Optional.ofNullable(file.getContentType())
                            .orElse(MediaType.APPLICATION_OCTET_STREAM_VALUE))),
                    Map.of("documentType", documentType), tracking(secret.get()), id);
            redirect.addFlashAttribute("noticeKey", "apply.attached");
        } catch (GatewayException e) {
            if (e.status() < 400 || e.status() >= 500) {
                throw e;
            }
            redirect.addFlashAttribute("errorKey", "apply.error.document");
            redirect.addFlashAttribute("errorDetail", e.detail());
        }
        return "redirect:/apply/" + id;
    }

    /**
     * Submits the application. One that lacks what the checks require (a field, a document onboarding does not list
     * as attached) is submitted only when the applicant confirms that a partner manager will review it.
     */
    @PostMapping("/apply/{id}/submission")
    String submit(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean confirmIncomplete,
                  HttpSession session, HttpServletResponse response, RedirectAttributes redirect) {
        Optional<String> secret = ApplicantSession.of(session).secret(id);
        if (secret.isEmpty()) {
            return "redirect:/apply/track";
        }
        if (!confirmIncomplete && missing(gateway.get(APPLICATIONS + "/{id}", tracking(secret.get()), id),
                documents.of(id, secret.get())).any()) {
            redirect.addFlashAttribute("errorKey", "apply.error.incomplete");
            return "redirect:/apply/" + id;
        }
        try {
            gateway.send("POST", APPLICATIONS + "/{id}/submission", null, tracking(secret.get()), id);
            redirect.addFlashAttribute("noticeKey", "apply.submitted");
        } catch (GatewayException e) {
            if (e.status() != 409 && e.status() != 422) {
                throw e;
            }
            redirect.addFlashAttribute("errorKey", "apply.error.notSubmittable");
            redirect.addFlashAttribute("errorDetail", e.detail());
        }
        return "redirect:/apply/" + id;
    }

    /** Resume from another browser: the application's id and its tracking secret. */
    @GetMapping("/apply/track")
    String track() {
        return "apply-track";
    }

    @PostMapping("/apply/track")
    String resume(@RequestParam(defaultValue = "") String applicationId, @RequestParam(defaultValue = "") String secret,
                  Model model, HttpSession session, HttpServletResponse response) {
        UUID id;
        try {
            id = UUID.fromString(applicationId.strip());
        } catch (IllegalArgumentException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errorKey", "apply.error.applicationId");
            return "apply-track";
        }
        if (secret.isBlank()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errorKey", "apply.error.secret");
            return "apply-track";
        }
        try {
            gateway.get(APPLICATIONS + "/{id}", tracking(secret.strip()), id);
        } catch (GatewayException e) {
            if (e.status() != 404 && e.status() != 401) {
                throw e;
            }
            // the service does not tell an unknown application from a wrong secret, and neither do we
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("errorKey", "apply.error.notFound");
            return "apply-track";
        }
        ApplicantSession.of(session).remember(id, secret.strip());
        return "redirect:/apply/" + id;
    }

    private String invalid(Model model, HttpServletResponse response, Map<String, String> errors, UUID id) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("errors", errors);
        model.addAttribute("applicationId", id);
        return "apply";
    }

    private String rejected(GatewayException e, Model model, HttpServletResponse response) {
        if (e.status() < 400 || e.status() >= 500 || e.status() == 401 || e.status() == 403) {
            throw e;
        }
        response.setStatus(e.status() == 429 ? HttpStatus.TOO_MANY_REQUESTS.value() : e.pageStatus().value());
        model.addAttribute("errors", Map.of());
        model.addAttribute("errorKey", e.status() == 429 ? "apply.error.tooMany" : "apply.error.rejected");
        model.addAttribute("errorDetail", e.detail());
        return "apply";
    }

    /** What the application lacks; with its documents unlisted, only fields (the page says why). */
    private ApplicationRequirements.Missing missing(JsonNode view, ApplicationDocuments.Listed attached) {
        ApplicationRequirements.Missing missing = requirements.current()
                .missing(ApplicationFormData.of(view.path("application")), attached.documentTypes());
        return attached.listed() ? missing : new ApplicationRequirements.Missing(missing.fields(), List.of());
    }

    private static Map<String, String> tracking(String secret) {
        return Map.of(AnonymousGateway.TRACKING_SECRET, secret);
    }

    private static Map<String, String> forwarded(HttpServletRequest request) {
        return Map.of("X-Forwarded-For", request.getRemoteAddr());
    }

    /** An application as its applicant follows it. */
    record ApplicationStatusView(String id, String legalName, String partnerType, String status,
                                 String decisionReason, String partnerId, String submittedAt, List<Check> checks) {

        /** A check's result: name, outcome and {@code reasonCode} (shown in words), and the service's reason. */
        record Check(String name, String outcome, String reasonCode, String reason) {
            public boolean passed() {
                return "PASSED".equals(outcome);
            }
        }

        public boolean amendable() {
            return "DRAFT".equals(status) || "INFO_REQUESTED".equals(status);
        }

        public boolean informationRequested() {
            return "INFO_REQUESTED".equals(status);
        }

        static ApplicationStatusView of(JsonNode view) {
            List<Check> checks = new ArrayList<>();
            view.path("checks").forEach(check -> checks.add(new Check(check.path("check").asString(""),
                    check.path("outcome").asString(""), check.path("reasonCode").asString("").strip(),
                    check.path("reason").asString(""))));
            return new ApplicationStatusView(view.path("id").asString(),
                    view.path("application").path("legalName").asString(""),
                    view.path("application").path("partnerType").asString(""), view.path("status").asString(""),
                    view.path("decisionReason").asString(""), view.path("partnerId").asString(""),
                    view.path("submittedAt").asString(""), checks);
        }
    }
}
