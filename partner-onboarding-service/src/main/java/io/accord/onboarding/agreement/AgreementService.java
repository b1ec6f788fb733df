package io.accord.onboarding.agreement;

import io.accord.contracts.value.PartnerId;
import io.accord.onboarding.partner.BusinessModel;
import io.accord.onboarding.partner.PartnerDirectory;
import io.accord.onboarding.partner.PartnerStatus;
import io.accord.platform.problem.ConflictException;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.scheduling.JobItems;
import io.accord.platform.security.Tenancy;
import io.accord.platform.web.EntityTags;
import io.accord.platform.web.IfMatch;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Thin application service: checks who may act, then lets {@link AgreementChanges} run the aggregate. */
@Service
class AgreementService {

    /**
     * Partners with a version due to come into force or to expire at {@code :now}, in id order, leaving out those
     * put off after a failure: SQL, not JPQL, so that partners which keep failing cannot fill every run's batch.
     */
    private static final String DUE_PARTNERS = """
            select distinct a.partner_id from agreement a
            where ((a.status = 'APPROVED' and a.effective_from <= :now and a.countersigned_at <= :now)
                   or (a.status = 'ACTIVE' and a.in_force_until <= :now))
              and %s
            order by a.partner_id
            limit :limit""".formatted(JobItems.notPutOff(AgreementTransitionJob.LOCK, "a.partner_id"));

    private final AgreementRepository agreements;
    private final AgreementHistoryRepository histories;
    private final AgreementTemplateService templates;
    private final AgreementChanges changes;
    private final PartnerDirectory partners;
    private final Tenancy tenancy;
    private final AgreementProperties properties;
    private final JdbcClient jdbc;
    private final JobItems jobItems;
    private final Clock clock;

    AgreementService(AgreementRepository agreements, AgreementHistoryRepository histories,
                     AgreementTemplateService templates, AgreementChanges changes, PartnerDirectory partners,
                     Tenancy tenancy, AgreementProperties properties, JdbcClient jdbc, JobItems jobItems,
                     Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.jobItems = jobItems;
        this.agreements = agreements;
        this.histories = histories;
        this.templates = templates;
        this.changes = changes;
        this.partners = partners;
        this.tenancy = tenancy;
        this.properties = properties;
    }

    /** Staff draft a new version; without terms, the current template of its business model applies. */
    @Transactional
    Agreement create(AgreementRequests.CreateAgreement request) {
        AgreementRequests.EngagedParty party = request.engagedParty().getFirst();
        PartnerDirectory.Entry partner = engagedPartner(party);
        if (partner.status() == PartnerStatus.TERMINATED) {
            throw new ConflictException("Partner " + partner.id() + " is TERMINATED; it gets no new agreement");
        }
        requireBusinessModel(partner, request.agreementType());
        Instant now = clock.instant();
        AgreementDraft draft = draft(partner, request.name(), request.description(), request.agreementType(),
                partner.legalName(), request.terms(), null, request.agreementPeriod(),
                AgreementRequests.Item.kept(request.agreementItem()), now);
        return changes.applyCreating(partner.id(), now, history -> history.draft(draft, now, tenancy.actor()));
    }

    /**
     * Changes a DRAFT version to {@code change} (the merge patch applied to it): checked as a new version is;
     * without terms, the current template's again. Its partner and business model stay (400 if the change names
     * others); any other status is a 409 saying what to do instead; 412 when {@code ifMatch} names another
     * version of the row.
     */
    @Transactional
    Agreement change(UUID id, IfMatch ifMatch, AgreementRequests.ChangeAgreement change) {
        PartnerId owner = owner(id);
        Instant now = clock.instant();
        return changes.apply(owner, history -> {
            Agreement agreement = current(history, id, ifMatch);
            agreement.requireDraft("changed");
            AgreementRequests.EngagedParty party = change.engagedParty().getFirst();
            if (!owner.equals(engagedPartner(party).id())) {
                throw new InvalidInputException("engagedParty[0].id", "a draft stays with its partner " + owner
                        + "; delete it and draft a version for " + party.id().strip() + " instead");
            }
            PartnerDirectory.Entry partner = partners.find(owner)
                    .orElseThrow(() -> new NotFoundException("Partner", owner));
            requireBusinessModel(partner, change.agreementType());
            // terms left as they were still come from the template they came from; changed ones are staff's own
            boolean sameTerms = change.terms() != null
                    && TermsRules.validated(change.terms(), "terms").equals(agreement.terms());
            AgreementDraft draft = draft(partner, change.name(), change.description(), agreement.agreementType(),
                    agreement.partnerName(), change.terms(), sameTerms ? agreement.templateId() : null,
                    change.agreementPeriod(), AgreementRequests.Item.kept(change.agreementItem()), now);
            // the template's open points stay until staff change the terms
            return history.redraft(new AgreementId(id),
                    sameTerms ? draft.withOpenPoints(agreement.statusReason()) : draft, now, tenancy.actor());
        });
    }

