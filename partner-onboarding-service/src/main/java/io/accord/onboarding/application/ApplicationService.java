package io.accord.onboarding.application;

import io.accord.onboarding.agreement.Agreements;
import io.accord.onboarding.check.ApplicantData;
import io.accord.onboarding.check.ApplicationChecks;
import io.accord.onboarding.check.ApprovalPolicy;
import io.accord.onboarding.check.CheckNames;
import io.accord.onboarding.check.CheckResult;
import io.accord.onboarding.check.ReasonCodes;
import io.accord.onboarding.check.Names;
import io.accord.onboarding.check.PolicyDecision;
import io.accord.onboarding.check.TaxIds;
import io.accord.onboarding.document.DocumentRef;
import io.accord.onboarding.document.DocumentOwner;
import io.accord.onboarding.document.Documents;
import io.accord.onboarding.identity.IdentityProvisioning;
import io.accord.onboarding.partner.PartnerRegistry;
import io.accord.contracts.value.PartnerId;
import io.accord.platform.audit.AuditTrail;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.security.Tenancy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** Applications from draft to decision; each step one transaction with its audit row. */
@Service
class ApplicationService {

    /** The applicant's contact persons: audited by field name only (AuditTrail#recordWithoutPersonalData). */
    static final List<String> PERSONAL = List.of("application.contacts");

    private static final Logger log = LoggerFactory.getLogger(ApplicationService.class);
    private static final String RESOURCE = "application";

    private final ApplicationRepository applications;
    private final ApplicationChecks checks;
    private final ApprovalPolicy policy;
    private final PartnerRegistry partners;
    private final PartnerActivation activation;
    private final Documents documents;
    private final AuditTrail audit;
    private final Tenancy tenancy;
    private final IdentityProvisioning identities;
    private final Agreements agreements;
    private final Clock clock;

    ApplicationService(ApplicationRepository applications, ApplicationChecks checks, ApprovalPolicy policy,
                       PartnerRegistry partners, PartnerActivation activation, Documents documents,
                       AuditTrail audit, Tenancy tenancy, IdentityProvisioning identities, Agreements agreements,
                       Clock clock) {
        this.clock = clock;
        this.agreements = agreements;
        this.identities = identities;
        this.applications = applications;
        this.checks = checks;
        this.policy = policy;
        this.partners = partners;
        this.activation = activation;
        this.documents = documents;
        this.audit = audit;
        this.tenancy = tenancy;
    }

    /** A new draft and the secret to follow it (returned once, stored only as a hash). */
    @Transactional
    Created create(ApplicationForm form) {
        String secret = TrackingSecrets.newSecret();
        PartnerApplication application = PartnerApplication.draft(form, identity(form),
                TrackingSecrets.hash(secret), clock.instant());
        applications.save(application);
        audit.recordWithoutPersonalData(null, RESOURCE, application.id().toString(), "created", null,
                ApplicationView.forAudit(application), PERSONAL);
        return new Created(application, secret);
    }

    record Created(PartnerApplication application, String trackingSecret) {
    }

    @Transactional(readOnly = true)
    PartnerApplication byApplicant(UUID id, String secret) {
        return applicants(applications.findById(id), id, secret);
    }

    private static PartnerApplication applicants(Optional<PartnerApplication> application, UUID id, String secret) {
        return application.filter(found -> secret != null && found.hasSecretHash(TrackingSecrets.hash(secret)))
                .orElseThrow(() -> new NotFoundException("Application", id));
    }

    @Transactional(readOnly = true)
    PartnerApplication byStaff(UUID id) {
        return applications.findById(id).orElseThrow(() -> new NotFoundException("Application", id));
    }

    @Transactional
    PartnerApplication amend(UUID id, String secret, ApplicationForm form) {
        return change(byApplicant(id, secret), "amended", application ->
                application.amend(form, identity(form), clock.instant()));
    }

    /** The documents attached to the application, for its applicant. */
    @Transactional(readOnly = true)
    List<DocumentRef> documentsOf(UUID id, String secret) {
        return documents.of(DocumentOwner.application(byApplicant(id, secret).id()));
    }

    @Transactional
    DocumentRef attach(UUID id, String secret, String type, String name, byte[] content, LocalDate expiry) {
        // locked: an upload is activity (its updatedAt), and parallel uploads wait for each other, not fail
        PartnerApplication application = applicants(applications.findLockedById(id), id, secret);
        application.documentAttached(clock.instant());
        applications.save(application);
        return documents.store(DocumentOwner.application(id), type, name,
                content, expiry);
    }

