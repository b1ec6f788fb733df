package io.accord.onboarding.agreement;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.accord.onboarding.partner.BusinessModel;

import java.time.Instant;
import java.util.UUID;

/**
 * A template version as the API shows it; {@code current} marks the one new agreements start from. {@code status}
 * is {@code PROPOSED} until a second CSP user approves it ({@code approvedBy}, {@code approvedAt}), then
 * {@code APPROVED}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record AgreementTemplateView(UUID id, String href, BusinessModel businessModel, int version, boolean current,
                             String name, String description, AgreementTerms terms, Instant createdAt,
                             String createdBy, String status, String approvedBy, Instant approvedAt) {

    static AgreementTemplateView of(AgreementTemplate template, boolean current) {
        return new AgreementTemplateView(template.id(), AgreementTemplateController.PATH + "/" + template.id(),
                template.businessModel(), template.version(), current, template.name(), template.description(),
                template.terms(), template.createdAt(), template.createdBy(),
                template.isApproved() ? "APPROVED" : "PROPOSED", template.approvedBy(), template.approvedAt());
    }
}