    /** Deletes a DRAFT version (audited; drafts have no events); any other status is a 409 with the reason. */
    @Transactional
    void delete(UUID id, IfMatch ifMatch) {
        changes.apply(owner(id), history -> {
            current(history, id, ifMatch);
            return history.discard(new AgreementId(id));
        });
    }

    /**
     * The version as its history holds it under the lock, if {@code ifMatch} names its current row version (412
     * otherwise, nothing changed): the check runs in the transaction that changes it.
     */
    /** The version, if the caller may see it (404 otherwise); 412 when {@code ifMatch} names another tag of it. */
    private Agreement current(AgreementHistory history, UUID id, IfMatch ifMatch) {
        Agreement agreement = history.find(new AgreementId(id)).filter(this::shown)
                .orElseThrow(() -> new NotFoundException("Agreement", id));
        ifMatch.check(entityTag(agreement), "Agreement " + id);
        return agreement;
    }

    /**
     * Whether the caller may see this version of a partner it may access: staff every one, the partner's users none
     * before its proposal ({@link Agreement#shownToPartner}): a draft is 404 to them, as another partner's version.
     */
    private boolean shown(Agreement agreement) {
        return tenancy.isStaff() || agreement.shownToPartner();
    }

    /** The version as the caller sees it: partners get no staff names ({@link AgreementView#forPartner}). */
    AgreementView view(Agreement agreement) {
        AgreementView view = AgreementView.of(agreement);
        return tenancy.isStaff() ? view : view.forPartner();
    }

    /**
     * The entity tag of the version as {@link #view} shows it to the caller: everything it shows is in the version's
     * row, so its {@code @Version}; staff's tag is that version alone, a partner's also says that it is the partner's
     * representation ({@link EntityTags#composite}): the two never share a tag.
     */
    String entityTag(Agreement agreement) {
        return tenancy.isStaff() ? EntityTags.of(agreement.rowVersion())
                : EntityTags.composite(agreement.rowVersion(), List.of("partner"));
    }

    /**
     * A version's content, checked. {@code terms} null: the current template of the business model, in the
     * partner's currency; {@code templateId} is kept only with terms that were not changed.
     */
    private AgreementDraft draft(PartnerDirectory.Entry partner, String name, String description, BusinessModel model,
                                 String partnerName, AgreementTerms terms, UUID templateId,
                                 AgreementRequests.Period period, AgreementItems items, Instant now) {
        AgreementTerms applied = terms;
        UUID source = templateId;
        String openPoints = null;
        String templateAuthor = null;
        if (applied == null) {
            AgreementTemplate template = templates.current(model);
            TemplateFit fit = fit(template, partner.country(), partner.taxId(), partner.settlementCurrency());
            applied = fit.terms();
            source = template.id();
            openPoints = fit.openPointsText();
            templateAuthor = template.createdBy();
        }
        AgreementDraft draft = AgreementDraft.of(name.strip(), description, model, partnerName, applied, source,
                period.startDateTime(), period.endDateTime(), items).withOpenPoints(openPoints)
                .withTemplateAuthor(templateAuthor);
        if (draft.validUntil() != null && !draft.validUntil().isAfter(now)) {
            // it could never come into force, and as the open proposal it would block the partner's next versions
            throw new InvalidInputException("agreementPeriod.endDateTime", "the agreement period ends at "
                    + draft.validUntil() + ", which has passed: a version must end in the future");
        }
        return draft;
    }

