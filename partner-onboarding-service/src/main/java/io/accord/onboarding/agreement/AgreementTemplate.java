package io.accord.onboarding.agreement;

import io.accord.onboarding.partner.BusinessModel;
import io.accord.platform.problem.ConflictException;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/**
 * The standard terms for one business model, in versions. A version's terms never change once created (agreements
 * made from it point at it). A new version is proposed until a second partner manager or platform admin, not its
 * author, approves it (four-eyes on the money terms: activation approves agreements from it without a human step);
 * the highest approved version of a model is its current template.
 */
@Entity
@Table(name = "agreement_template")
class AgreementTemplate {

    @Id
    private UUID id;
    @Enumerated(EnumType.STRING)
    private BusinessModel businessModel;
    private int version;
    private String name;
    private String description;
    @Convert(converter = TermsJson.class)
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private AgreementTerms terms;
    private Instant createdAt;
    private String createdBy;
    private Instant approvedAt;
    private String approvedBy;

    protected AgreementTemplate() {
    }

    AgreementTemplate(BusinessModel businessModel, int version, String name, String description,
                      AgreementTerms terms, Instant now, String by) {
        this.id = UUID.randomUUID();
        this.businessModel = businessModel;
        this.version = version;
        this.name = name;
        this.description = description;
        this.terms = TermsRules.validated(terms, "terms");
        this.createdAt = now;
        this.createdBy = by;
    }

    /**
     * A second CSP user approves this version: its author may not (403 {@code four-eyes}); an approved version is
     * a 409.
     */
    void approve(String by, Instant now) {
        if (approvedAt != null) {
            throw new ConflictException("Agreement template " + id + " (" + businessModel + " version " + version
                    + ") was already approved by " + approvedBy + " at " + approvedAt);
        }
        if (by.equals(createdBy)) {
            throw new AgreementFourEyes("Agreement template " + id + " (" + businessModel + " version " + version
                    + ") was created by " + by + ": another partner-manager or platform-admin than " + createdBy
                    + " must approve it (POST " + AgreementTemplateController.PATH + "/" + id + "/approval)"
                    + " (four-eyes)");
        }
        approvedAt = now;
        approvedBy = by;
    }

    boolean isApproved() {
        return approvedAt != null;
    }

    Instant approvedAt() {
        return approvedAt;
    }

    String approvedBy() {
        return approvedBy;
    }

    UUID id() {
        return id;
    }

    BusinessModel businessModel() {
        return businessModel;
    }

    int version() {
        return version;
    }

    String name() {
        return name;
    }

    String description() {
        return description;
    }

    AgreementTerms terms() {
        return terms;
    }

    Instant createdAt() {
        return createdAt;
    }

    String createdBy() {
        return createdBy;
    }
}
