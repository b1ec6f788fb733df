package io.accord.onboarding.partner;

import io.accord.contracts.Topics;
import io.accord.platform.audit.AuditTrail;
import io.accord.platform.outbox.Outbox;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.security.Tenancy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import io.accord.contracts.value.PartnerId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.Locale;
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

    PartnerService(PartnerRepository partners, Outbox outbox, AuditTrail audit, Tenancy tenancy,
                   ApplicationEventPublisher localEvents, Clock clock) {
        this.localEvents = localEvents;
        this.partners = partners;
        this.outbox = outbox;
        this.audit = audit;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    @Transactional
    Partner create(PartnerRequests.CreatePartner request) {
        if (!COUNTRIES.contains(request.country())) {
            throw new InvalidInputException("country", "'" + request.country() + "' is not an ISO 3166-1 country");
        }
        try {
            Currency.getInstance(request.settlementCurrency());
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInputException("settlementCurrency",
                    "'" + request.settlementCurrency() + "' is not an ISO 4217 currency");
        }
        return register(Partner.activate(request.legalName().strip(), request.partnerType(),
                request.businessModel(), request.country(), request.settlementCurrency(), clock.instant()), "created");
    }

    /** The partner of an approved application, in the activation's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    Partner activate(PartnerProfile profile, UUID applicationId, String normalisedName, Instant now) {
        return register(Partner.activate(profile, applicationId, normalisedName, now), "activated");
    }

    private Partner register(Partner partner, String action) {
        partners.save(partner);
        audit.record(partner.partnerId(), "partner", partner.id().toString(), action, null, PartnerView.of(partner));
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
        Specification<Partner> criteria = search.toSpecification();
        if (!tenancy.isStaff()) {
            UUID own = tenancy.partnerId().map(PartnerId::value).orElse(null);
            if (own == null) {
                return Page.empty(page);
            }
            criteria = criteria.and((root, query, builder) -> builder.equal(root.get("id"), own));
        }
        return partners.findAll(criteria, page);
    }

    @Transactional
    Partner requestBankAccountChange(UUID id, BankAccount requested) {
        return change(id, "bank-account-change-requested",
                partner -> partner.requestBankAccountChange(requested, clock.instant()));
    }

    @Transactional
    Partner confirmBankAccountChange(UUID id) {
        return change(id, "bank-account-change-confirmed", partner -> partner.confirmBankAccountChange(clock.instant()));
    }

    @Transactional
    Partner rejectBankAccountChange(UUID id) {
        return change(id, "bank-account-change-rejected", partner -> partner.rejectBankAccountChange(clock.instant()));
    }

    @Transactional
    Partner changeContacts(UUID id, ContactPerson commercial, ContactPerson technical, ContactPerson billing) {
        return change(id, "contacts-changed",
                partner -> partner.changeContacts(commercial, technical, billing, clock.instant()));
    }

    @Transactional
    Partner suspend(UUID id, String reason) {
        return change(id, "suspended", partner -> partner.suspend(reason, clock.instant()));
    }

    @Transactional
    Partner reinstate(UUID id) {
        return change(id, "reinstated", partner -> partner.reinstate(clock.instant()));
    }

    @Transactional
    Partner terminate(UUID id, String reason) {
        return change(id, "terminated", partner -> partner.terminate(reason, clock.instant()));
    }

    private Partner change(UUID id, String action, Consumer<Partner> transition) {
        Partner partner = get(id);
        PartnerView before = PartnerView.of(partner);
        transition.accept(partner);
        partners.save(partner);
        audit.record(partner.partnerId(), "partner", id.toString(), action, before, PartnerView.of(partner));
        publish(partner);
        return partner;
    }

    /** To Kafka through the outbox, and to this service's own features in the same transaction. */
    private void publish(Partner partner) {
        partner.pullEvents().forEach(event -> {
            outbox.publish(Topics.PARTNER_EVENTS, event);
            localEvents.publishEvent(event);
        });
    }
}
