package io.accord.onboarding.agreement;

import io.accord.onboarding.partner.BusinessModel;
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
 * The standard terms for one business model, in versions. A version never changes once created (agreements made
 * from it point at it); the highest version of a model is its current template.
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
