package io.accord.orchestration.offering;

import io.accord.contracts.events.OfferingLaunched;
import io.accord.contracts.events.OfferingPrice;
import io.accord.platform.partner.PartnerStatus;
import io.accord.platform.partner.PartnerView;
import io.accord.platform.problem.ConflictException;
import io.accord.platform.problem.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The launched offerings orchestration may sell, as catalog announced them on {@code catalog.events.v1} (no call
 * to the catalog): their specification, participants, bundle components and every price version with its validity.
 * Quotes and orders ask here whether an offering is sellable at an instant and which prices are in force.
 */
@Service
public class SellableOfferings {

    private final OfferingStore store;
    private final PartnerView partners;

    SellableOfferings(OfferingStore store, PartnerView partners) {
        this.store = store;
        this.partners = partners;
    }

    /** A launched offering (retired ones too: they are still known, only not sellable). */
    @Transactional(readOnly = true)
    public Optional<Offering> find(String offeringId) {
        return store.find(offeringId);
    }

    /**
     * A launched offering as {@code partner} may see and order it, by catalog's rule (docs/catalog-model.md): its
     * own, one it co-created (a participant), or a CSP-owned one; any other partner's offering is as unknown, so a
     * caller cannot tell it exists.
     *
     * @param partner the partner quoting or ordering; {@code null} for staff, who may use every offering
     */
    @Transactional(readOnly = true)
    public Optional<Offering> findFor(UUID partner, String offeringId) {
        return store.find(offeringId).filter(offering -> offering.visibleTo(partner));
    }

    /**
     * Whether a new quote or order may include the offering at {@code at}: launched, within its validity, not
     * retired, and its owner neither SUSPENDED nor TERMINATED. The reason says which rule failed.
     */
    @Transactional(readOnly = true)
    public Sellability sellability(String offeringId, Instant at) {
        Optional<Offering> found = store.find(offeringId);
        if (found.isEmpty()) {
            return Sellability.no("offering " + offeringId + " is not launched");
        }
        Offering offering = found.get();
        if (offering.retiredAt() != null) {
            return Sellability.no("offering " + offeringId + " is retired (" + offering.retiredReason() + ")");
        }
        if (offering.validFrom() != null && at.isBefore(offering.validFrom())) {
            return Sellability.no("offering " + offeringId + " is sellable from " + offering.validFrom());
        }
        if (offering.validTo() != null && !at.isBefore(offering.validTo())) {
            return Sellability.no("offering " + offeringId + " was sellable until " + offering.validTo());
        }
        if (offering.partnerId() != null) {
            Optional<PartnerStatus> owner = partners.find(offering.partnerId());
            if (owner.isPresent() && !owner.get().isActive()) {
                return Sellability.no("the owner of offering " + offeringId + ", partner " + offering.partnerId()
                        + ", is " + owner.get().status());
            }
        }
        return Sellability.YES;
    }

    /**
     * Whether {@code buyer} may buy the offering: a partner buys one of the CSP's own offerings only as a reseller
     * (issue 10's allocation: a CSP offering bought by a partner is rated under its RESELL agreement's wholesale
     * rates; under any other model rating would suspend every record of it as NO_AGREEMENT and its charges would
     * never be settled). A partner whose business model this service does not know (activated before the view kept
     * it) is not refused here; rating's suspense still tells.
     *
     * @param buyer the buying partner, {@code null} for a CSP sales channel (staff)
     */
    @Transactional(readOnly = true)
    public Sellability sellabilityTo(UUID buyer, Offering offering) {
        boolean participant = offering.participants() != null && offering.participants().stream()
                .anyMatch(held -> buyer != null && buyer.toString().equalsIgnoreCase(held.partnerId()));
        if (buyer == null || offering.partnerId() != null || participant) {
            return Sellability.YES;
        }
        return partners.businessModel(buyer).filter(model -> !"RESELL".equals(model))
                .map(model -> Sellability.no("offering " + offering.id() + " is the CSP's own, and partner " + buyer
                        + " goes to market with us as " + model + ": a partner buys the CSP's offerings only as a"
                        + " reseller (RESELL), else its usage could not be rated nor its charges settled"))
                .orElse(Sellability.YES);
    }

    /**
     * A {@code Buyer} staff name on a quote or an order must be a partner this service knows (its activation came on
     * {@code partner.events.v1}, {@link PartnerView}) and ACTIVE: an unknown id is a 400 naming {@code relatedParty}
     * (nothing could ever settle with it), a suspended or terminated partner a 409 naming its status.
     */
    @Transactional(readOnly = true)
    public void requireActiveBuyer(UUID buyer) {
        Optional<PartnerStatus> partner = partners.find(buyer);
        if (partner.isEmpty()) {
            throw new InvalidInputException("relatedParty", "The Buyer must be a partner: "
                    + PartnerView.notActive(buyer, partner, "buy"));
        }
        if (!partner.get().isActive()) {
            throw new ConflictException("The Buyer (relatedParty) cannot buy: "
                    + PartnerView.notActive(buyer, partner, "buy"));
        }
    }

    /** Per price of the offering, the version in force at {@code at} (none for a price not yet or no longer valid). */
    @Transactional(readOnly = true)
    public List<OfferingPrice> pricesInForce(String offeringId, Instant at) {
        Map<String, OfferingPrice> newest = store.prices(offeringId).stream()
                .filter(price -> !at.isBefore(price.validFrom()))
                .filter(price -> price.validTo() == null || at.isBefore(price.validTo()))
                .collect(Collectors.toMap(OfferingPrice::priceId, Function.identity(),
                        (a, b) -> a.version() >= b.version() ? a : b));
        return newest.values().stream()
                .sorted(java.util.Comparator.comparing(OfferingPrice::priceId)).toList();
    }

    /** Every price version held for the offering (past, current, announced), by price and version. */
    @Transactional(readOnly = true)
    public List<OfferingPrice> priceVersions(String offeringId) {
        return store.prices(offeringId);
    }

    /**
     * A launched offering as the read model holds it.
     *
     * @param partnerId     the owner, {@code null} for a CSP-owned offering
     * @param specification {@code null} for a bundle
     * @param retiredAt     when it was retired, {@code null} while it is not
     */
    public record Offering(String id, UUID partnerId, int version, String name, String categoryCode,
                           List<String> salesChannels, Instant validFrom, Instant validTo, boolean bundle,
                           String bundlePricing, List<String> bundledOfferingIds,
                           OfferingLaunched.Specification specification,
                           List<OfferingLaunched.Participant> participants, Instant retiredAt, String retiredReason) {

        /** Whether {@code partner} ({@code null}: staff) may see and order it: see {@link #findFor}. */
        public boolean visibleTo(UUID partner) {
            return partner == null || partnerId == null || partnerId.equals(partner)
                    || (participants != null && participants.stream()
                    .anyMatch(participant -> partner.toString().equalsIgnoreCase(participant.partnerId())));
        }

        /** A bundle priced with its own prices rather than the sum of its components'. */
        public boolean ownBundlePrice() {
            return bundle && "OWN".equals(bundlePricing);
        }
    }

    /** Whether an offering may be sold now, and if not, why. */
    public record Sellability(boolean sellable, String reason) {

        static final Sellability YES = new Sellability(true, null);

        static Sellability no(String reason) {
            return new Sellability(false, reason);
        }
    }
}
