package io.accord.onboarding.agreement;

import io.accord.onboarding.partner.BusinessModel;
import io.accord.platform.audit.AuditTrail;
import io.accord.platform.problem.ConflictException;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.security.Tenancy;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.UUID;

/**
 * Template versions per business model: a partner manager proposes a version, a second one approves it (four-eyes),
 * and agreements start from the current one, the highest approved version.
 */
@Service
class AgreementTemplateService {

    private final AgreementTemplateRepository templates;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Tenancy tenancy;
    private final Clock clock;

    AgreementTemplateService(AgreementTemplateRepository templates, JdbcClient jdbc, AuditTrail audit,
                             Tenancy tenancy, Clock clock) {
        this.clock = clock;
        this.templates = templates;
        this.jdbc = jdbc;
        this.audit = audit;
        this.tenancy = tenancy;
    }

    /** The next version of the model's template, proposed: it becomes current once a second CSP user approves it. */
    @Transactional
    AgreementTemplate create(AgreementRequests.CreateTemplate request) {
        AgreementTerms terms = TermsRules.validated(request.terms(), "terms");
        lockVersions(request.businessModel());
        AgreementTemplate template = new AgreementTemplate(request.businessModel(),
                templates.latestVersion(request.businessModel()) + 1, request.name().strip(),
                request.description(), terms, clock.instant(), tenancy.actor());
        templates.save(template);
        audit.record(null, "agreement-template", template.id().toString(), "created", null,
                AgreementTemplateView.of(template, false));
        return template;
    }

    /**
     * A second CSP user approves a proposed version (not its author: 403 four-eyes); it becomes current unless a
     * higher version was approved meanwhile (409: it would never be used).
     */
    @Transactional
    AgreementTemplate approve(UUID id) {
        // the model under its lock before the version is read, so two approvals see each other
        BusinessModel model = jdbc.sql("select business_model from agreement_template where id = :id")
                .param("id", id).query(String.class).optional().map(BusinessModel::valueOf)
                .orElseThrow(() -> new NotFoundException("Agreement template", id));
        lockVersions(model);
        AgreementTemplate template = get(id);
        boolean wasCurrent = isCurrent(template);
        AgreementTemplateView before = AgreementTemplateView.of(template, wasCurrent);
        if (!template.isApproved() && templates.currentVersion(template.businessModel()) > template.version()) {
            throw new ConflictException("Agreement template " + id + " (" + template.businessModel() + " version "
                    + template.version() + ") is older than the current version " + templates.currentVersion(
                    template.businessModel()) + "; propose a new version instead");
        }
        template.approve(tenancy.actor(), clock.instant());
        audit.record(null, "agreement-template", id.toString(), "approved", before,
                AgreementTemplateView.of(template, true));
        return template;
    }

    /** Numbers versions and approves them one writer at a time per model; there is no row to lock before the first. */
    private void lockVersions(BusinessModel model) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "agreement_template:" + model.name())
                .query((rs, row) -> Boolean.TRUE).single();
    }

    @Transactional(readOnly = true)
    AgreementTemplate current(BusinessModel model) {
        return templates.findFirstByBusinessModelAndApprovedAtIsNotNullOrderByVersionDesc(model)
                .orElseThrow(() -> new ConflictException("There is no agreement template for " + model));
    }

    @Transactional(readOnly = true)
    java.util.Optional<AgreementTemplate> currentIfAny(BusinessModel model) {
        return templates.findFirstByBusinessModelAndApprovedAtIsNotNullOrderByVersionDesc(model);
    }

    @Transactional(readOnly = true)
    AgreementTemplate get(UUID id) {
        return templates.findById(id).orElseThrow(() -> new NotFoundException("Agreement template", id));
    }

    @Transactional(readOnly = true)
    Page<AgreementTemplate> list(BusinessModel model, Pageable page) {
        return model == null ? templates.findAll(page) : templates.findByBusinessModel(model, page);
    }

    @Transactional(readOnly = true)
    boolean isCurrent(AgreementTemplate template) {
        return template.isApproved() && templates.currentVersion(template.businessModel()) == template.version();
    }
}