    private static void requireBusinessModel(PartnerDirectory.Entry partner, BusinessModel requested) {
        if (requested != partner.businessModel()) {
            throw new InvalidInputException("agreementType", "partner " + partner.id() + " works under the "
                    + partner.businessModel() + " business model, not " + requested);
        }
    }

    /**
     * Version 1 from the current template, approved by the onboarding policy (see {@link Agreements}) when the
     * template fits the partner; otherwise a DRAFT carrying its open points, for a partner manager. The current
     * template is the highest version a second CSP user approved, so no one person's terms start without review.
     */
    @Transactional
    Agreement startFromTemplate(PartnerId partner, BusinessModel model, String currency, Instant effectiveFrom) {
        PartnerDirectory.Entry entry = partners.find(partner).orElseThrow(() -> new NotFoundException("Partner",
                partner));
        AgreementTemplate template = templates.current(model);
        TemplateFit fit = fit(template, entry.country(), entry.taxId(), TermsRules.currency(currency, "currency"));
        AgreementDraft draft = AgreementDraft.of(model.inWords() + " agreement with " + entry.legalName(),
                "Standard " + model.inWords().toLowerCase(java.util.Locale.ROOT) + " terms (template version "
                        + template.version() + ")", model, entry.legalName(), fit.terms(), template.id(),
                effectiveFrom, null).withOpenPoints(fit.openPointsText()).withTemplateAuthor(template.createdBy());
        Instant now = clock.instant();
        return changes.applyCreating(partner, now, history -> fit.fits()
                ? history.startApproved(draft, now, tenancy.actor())
                : history.startForReview(draft, now, tenancy.actor()));
    }

    /** What the current template of {@code model} would leave open for such a partner (see {@link Agreements}). */
    @Transactional(readOnly = true)
    Optional<TemplateFit> templateFit(BusinessModel model, String country, String taxId, String currency) {
        return templates.currentIfAny(model).map(template -> fit(template, country, taxId, currency));
    }

    private TemplateFit fit(AgreementTemplate template, String country, String taxId, String currency) {
        return TemplateFit.of(template.terms(), "the " + template.businessModel() + " template (version "
                + template.version() + ")", properties.taxHome(), country, taxId, currency);
    }

    @Transactional
    Agreement propose(UUID id, IfMatch ifMatch) {
        Instant now = clock.instant();
        return changes.apply(owner(id), history -> {
            current(history, id, ifMatch);
            history.propose(new AgreementId(id), tenancy.actor(), now);
            return history.find(new AgreementId(id)).orElseThrow();
        });
    }

    /**
     * A second CSP user approves a proposed version's terms (four-eyes: not whoever created, changed or proposed
     * it, 403 naming who may); only then may the partner countersign it.
     */
    @Transactional
    Agreement approveTerms(UUID id, IfMatch ifMatch) {
        Instant now = clock.instant();
        return changes.apply(owner(id), history -> {
            current(history, id, ifMatch);
            history.approveTerms(new AgreementId(id), tenancy.actor(), now);
            return history.find(new AgreementId(id)).orElseThrow();
        });
    }

    /**
     * A second CSP user sends a proposed version back to its proposer for changes, with the reason (four-eyes:
     * not whoever created, changed or proposed it, 403): a DRAFT again, audited as {@code sent-back}.
     */
    @Transactional
    Agreement sendBack(UUID id, String reason, IfMatch ifMatch) {
        Instant now = clock.instant();
        return changes.apply(owner(id), history -> {
            current(history, id, ifMatch);
            history.sendBack(new AgreementId(id), tenancy.actor(), reason.strip(), now);
            return history.find(new AgreementId(id)).orElseThrow();
        });
    }

    /** Only the partner's own admin countersigns; anyone else learns nothing about the agreement (404). */
    @Transactional
    Agreement countersign(UUID id, IfMatch ifMatch) {
        PartnerId owner = owner(id);
        if (!tenancy.partnerId().map(owner::equals).orElse(false)) {
            throw new NotFoundException("Agreement", id);
        }
        Instant now = clock.instant();
        return changes.apply(owner, history -> {
            current(history, id, ifMatch);
            history.countersign(new AgreementId(id), tenancy.actor(), now);
            return history.find(new AgreementId(id)).orElseThrow();
        });
    }

