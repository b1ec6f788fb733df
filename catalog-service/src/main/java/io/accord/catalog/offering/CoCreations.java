package io.accord.catalog.offering;

import io.accord.contracts.value.PartnerId;
import io.accord.platform.audit.AuditTrail;
import io.accord.platform.problem.ConflictException;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.security.Tenancy;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Consent to co-creation: a partner named as co-creator of another partner's draft takes part only once one of its
 * partner admins accepts; declining takes it off the draft. Until then it sees its invitation here, never the draft.
 */
@Service
class CoCreations {

    private final ProductOfferingRepository offerings;
    private final OfferingResolver resolver;
    private final OfferingEvents events;
    private final AuditTrail audit;
    private final Tenancy tenancy;
    private final JsonMapper json;
    private final Clock clock;

    CoCreations(ProductOfferingRepository offerings, OfferingResolver resolver, OfferingEvents events,
                AuditTrail audit, Tenancy tenancy, JsonMapper json, Clock clock) {
        this.offerings = offerings;
        this.resolver = resolver;
        this.events = events;
        this.audit = audit;
        this.tenancy = tenancy;
        this.json = json;
        this.clock = clock;
    }

    /** The offering's co-creators, for staff, its owner and every partner named on it (pending or taking part). */
    @Transactional(readOnly = true)
    ProductOffering coCreation(UUID id) {
        return offerings.findById(id).filter(o -> tenancy.isStaff() || callerPartner()
                        .map(own -> own.equals(o.partnerId()) || named(o, own)).orElse(false))
                .orElseThrow(() -> new NotFoundException("ProductOffering", id));
    }

    /** The invitations waiting for the caller's partner (staff: every partner's), oldest offering first. */
    @Transactional(readOnly = true)
    Page<ProductOffering> invitations(Pageable page) {
        UUID partner = callerPartner().orElse(new UUID(0, 0));
        return offerings.withPendingCoCreators(partner, tenancy.isStaff(), page);
    }

    /** The caller's partner accepts or declines its invitation; audited, and told to the hub like a draft change. */
    @Transactional
    ProductOffering decide(UUID id, CoCreationController.Decision decision) {
        UUID partner = callerPartner().orElseThrow(() -> new AccessDeniedException(
                "only a partner named as co-creator accepts or declines"));
        ProductOffering offering = offerings.findById(id).filter(o -> named(o, partner))
                .orElseThrow(() -> new NotFoundException("Co-creation invitation of ProductOffering", id));
        OfferingParticipant invited = offering.coCreators().stream().filter(p -> p.partnerId().equals(partner))
                .findFirst().orElseThrow();
        Map<String, Object> before = audited(invited);
        Instant now = clock.instant();
        String action;
        try {
            if (decision.decision() == CoCreationController.Decision.Answer.ACCEPT) {
                offering.acceptCoCreation(partner, tenancy.actor(), now);
                action = "co-creation accepted";
            } else {
                offering.declineCoCreation(partner, withoutPartner(offering, partner), now);
                action = "co-creation declined";
            }
        } catch (IllegalStateException notNow) {
            throw new ConflictException(notNow.getMessage());
        }
        Map<String, Object> after = new LinkedHashMap<>(audited(invited));
        if (action.endsWith("declined")) {
            after.put("consent", "DECLINED");
            after.put("reason", decision.reason() == null ? "" : decision.reason().strip());
        }
        audit.record(offering.partnerId() == null ? null : new PartnerId(offering.partnerId()), "productOffering",
                id.toString(), action, before, after);
        events.tmf("ProductOfferingAttributeValueChangeEvent", offering);
        return offering;
    }

    /** What an audit entry says of a co-creator: whom, which share, who named it, and its consent. */
    static Map<String, Object> audited(OfferingParticipant participant) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("coCreator", participant.partnerId().toString());
        entry.put("sharePercent", participant.sharePercent().stripTrailingZeros().toPlainString());
        entry.put("consent", participant.consent().name());
        entry.put("invitedBy", participant.invitedBy() == null ? "" : participant.invitedBy());
        if (participant.consentedBy() != null) {
            entry.put("consentedBy", participant.consentedBy());
        }
        return entry;
    }

    /** The stored definition without the partner: what the draft is once it declined. */
    private String withoutPartner(ProductOffering offering, UUID partner) {
        OfferingDraft d = resolver.read(offering.definition());
        return json.writeValueAsString(new OfferingDraft(d.externalId(), d.name(), d.description(), d.categoryCode(),
                d.kind(), d.validFrom(), d.validTo(), d.salesChannels(), d.specification(),
                d.bundledOfferingExternalIds(), d.bundlePricing(),
                d.participants().stream().filter(p -> !p.partnerId().equals(partner)).toList(), d.prices()));
    }

    private static boolean named(ProductOffering offering, UUID partner) {
        return offering.coCreators().stream().anyMatch(p -> p.partnerId().equals(partner));
    }

    private java.util.Optional<UUID> callerPartner() {
        return tenancy.partnerId().map(PartnerId::value);
    }
}
