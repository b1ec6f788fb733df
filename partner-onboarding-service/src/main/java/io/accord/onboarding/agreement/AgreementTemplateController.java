package io.accord.onboarding.agreement;

import io.accord.onboarding.partner.BusinessModel;
import io.accord.platform.apidocs.RequestExample;
import io.accord.platform.web.OffsetLimit;
import io.accord.platform.web.PagedResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Agreement templates per business model, in versions; staff only. */
@RestController
@RequestMapping(AgreementTemplateController.PATH)
@Tag(name = "Agreement templates")
@PreAuthorize(AgreementAuthorization.STAFF)
class AgreementTemplateController {

    static final String PATH = "/api/onboarding/agreement-templates";

    private final AgreementTemplateService service;

    AgreementTemplateController(AgreementTemplateService service) {
        this.service = service;
    }

    @PostMapping
    @PreAuthorize(AgreementAuthorization.MANAGERS)
    @Operation(operationId = "createAgreementTemplate",
            summary = "Propose a template version for a business model; it becomes the current one once another "
            + "partner manager or platform admin approves it")
    @ResponseStatus(HttpStatus.CREATED)
    @RequestExample("onboarding/agreement-template.json")
    ResponseEntity<AgreementTemplateView> create(@Valid @RequestBody AgreementRequests.CreateTemplate request) {
        AgreementTemplateView created = AgreementTemplateView.of(service.create(request), false);
        return ResponseEntity.created(URI.create(created.href())).body(created);
    }

    @PostMapping("/{id}/approval")
    @PreAuthorize(AgreementAuthorization.MANAGERS)
    @Operation(operationId = "approveAgreementTemplate",
            summary = "Approve a proposed template version (four-eyes: a partner manager or platform admin who did "
            + "not create it, else 403); it becomes the current one")
    AgreementTemplateView approve(@PathVariable UUID id) {
        return AgreementTemplateView.of(service.approve(id), true);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getAgreementTemplate", summary = "Read a template version")
    AgreementTemplateView get(@PathVariable UUID id) {
        AgreementTemplate template = service.get(id);
        return AgreementTemplateView.of(template, service.isCurrent(template));
    }

    @GetMapping
    @Operation(operationId = "listAgreementTemplates",
            summary = "List template versions, by business model and newest first, paged")
    ResponseEntity<List<AgreementTemplateView>> list(@RequestParam(required = false) BusinessModel businessModel,
                                                     @RequestParam(required = false) Integer offset,
                                                     @RequestParam(required = false) Integer limit) {
        return PagedResponse.of(service.list(businessModel, OffsetLimit.of(offset, limit,
                        Sort.by("businessModel").and(Sort.by(Sort.Direction.DESC, "version")))),
                template -> AgreementTemplateView.of(template, service.isCurrent(template)));
    }
}
