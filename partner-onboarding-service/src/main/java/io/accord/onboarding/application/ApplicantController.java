package io.accord.onboarding.application;

import io.accord.onboarding.document.DocumentRef;
import io.accord.platform.apidocs.RequestExample;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The applicant's side, without an account: apply, add documents, amend, submit and follow the application
 * with the tracking secret from the first answer (header {@code X-Tracking-Secret}). A wrong secret is a 404.
 */
@RestController
@RequestMapping(ApplicationView.PATH)
@Tag(name = "Partner applications")
class ApplicantController {

    private final ApplicationService service;

    ApplicantController(ApplicationService service) {
        this.service = service;
    }

    /** Said by every call after the first; the starter adds "Roles: anyone (no token needed)." to each. */
    static final String FOLLOW_UP = "Public application flow: the tracking secret from `applyAsPartner` (header "
            + "`" + TrackingSecrets.HEADER + "`) authorizes this call: without it a 401, a wrong one a 404.";

    @PostMapping
    @Operation(operationId = "applyAsPartner", description = "Public application flow: no account needed; the "
            + "answer's tracking secret authorizes the follow-up calls.",
            summary = "Apply to become a partner (no account needed); the answer carries the tracking secret")
    @ResponseStatus(HttpStatus.CREATED)
    @RequestExample("onboarding/application.json")
    ResponseEntity<ApplicationView> apply(@Valid @RequestBody ApplicationForm form) {
        ApplicationService.Created created = service.create(form);
        ApplicationView view = ApplicationView.forApplicant(created.application(), created.trackingSecret());
        return ResponseEntity.created(URI.create(view.href())).body(view);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "trackApplication", description = FOLLOW_UP,
            summary = "Follow an application: status, automated checks and their reasons, decision")
    ApplicationView get(@PathVariable UUID id, @RequestHeader(value = TrackingSecrets.HEADER, required = false) String secret) {
        return ApplicationView.forApplicant(service.byApplicant(id, TrackingSecrets.required(secret)));
    }

    @PutMapping("/{id}")
    @Operation(operationId = "amendApplication", description = FOLLOW_UP,
            summary = "Amend a draft, or an application on which information was requested")
    @RequestExample("onboarding/application.json")
    ApplicationView amend(@PathVariable UUID id, @RequestHeader(value = TrackingSecrets.HEADER, required = false) String secret,
                          @Valid @RequestBody ApplicationForm form) {
        return ApplicationView.forApplicant(service.amend(id, TrackingSecrets.required(secret), form));
    }

    @GetMapping("/{id}/documents")
    @Operation(operationId = "listApplicationDocuments", description = FOLLOW_UP,
            summary = "The documents attached so far, oldest first: type, name, version, media type and SHA-256 "
                    + "(href: where staff, and the partner once approved, read it)")
    List<DocumentRef> documents(@PathVariable UUID id,
                                @RequestHeader(value = TrackingSecrets.HEADER, required = false) String secret) {
        return service.documentsOf(id, TrackingSecrets.required(secret));
    }

    @PostMapping(path = "/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(operationId = "attachApplicationDocument", description = FOLLOW_UP,
            summary = "Attach a document (PDF, PNG or JPEG) of a type such as TAX_FORM or BANK_PROOF")
    @ResponseStatus(HttpStatus.CREATED)
    @RequestExample(value = "onboarding/tax-form.pdf", fields = "documentType=TAX_FORM")
    ResponseEntity<DocumentRef> attach(@PathVariable UUID id, @RequestHeader(value = TrackingSecrets.HEADER, required = false) String secret,
                                       @RequestPart("file") MultipartFile file,
                                       @RequestParam("documentType") String documentType,
                                       @RequestParam(value = "expiryDate", required = false)
                                       @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expiryDate) {
        try {
            DocumentRef stored = service.attach(id, TrackingSecrets.required(secret), documentType,
                    file.getOriginalFilename(), file.getBytes(), expiryDate);
            return ResponseEntity.status(201).body(stored);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the uploaded file failed", e);
        }
    }

    @PostMapping("/{id}/submission")
    @Operation(operationId = "submitApplication", description = FOLLOW_UP,
            summary = "Submit: the automated checks run; a clean application under the policy is approved at once")
    ApplicationView submit(@PathVariable UUID id, @RequestHeader(value = TrackingSecrets.HEADER, required = false) String secret) {
        return ApplicationView.forApplicant(service.submit(id, TrackingSecrets.required(secret)));
    }
}
