package io.accord.rating.visibility;

import io.accord.contracts.usage.UsageRated;
import io.accord.contracts.value.PartnerId;
import io.accord.platform.security.Tenancy;

import java.util.List;
import java.util.Objects;

/**
 * What a caller sees of a rated record's amounts, the one place every partner-visible view of rated usage asks
 * (the usage fate, the rated export, the TMF635 usage, the rollups; docs/rating-pipeline.md, "What a partner sees").
 * Staff see everything. A partner sees only what is its own business:
 * <ul>
 *   <li>never the CSP's {@code margin};</li>
 *   <li>of the {@code parties} and {@code agreements} only its own entries (its share and what it owes, its own
 *       agreement versions), never another partner's terms;</li>
 *   <li>the whole {@code charge} only when it owes it (an {@code OWED_BY_PARTNER} entry: the reseller or the partner
 *       that bought the product for its own customer) or when it is the offering's owner (its
 *       {@code PAYABLE_TO_PARTNER} share of a {@code SELL_THROUGH} record is computed from the charge) or when it
 *       submitted the record itself (its source is its partner id: it sent the quantity and the offering's price is
 *       in the catalog, so the charge tells it nothing new); another co-creation participant sees its own share,
 *       not the charge;</li>
 *   <li>the {@code customerReference} only when it submitted the record (its source is its partner id) or bought
 *       the product (it owes the charge).</li>
 * </ul>
 */
public final class PartnerView {

    private static final PartnerView STAFF = new PartnerView(null);
    /** A caller that is neither staff nor a partner: no partner id can match it. */
    private static final String NOBODY = "\u0000none";

    private final String partnerId;

    private PartnerView(String partnerId) {
        this.partnerId = partnerId;
    }

    /** Everything, as staff see it. */
    public static PartnerView staff() {
        return STAFF;
    }

    /** As the partner with this id sees it. */
    public static PartnerView partner(String partnerId) {
        return new PartnerView(Objects.requireNonNull(partnerId, "partnerId"));
    }

    /** As the current caller sees it: staff everything, a partner its own, anyone else nothing of anyone's. */
    public static PartnerView of(Tenancy tenancy) {
        if (tenancy.isStaff()) {
            return STAFF;
        }
        return partner(tenancy.partnerId().map(PartnerId::toString).orElse(NOBODY));
    }

    public boolean isStaff() {
        return partnerId == null;
    }

    /** The CSP's margin is staff only. */
    public boolean seesMargin() {
        return isStaff();
    }

    /** The parties' entries the caller sees: all for staff, a partner's own (a partner may have two). */
    public List<UsageRated.PartyAmount> parties(List<UsageRated.PartyAmount> parties) {
        if (isStaff() || parties == null) {
            return parties;
        }
        return parties.stream().filter(party -> partnerId.equals(party.partnerId())).toList();
    }

    /** The agreement versions the caller sees: all for staff, a partner's own. */
    public List<UsageRated.AgreementVersionRef> agreements(List<UsageRated.AgreementVersionRef> agreements) {
        if (isStaff() || agreements == null) {
            return agreements;
        }
        return agreements.stream().filter(agreement -> partnerId.equals(agreement.partnerId())).toList();
    }

    /**
     * Whether the caller sees the record's whole charge: staff, the partner that submitted the record, the partner
     * that owes it, and the owner of a sell-through offering (its share is a percentage of it).
     *
     * @param source     the usage's source (a partner's id when the partner submitted it)
     * @param allocation the record's allocation case ({@code SELL_THROUGH}, {@code CO_CREATED}, {@code RESELL},
     *                   {@code OWN})
     */
    public boolean seesCharge(String source, String allocation, List<UsageRated.PartyAmount> parties) {
        if (isStaff() || partnerId.equals(source)) {
            return true;
        }
        return owes(parties) || "SELL_THROUGH".equals(allocation)
                && has(parties, UsageRated.Direction.PAYABLE_TO_PARTNER);
    }

    /** Whether the caller sees the customer reference: staff, the record's submitter, and its buyer. */
    public boolean seesCustomerReference(String source, List<UsageRated.PartyAmount> parties) {
        return isStaff() || partnerId.equals(source) || owes(parties);
    }

    private boolean owes(List<UsageRated.PartyAmount> parties) {
        return has(parties, UsageRated.Direction.OWED_BY_PARTNER);
    }

    private boolean has(List<UsageRated.PartyAmount> parties, UsageRated.Direction direction) {
        if (parties == null) {
            return false;
        }
        for (UsageRated.PartyAmount party : parties) {
            if (partnerId.equals(party.partnerId()) && party.direction() == direction) {
                return true;
            }
        }
        return false;
    }
}
