package io.accord.onboarding.partner;

import io.accord.contracts.Roles;
import io.accord.contracts.Topics;
import io.accord.platform.audit.AuditTrail;
import io.accord.platform.outbox.Outbox;
import io.accord.platform.problem.ConflictException;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.problem.Problems;
import io.accord.platform.security.Tenancy;
import io.accord.platform.web.IfMatch;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import io.accord.contracts.value.Money;
import io.accord.contracts.value.PartnerId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/** Thin application service: load, call the aggregate, save, audit and publish in one transaction. */
@Service
class PartnerService {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final PartnerRepository partners;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Tenancy tenancy;
    private final ApplicationEventPublisher localEvents;
    private final Clock clock;
    private final IndividualRepository individuals;
    private final List<PartnerReferences> references;

    private final PartnerKeys keys;

    PartnerService(PartnerRepository partners, Outbox outbox, AuditTrail audit, Tenancy tenancy,
                   ApplicationEventPublisher localEvents, IndividualRepository individuals,
                   List<PartnerReferences> references, PartnerKeys keys, Clock clock) {
        this.keys = keys;
        this.individuals = individuals;
        this.references = references;
        this.localEvents = localEvents;
        this.partners = partners;
        this.outbox = outbox;
        this.audit = audit;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    @Transactional
    Partner create(PartnerRequests.CreatePartner request) {
        requireKnown("country", request.country(), "settlementCurrency", request.settlementCurrency());
        Partner partner = Partner.activate(new PartnerProfile(request.legalName().strip(), null,
                request.partnerType(), request.businessModel(), request.country(), blankToNull(request.taxId()),
                null, null, null, null, null, request.settlementCurrency()), null, null, clock.instant());
        return registerKeyed(partner, blankToNull(request.sharedTaxIdReason()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * A partner created by staff gets the keys of duplicate detection, like an approved application's, and is
     * never a silent duplicate: partners with its normalised name in its country are named in
     * {@code possibleDuplicateOf} for staff to merge or dismiss ({@link #duplicates}). A tax id that a partner that
     * is not terminated has is refused with 409 naming that partner, as a tax-id change is (found on 2026-12-07:
     * staff created a second partner with a taken tax id, where an application goes to review), unless
     * {@code sharedTaxIdReason} says why the two share it: then it is created, audited as {@code tax-id-shared}.
     */
    private Partner registerKeyed(Partner partner, String sharedTaxIdReason) {
        partner.keyFor(keys);
        java.util.Set<UUID> others = new java.util.LinkedHashSet<>();
        partners.findByNormalisedNameAndCountry(partner.normalisedName(), partner.country())
                .forEach(other -> others.add(other.id()));
        List<Partner> sameTaxId = sameTaxId(partner.taxId(), partner.country());
        if (!sameTaxId.isEmpty() && sharedTaxIdReason == null) {
            Partner other = sameTaxId.getFirst();
            ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "conflict", "Tax id " + partner.taxId()
                    + " belongs to partner " + other.legalName() + " (" + other.id() + "); nothing was created."
                    + " If it is the same company, use that partner; if the new one is a distinct company sharing"
                    + " the tax id (e.g. a group company), create it with sharedTaxIdReason saying why");
            problem.setProperty("existingPartnerId", other.id());
            throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
        }
        partners.findAllById(others).stream().filter(other -> other.status() == PartnerStatus.TERMINATED)
                .forEach(terminated -> others.remove(terminated.id()));
        partner.flagPossibleDuplicates(List.copyOf(others));
        Partner registered = register(partner, "created");
        if (!sameTaxId.isEmpty()) {
            audit.record(partner.partnerId(), "partner", partner.id().toString(), "tax-id-shared", null,
                    java.util.Map.of("taxId", partner.taxId(), "reason", sharedTaxIdReason,
                            "sharedWith", sameTaxId.stream().map(Partner::id).toList()));
        }
        return registered;
    }

    /** The partners that are not terminated with this tax id, in any of the forms it may be stored under. */
    private List<Partner> sameTaxId(String taxId, String country) {
        if (taxId == null) {
            return List.of();
        }
        java.util.Set<Partner> found = new java.util.LinkedHashSet<>();
        keys.taxIdForms(taxId, country).forEach(form -> found.addAll(partners.findByTaxId(form)));
        found.addAll(partners.findByTaxId(taxId));
        return found.stream().filter(other -> other.status() != PartnerStatus.TERMINATED).toList();
    }

    /** Partners flagged as possible duplicates, oldest first. */
    @Transactional(readOnly = true)
    List<Partner> duplicates() {
        return partners.findByPossibleDuplicateOfIsNotNullOrderByCreatedAtAscIdAsc();
    }

    @Transactional(readOnly = true)
    List<Partner> all(java.util.Collection<UUID> ids) {
        return partners.findAllById(ids);
    }

    /** Staff judged the flagged partner distinct from the others: only the flag goes. */
    @Transactional
    Partner dismissDuplicate(UUID id, String reason) {
        Partner partner = get(id);
        PartnerView before = PartnerView.of(partner);
        partner.dismissPossibleDuplicates(clock.instant());
        partners.save(partner);
        audit.recordWithoutPersonalData(partner.partnerId(), "partner", id.toString(), "duplicate-dismissed", before,
                java.util.Map.of("reason", reason == null ? "" : reason, "partner", PartnerView.of(partner)),
                PartnerView.PERSONAL_IN_DISMISSAL);
        return partner;
    }

    /**
     * Staff judged the flagged partner a duplicate of {@code survivor}: it is terminated with a reason naming the
     * survivor (consumers learn it as a termination), nothing is moved; the survivor is left as it is.
     */
    @Transactional
    Partner mergeDuplicate(UUID id, UUID survivor, String reason) {
        Partner survivorPartner = get(survivor);
        if (survivorPartner.status() == PartnerStatus.TERMINATED) {
            throw new ConflictException("Partner " + survivor + " is TERMINATED and cannot survive a merge");
        }
        return cancellingPendingBankChange(id, () -> change(id, "duplicate-merged",
                partner -> partner.mergeInto(survivor, reason, clock.instant())));
    }

    /** A partner created by staff as a TMF632 organization: the same checks and events as {@link #create}. */
    @Transactional
    Partner createOrganization(PartnerProfile profile, List<ExternalReference> externalReferences,
                               String sharedTaxIdReason) {
        requireKnown("partyCharacteristic.country", profile.country(), "partyCharacteristic.settlementCurrency",
                profile.settlementCurrency());
        Partner partner = Partner.activate(profile, null, null, clock.instant());
        partner.referTo(externalReferences);
        return registerKeyed(partner, sharedTaxIdReason);
    }

    private static void requireKnown(String countryField, String country, String currencyField, String currency) {
        if (!COUNTRIES.contains(country)) {
            throw new InvalidInputException(countryField, "'" + country + "' is not an ISO 3166-1 country");
        }
        if (!Money.isSettlementCurrency(currency)) {
            throw new InvalidInputException(currencyField, "'" + currency
                    + "' is not an ISO 4217 currency partners can be settled in");
        }
    }

    /** The partner of an approved application, in the activation's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    Partner activate(PartnerProfile profile, UUID applicationId, String normalisedName, Instant now) {
        return register(Partner.activate(profile, applicationId, normalisedName, now), "activated");
    }

    /** A development demo partner with the fixed id its demo users' tokens carry (see PartnerRegistry). */
    @Transactional(propagation = Propagation.MANDATORY)
    Partner activateDemo(UUID id, PartnerProfile profile, Instant now) {
        // the demo users' tokens name this partner: it is created even where another partner has its tax id
        return registerKeyed(Partner.activate(id, profile, null, null, now), "development demo partner");
    }

    private Partner register(Partner partner, String action) {
        partners.save(partner);
        auditChange(partner, action, null, PartnerView.of(partner));
        publish(partner);
        return partner;
    }

    @Transactional(readOnly = true)
    Partner get(UUID id) {
        return tenancy.visible(partners.findById(id), Partner::partnerId)
                .orElseThrow(() -> new NotFoundException("Partner", id));
    }

    /** Staff search every partner; a partner finds only itself. */
    @Transactional(readOnly = true)
    Page<Partner> search(PartnerSearch search, Pageable page) {
        if (search.country() != null && !search.country().isBlank()
                && !COUNTRIES.contains(search.country().strip().toUpperCase(Locale.ROOT))) {
            throw new InvalidInputException("country", "'" + search.country() + "' is not an ISO 3166-1 alpha-2"
                    + " country");
        }
        String name = search.name() == null || search.name().isBlank() ? null : keys.normalisedName(search.name());
        return search(search.toSpecification(name), page);
    }

    @Transactional(readOnly = true)
    Page<Partner> search(Specification<Partner> criteria, Pageable page) {
        if (!tenancy.isStaff()) {
            UUID own = tenancy.partnerId().map(PartnerId::value).orElse(null);
            if (own == null) {
                return Page.empty(page);
            }
            criteria = criteria.and((root, query, builder) -> builder.equal(root.get("id"), own));
        }
        return partners.findAll(criteria, page);
    }

    /**
     * New bank details, checked for the partner's country ({@link BankDetails}: an IBAN, or account number and bank
     * code where the country issues no IBANs); 400 naming the field otherwise, nothing changed.
     */
    @Transactional
    Partner requestBankAccountChange(UUID id, Consumer<Partner> precondition, BankAccount requested) {
        BankDetails.problem(requested, get(id).country()).ifPresent(problem -> {
            throw new InvalidInputException(problem.field(), problem.reason());
        });
        return change(id, "bank-account-change-requested", partner -> {
            precondition.accept(partner);
            partner.requestBankAccountChange(requested, caller(), tenancy.isStaff(), clock.instant());
        });
    }

    @Transactional
    Partner confirmBankAccountChange(UUID id, UUID changeId, String expectedIban) {
        return change(id, "bank-account-change-confirmed",
                partner -> partner.confirmBankAccountChange(changeId, expectedIban, caller(), clock.instant()));
    }

    @Transactional
    Partner rejectBankAccountChange(UUID id, UUID changeId) {
        return change(id, "bank-account-change-rejected",
                partner -> partner.rejectBankAccountChange(changeId, clock.instant()));
    }

    /**
     * Warnings about an account requested or confirmed for this partner, not refusals: another partner that is not
     * terminated has the same account (staff are told which; a partner's own users are not, the account being
     * another company's business), and an IBAN of another country than the partner's.
     */
    @Transactional(readOnly = true)
    List<String> warnings(Partner partner, BankAccount account) {
        if (account == null) {
            return List.of();
        }
        List<String> warnings = new java.util.ArrayList<>();
        List<Partner> holders = account.iban() != null ? partners.findByIban(account.iban())
                : partners.findByAccountNumberAndBankCode(account.accountNumber(), account.bankCode());
        List<Partner> others = holders.stream().filter(other -> !other.id().equals(partner.id())
                && other.status() != PartnerStatus.TERMINATED).toList();
        if (!others.isEmpty() && tenancy.isStaff()) {
            warnings.add(account.describe() + " is also the confirmed account of " + String.join(", ",
                    others.stream().map(other -> "partner " + other.legalName() + " (" + other.id() + ")")
                            .toList()) + ": check that the partner really holds it before confirming");
        }
        BankDetails.countryWarning(account, partner.country()).ifPresent(warnings::add);
        return warnings;
    }

    /** The calling user, told apart from others by the token's subject. */
    private Person caller() {
        String username = tenancy.actor();
        return new Person(tenancy.subject().orElse(username), username);
    }

    /**
     * The partner's contacts replaced, once {@code precondition} passed on the partner as it is (the caller's
     * {@code If-Match}: it throws, 412, when someone changed the partner since; nothing is changed then).
     */
    @Transactional
    Partner changeContacts(UUID id, Consumer<Partner> precondition, ContactPerson commercial,
                           ContactPerson technical, ContactPerson billing) {
        return change(id, "contacts-changed", partner -> {
            precondition.accept(partner);
            partner.changeContacts(commercial, technical, billing, clock.instant());
        });
    }

    /**
     * A TMF632 organization PATCH in one transaction: the tax id (when it differs from the partner's; an existing one
     * cannot be removed, 400) and the profile (when {@code media} is given), each audited as its own change; 412
     * when {@code ifMatch} names another version than the current one.
     */
    @Transactional
    Partner changeOrganization(UUID id, IfMatch ifMatch, String tradingName, ContactMedia media, String taxId) {
        Partner partner = get(id);
        ifMatch.check(partner.version(), "Organization " + id);
        if (taxId == null && partner.taxId() != null) {
            throw new InvalidInputException("organizationIdentification", "the tax id can be changed, not removed:"
                    + " the partner's documents carry it");
        }
        if (taxId != null && !keys.normalisedTaxId(taxId).equals(partner.taxId())) {
            partner = changeTaxId(id, taxId);
        }
        return media == null ? partner : changeProfile(id, tradingName, media);
    }

    /**
     * Staff set or change the partner's tax id: it must pass the tax-id check of applications for the partner's
     * country (else 400) and belong to no other partner that is not terminated (else 409 naming it); audited as
     * {@code tax-id-changed} and published as {@code PartnerTaxIdChanged}, unless it is the tax id the partner has.
     * A partner's own users cannot (403): the tax id is what we print on the invoices we issue in its name.
     */
    @Transactional
    Partner changeTaxId(UUID id, String taxId) {
        if (!tenancy.hasAnyRole(Roles.PLATFORM_ADMIN, Roles.PARTNER_MANAGER)) {
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, Problems.of(HttpStatus.FORBIDDEN,
                    "forbidden", "A partner's tax id is changed by its partner manager, not by the partner:"
                            + " ask them to change it (settlement prints it on the invoices it self-bills in the"
                            + " partner's name)"), null);
        }
        Partner current = get(id);
        keys.taxIdRejection(taxId, current.country()).ifPresent(reason -> {
            throw new InvalidInputException("organizationIdentification", reason);
        });
        String normalised = keys.normalisedTaxId(taxId);
        java.util.Set<Partner> others = new java.util.LinkedHashSet<>();
        keys.taxIdForms(taxId, current.country()).forEach(form -> others.addAll(partners.findByTaxId(form)));
        others.stream().filter(other -> !other.id().equals(id) && other.status() != PartnerStatus.TERMINATED)
                .findFirst().ifPresent(other -> {
                    throw new ConflictException("Tax id " + normalised + " belongs to partner " + other.legalName()
                            + " (" + other.id() + "); nothing was changed. If the two are one company, merge the"
                            + " duplicate instead");
                });
        if (normalised.equals(current.taxId())) {
            return current;
        }
        return change(id, "tax-id-changed", partner -> partner.changeTaxId(normalised, clock.instant()));
    }

    @Transactional
    Partner changeProfile(UUID id, String tradingName, ContactMedia media) {
        return change(id, "profile-changed", partner -> {
            if (media.country() != null && !media.country().equals(partner.country())) {
                throw new InvalidInputException("contactMedium.characteristic.country",
                        "the registered address must be in the partner's country, " + partner.country());
            }
            partner.changeProfile(tradingName, media.address(), media.commercial(), media.technical(),
                    media.billing(), clock.instant());
        });
    }

    /**
     * Deletes a partner nobody refers to yet: created by staff (not from an application), not terminated, with no
     * agreement versions or documents. Consumers learn it as a termination (reason "deleted"); the audit trail
     * keeps the record. Anything else is a 409 naming the reason: such a partner can only be terminated. 412 when
     * {@code ifMatch} names another version than the current one.
     */
    @Transactional
    void delete(UUID id, IfMatch ifMatch) {
        Partner partner = get(id);
        ifMatch.check(partner.version(), "Organization " + id);
        if (partner.status() == PartnerStatus.TERMINATED) {
            throw new ConflictException("Partner " + id + " is TERMINATED: terminated partners keep their history");
        }
        if (partner.applicationId() != null) {
            throw new ConflictException("Partner " + id + " was onboarded through application "
                    + partner.applicationId() + ": terminate it instead (POST " + PartnerController.PATH + "/" + id
                    + "/termination)");
        }
        references.stream().map(reference -> reference.blockingDeletion(partner.partnerId()))
                .flatMap(Optional::stream).findFirst().ifPresent(reason -> {
                    throw new ConflictException("Partner " + id + " cannot be deleted: " + reason
                            + "; terminate it instead");
                });
        PartnerView before = PartnerView.of(partner);
        partner.terminate("deleted", clock.instant());
        auditChange(partner, "deleted", before, null);
        publish(partner);
        individuals.deleteByPartner(id);
        partners.delete(partner);
    }

    @Transactional
    Partner suspend(UUID id, String reason) {
        return change(id, "suspended", partner -> partner.suspend(reason, clock.instant()));
    }

    /** ACTIVE again; the reason, when given, is in the audit entry (the partner's status reason) and the event. */
    @Transactional
    Partner reinstate(UUID id, String reason) {
        return change(id, "reinstated", partner -> partner.reinstate(reason, clock.instant()));
    }

    /** Terminates the partner; a bank account change still waiting is cancelled with it, audited on its own. */
    @Transactional
    Partner terminate(UUID id, String reason) {
        return cancellingPendingBankChange(id, () -> change(id, "terminated",
                partner -> partner.terminate(reason, clock.instant())));
    }

    private Partner cancellingPendingBankChange(UUID id, java.util.function.Supplier<Partner> termination) {
        PartnerView.PendingBankAccount pending = PartnerView.PendingBankAccount.of(get(id).pendingBankAccountChange());
        Partner partner = termination.get();
        if (pending != null) {
            audit.record(partner.partnerId(), "partner", id.toString(), "bank-account-change-cancelled",
                    java.util.Map.of("pendingBankAccount", pending),
                    java.util.Map.of("reason", "the partner is TERMINATED"));
        }
        return partner;
    }

    private Partner change(UUID id, String action, Consumer<Partner> transition) {
        Partner partner = get(id);
        PartnerView before = PartnerView.of(partner);
        transition.accept(partner);
        partners.save(partner);
        auditChange(partner, action, before, PartnerView.of(partner));
        publish(partner);
        return partner;
    }

    /** A partner's change in the audit trail, its contacts' personal data by field name only (never erasable there). */
    private void auditChange(Partner partner, String action, PartnerView before, PartnerView after) {
        audit.recordWithoutPersonalData(partner.partnerId(), "partner", partner.id().toString(), action, before, after,
                PartnerView.PERSONAL);
    }

    /** To Kafka through the outbox, and to this service's own features in the same transaction. */
    private void publish(Partner partner) {
        partner.pullEvents().forEach(event -> {
            outbox.publish(Topics.PARTNER_EVENTS, event);
            localEvents.publishEvent(event);
        });
    }
}
