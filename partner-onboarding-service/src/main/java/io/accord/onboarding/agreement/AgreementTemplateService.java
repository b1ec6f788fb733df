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

/** Template versions per business model: staff add versions, agreements start from the current one. */
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

    /** The next version of the model's template, which becomes its current one. */
    @Transactional
    AgreementTemplate create(AgreementRequests.CreateTemplate request) {
        AgreementTerms terms = TermsRules.validated(request.terms(), "terms");
        // numbers versions one writer at a time per model; there is no row to lock before the first version
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "agreement_template:" + request.businessModel().name())
                .query((rs, row) -> Boolean.TRUE).single();
        AgreementTemplate template = new AgreementTemplate(request.businessModel(),
                templates.latestVersion(request.businessModel()) + 1, request.name().strip(),
                request.description(), terms, clock.instant(), tenancy.actor());
        templates.save(template);
        audit.record(null, "agreement-template", template.id().toString(), "created", null,
                AgreementTemplateView.of(template, true));
        return template;
    }

    @Transactional(readOnly = true)
    AgreementTemplate current(BusinessModel model) {
        return templates.findFirstByBusinessModelOrderByVersionDesc(model)
                .orElseThrow(() -> new ConflictException("There is no agreement template for " + model));
    }

    @Transactional(readOnly = true)
    java.util.Optional<AgreementTemplate> currentIfAny(BusinessModel model) {
        return templates.findFirstByBusinessModelOrderByVersionDesc(model);
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
        return templates.latestVersion(template.businessModel()) == template.version();
    }
}