    @Transactional
    Agreement terminate(UUID id, String reason, IfMatch ifMatch) {
        Instant now = clock.instant();
        return changes.apply(owner(id), history -> {
            current(history, id, ifMatch);
            history.terminate(new AgreementId(id), reason.strip(), now);
            return history.find(new AgreementId(id)).orElseThrow();
        });
    }

    /** Ends every open or in-force version of a terminated partner (no-op for a partner without agreements). */
    @Transactional(propagation = Propagation.MANDATORY)
    int terminateAllOf(PartnerId partner, String reason) {
        if (histories.findById(partner.value()).isEmpty()) {
            return 0;
        }
        Instant now = Timestamps.stored(clock.instant());
        return changes.apply(partner, history -> history.terminateAll(reason, now));
    }

    /**
     * Applies every transition due at {@code now}: the scheduled job's work, callable directly. Each partner in its
     * own transaction ({@link JobItems}), under its history's lock: a partner whose versions cannot be transitioned
     * is counted in {@code job_item_failure} and put off, and stops no other partner. No transaction of its own, so
     * that none holds the partners' locks across the batch.
     */
    int applyDueTransitions(Instant at) {
        Instant now = Timestamps.stored(at);
        List<UUID> due = jdbc.sql(DUE_PARTNERS).param("now", Timestamp.from(now))
                .param("limit", properties.transitionBatchSize()).query(UUID.class).list();
        return jobItems.each(AgreementTransitionJob.LOCK, due, partner -> partner,
                partner -> changes.apply(new PartnerId(partner), history -> history.applyDueTransitions(now)))
                .changed();
    }

    @Transactional(readOnly = true)
    Optional<Agreement> inForce(PartnerId partner, Instant at) {
        return histories.findById(partner.value()).flatMap(history -> history.inForceAt(Timestamps.stored(at)));
    }

    @Transactional(readOnly = true)
    Agreement get(UUID id) {
        return tenancy.visible(agreements.findById(id), Agreement::partnerId).filter(this::shown)
                .orElseThrow(() -> new NotFoundException("Agreement", id));
    }

    /** Who is calling, as a version names its preparers ({@code ?preparedBy=me}). */
    String caller() {
        return tenancy.actor();
    }

    /**
     * Staff see every partner's versions (or one partner's); a partner only its own, whatever partner it asks for,
     * and none before its proposal ({@link Agreement#shownToPartner}), so {@code ?status=DRAFT} and
     * {@code ?termsApproval=sentBack} list none to it. {@code criteria} are the TMF attribute filters, evaluated in
     * the database.
     */
    @Transactional(readOnly = true)
    Page<Agreement> list(UUID partnerId, Specification<Agreement> criteria, Pageable page) {
        UUID partner = partnerId;
        if (!tenancy.isStaff()) {
            Optional<UUID> own = tenancy.partnerId().map(PartnerId::value);
            if (own.isEmpty() || (partnerId != null && !own.get().equals(partnerId))) {
                return Page.empty(page);
            }
            partner = own.get();
        }
        UUID scope = partner;
        Specification<Agreement> shown = tenancy.isStaff() ? criteria : criteria.and(AgreementFilter.SHOWN_TO_PARTNER);
        return agreements.findAll(scope == null ? shown
                : shown.and((root, query, builder) -> builder.equal(root.get("partnerId"), scope)), page);
    }

    private PartnerDirectory.Entry engagedPartner(AgreementRequests.EngagedParty party) {
        if (party.role() != null && !"Partner".equalsIgnoreCase(party.role())) {
            throw new InvalidInputException("engagedParty[0].role", "must be Partner (the counterparty of an"
                    + " Accord agreement is always the partner)");
        }
        try {
            return partners.find(PartnerId.of(party.id().strip()))
                    .orElseThrow(() -> new InvalidInputException("engagedParty[0].id", "no partner " + party.id()));
        } catch (IllegalArgumentException notAUuid) {
            throw new InvalidInputException("engagedParty[0].id", "'" + party.id() + "' is not a partner id");
        }
    }

    /** The partner owning a version, if the caller may see it; 404 otherwise. */
    private PartnerId owner(UUID id) {
        return agreements.ownerOf(id).map(PartnerId::new).filter(tenancy::canAccess)
                .orElseThrow(() -> new NotFoundException("Agreement", id));
    }
}