    /** Runs every check, then approves at once (zero-touch) or queues for a partner manager. */
    @Transactional
    PartnerApplication submit(UUID id, String secret) {
        PartnerApplication application = byApplicant(id, secret);
        ApplicationView before = ApplicationView.forAudit(application);
        var data = application.form().toApplicantData(id);
        List<CheckResult> results = new ArrayList<>(checks.run(data, documents.documentTypesOf(
                        DocumentOwner.application(id)),
                new ApplicationDuplicates(partners, applications, identities)));
        if (data.model() != null) {
            results.add(agreementTerms(data));
        }
        PolicyDecision decision = policy.decide(data, results);
        boolean zeroTouch = decision.autoApprove();
        application.submit(results.stream().map(RecordedCheck::of).toList(), zeroTouch, clock.instant());
        if (zeroTouch) {
            // the policy decided: what follows (partner, agreement, documents) is recorded as its doing
            tenancy.actingAs(ApprovalPolicy.ACTOR, () -> activate(application));
        }
        applications.save(application);
        audit.recordWithoutPersonalData(application.partnerId() == null ? null
                        : new PartnerId(application.partnerId()), RESOURCE, id.toString(),
                zeroTouch ? "submitted-and-approved" : "submitted-for-review", before,
                ApplicationView.forAudit(application), PERSONAL);
        log.info("Application {} submitted: {} ({})", id, application.status(), decision.reasons());
        return application;
    }

    /**
     * Whether the template's terms can be put in force for this applicant without a human step: in the template's
     * currency, with a tax treatment derived from its country and VAT id. If not, a partner manager decides, and
     * the approved partner's agreement starts as a draft naming the open points.
     */
    private CheckResult agreementTerms(ApplicantData data) {
        Agreements.TemplateCheck template = agreements.templateCheck(data.model(), data.country(), data.taxId(),
                data.settlementCurrency());
        return template.fits()
                ? CheckResult.passed(CheckNames.AGREEMENT_TERMS, ReasonCodes.AGREEMENT_TERMS_APPLY, "the "
                        + data.model() + " template applies as it is; tax: " + template.basis())
                : CheckResult.failed(CheckNames.AGREEMENT_TERMS, ReasonCodes.AGREEMENT_TERMS_OPEN_POINTS,
                        String.join("; ", template.openPoints())
                        + ". A partner manager reviews the application; once approved, the partner's agreement"
                        + " starts as a draft for staff to complete");
    }

    @Transactional
    PartnerApplication approve(UUID id, String note) {
        return change(byStaff(id), "approved", application -> {
            application.approve(tenancy.actor(), note, clock.instant());
            activate(application);
        });
    }

    @Transactional
    PartnerApplication reject(UUID id, String reason) {
        return change(byStaff(id), "rejected", application ->
                application.reject(tenancy.actor(), reason, clock.instant()));
    }

    @Transactional
    PartnerApplication requestInformation(UUID id, String whatIsNeeded) {
        return change(byStaff(id), "information-requested", application ->
                application.requestInformation(tenancy.actor(), whatIsNeeded, clock.instant()));
    }

    @Transactional(readOnly = true)
    Page<PartnerApplication> queue(ReviewQueueFilter filter, ReviewQueueOrder order, Pageable page) {
        return applications.findAll(order.applyTo(filter.toSpecification(clock.instant())), page);
    }

    private PartnerApplication change(PartnerApplication application, String action,
                                      Consumer<PartnerApplication> transition) {
        ApplicationView before = ApplicationView.forAudit(application);
        transition.accept(application);
        applications.save(application);
        audit.recordWithoutPersonalData(application.partnerId() == null ? null
                        : new PartnerId(application.partnerId()),
                RESOURCE, application.id().toString(), action, before, ApplicationView.forAudit(application),
                PERSONAL);
        return application;
    }

    private void activate(PartnerApplication application) {
        PartnerApplication.Identity identity = identity(application.form());
        activation.activate(application, identity.normalisedName(), identity.normalisedTaxId(), clock.instant());
    }

    private static PartnerApplication.Identity identity(ApplicationForm form) {
        return new PartnerApplication.Identity(Names.normalise(form.legalName()),
                form.taxId() == null || form.taxId().isBlank() ? null : TaxIds.normalise(form.taxId()));
    }
}
