package io.accord.catalog.offering;

import io.accord.catalog.price.PriceDraft;
import io.accord.catalog.price.PriceVersionView;
import io.accord.catalog.price.Prices;
import io.accord.platform.partner.PartnerStatus;
import io.accord.platform.partner.PartnerView;
import io.accord.platform.security.Tenancy;
import io.accord.platform.web.EntityTags;
import io.accord.contracts.value.PartnerId;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Offerings and prices as the TMF API shows them; a page's prices are read in one query. */
@Component
class OfferingViews {

    static final String PRICE_PATH = "/tmf-api/productCatalogManagement/v4/productOfferingPrice";
    static final String SPEC_PATH = "/tmf-api/productCatalogManagement/v4/productSpecification";

    private final Prices prices;
    private final PartnerView partners;
    private final JsonMapper json;
    private final Tenancy tenancy;
    private final Clock clock;
    private final BundleComponents components;

    OfferingViews(Prices prices, PartnerView partners, JsonMapper json, Tenancy tenancy, Clock clock,
                  BundleComponents components) {
        this.components = components;
        this.prices = prices;
        this.partners = partners;
        this.json = json;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    OfferingResources.Offering offering(ProductOffering offering) {
        return offerings(List.of(offering)).getFirst();
    }

    /**
     * The offering's ETag as this caller is shown it now (see
     * {@link #tag(ProductOffering, OfferingResources.Offering)}).
     */
    String tag(ProductOffering offering) {
        return tag(offering, offering(offering));
    }

    /**
     * The ETag of {@code view}, the offering as one caller is shown it: the offering's version, and what the view
     * shows that changes without that version. That is the price versions it lists (a version's name never changes,
     * a new or superseded one changes the list), whether it is sellable (which the time, its owner's status, its
     * prices' validity and its components decide) and whether this caller is shown its last rejected or withdrawn
     * change. Everything else the view shows comes from the offering's row and collections, which move its version.
     */
    static String tag(ProductOffering offering, OfferingResources.Offering view) {
        List<Object> shown = new ArrayList<>();
        view.productOfferingPrice().forEach(price -> shown.add(price.id()));
        shown.add("sellable=" + view.isSellable());
        shown.add("rejectedChange=" + (view.rejectedChange() != null));
        shown.add("withdrawnChange=" + (view.withdrawnChange() != null));
        return EntityTags.composite(offering.version(), shown);
    }

    /** A draft just written, with the price versions written with it: no query (bulk imports notify per row). */
    OfferingResources.Offering draft(ProductOffering offering, OfferingDraft draft, List<PriceVersionView> versions) {
        return view(offering, draft, versions, false);
    }

    List<OfferingResources.Offering> offerings(List<ProductOffering> page) {
        Map<UUID, List<PriceVersionView>> versions = prices.versions(page.stream().map(ProductOffering::id).toList());
        Map<UUID, Boolean> activeOwners = new HashMap<>();
        Instant now = clock.instant();
        Map<UUID, Boolean> componentsLaunched = components.launched(page, now);
        List<OfferingResources.Offering> views = new ArrayList<>();
        for (ProductOffering offering : page) {
            List<PriceVersionView> own = versions.getOrDefault(offering.id(), List.of());
            boolean ownerActive = offering.partnerId() == null || activeOwners.computeIfAbsent(offering.partnerId(),
                    id -> partners.find(id).map(PartnerStatus::isActive).orElse(false));
            views.add(view(offering, json.readValue(offering.definition(), OfferingDraft.class), own,
                    Sellability.sellable(offering, own, ownerActive,
                            componentsLaunched.getOrDefault(offering.id(), true), now)));
        }
        return views;
    }

    private OfferingResources.Offering view(ProductOffering o, OfferingDraft draft, List<PriceVersionView> versions,
                                            boolean sellable) {
        List<OfferingResources.PartyRef> parties = new ArrayList<>();
        if (o.partnerId() != null) {
            parties.add(new OfferingResources.PartyRef(o.partnerId(), OfferingResources.OWNER_ROLE, "Organization"));
        }
        draft.participants().forEach(p -> parties.add(new OfferingResources.PartyRef(p.partnerId(),
                OfferingResources.PARTICIPANT_ROLE, "Organization")));
        Map<String, PriceVersionView> latest = new LinkedHashMap<>();
        versions.stream().filter(v -> !"SUPERSEDED".equals(v.status())).forEach(v -> latest.put(v.externalId(), v));
        return new OfferingResources.Offering(o.id().toString(), OfferingResources.PATH + "/" + o.id(), o.name(),
                o.description(), String.valueOf(o.offeringVersion()), o.status().tmf(), o.isBundle(), sellable,
                o.lastUpdate(), o.validFrom() == null && o.validTo() == null ? null
                : new OfferingResources.TimePeriod(o.validFrom(), o.validTo()),
                o.categoryId() == null ? null : List.of(new OfferingResources.Ref(o.categoryId().toString(),
                        "/tmf-api/productCatalogManagement/v4/category/" + o.categoryId(), o.categoryCode())),
                draft.salesChannels().stream().map(c -> new OfferingResources.Ref(null, null, c)).toList(),
                o.specificationId() == null ? null : new OfferingResources.Ref(o.specificationId().toString(),
                        SPEC_PATH + "/" + o.specificationId(), draft.specification() == null ? null
                        : draft.specification().name()),
                o.components().stream().map(id -> new OfferingResources.Ref(id.toString(),
                        OfferingResources.PATH + "/" + id, null)).toList(),
                latest.values().stream().map(v -> new OfferingResources.Ref(v.id().toString(),
                        PRICE_PATH + "/" + v.id(), v.definition().name())).toList(),
                parties, o.statusReason(), o.externalId(),
                draft.bundlePricing() == null ? null : draft.bundlePricing().name(),
                draft.participants().stream().map(p -> new OfferingResources.Share(p.partnerId(), plain(p.sharePercent())))
                        .toList(),
                o.pendingParticipantIds().isEmpty() ? null : o.pendingParticipantIds(),
                o.pendingChange() == null ? null : o.pendingChange().name(), rejectedChange(o), withdrawnChange(o),
                "ProductOffering");
    }

    /** Why its last change was rejected: the owner's and staff's business, not resellers' or co-creators'. */
    private OfferingResources.RejectedChange rejectedChange(ProductOffering o) {
        if (o.rejectedChangeReason() == null || !(o.partnerId() == null ? tenancy.isStaff()
                : tenancy.canAccess(new PartnerId(o.partnerId())))) {
            return null;
        }
        return new OfferingResources.RejectedChange(o.rejectedChange() == null ? null : o.rejectedChange().name(),
                o.rejectedChangeReason(), o.rejectedChangeAt());
    }

    /** Its last change withdrawn before a decision: for the same readers as its last rejected change. */
    private OfferingResources.WithdrawnChange withdrawnChange(ProductOffering o) {
        if (o.withdrawnChange() == null || !(o.partnerId() == null ? tenancy.isStaff()
                : tenancy.canAccess(new PartnerId(o.partnerId())))) {
            return null;
        }
        return new OfferingResources.WithdrawnChange(o.withdrawnChange().name(), o.withdrawnChangeBy(),
                o.withdrawnChangeAt());
    }

    /** A price version as TMF620 ProductOfferingPrice (Accord's price fields as extensions). */
    PriceResource price(PriceVersionView version) {
        PriceDraft p = version.definition();
        return new PriceResource(version.id().toString(), PRICE_PATH + "/" + version.id(), p.name(),
                String.valueOf(version.versionNumber()), switch (p.type()) {
                    case ONE_TIME -> "oneTime";
                    case RECURRING -> "recurring";
                    case USAGE -> "usage";
                }, "SUPERSEDED".equals(version.status()) ? "Obsolete" : "LAUNCHED".equals(version.status())
                ? "Launched" : "In study",
                new OfferingResources.TimePeriod(version.validFrom(), version.validTo()),
                p.period() == null ? null : p.period().name().toLowerCase(),
                p.amount() == null ? null : new PriceResource.Money(p.currency(), p.amount().toPlainString()),
                p.unit() == null ? null : new PriceResource.Quantity(java.math.BigDecimal.ONE, p.unit().name()),
                new OfferingResources.Ref(version.offeringId().toString(),
                        OfferingResources.PATH + "/" + version.offeringId(), null),
                version.externalId(), plain(p), "ProductOfferingPrice");
    }

    /** The price with its decimals plain, as the API shows them. */
    static PriceDraft plain(PriceDraft p) {
        return new PriceDraft(p.externalId(), p.name(), p.type(), plain(p.amount()), p.currency(), p.taxCategory(),
                p.period(), p.proration(), p.unit(), p.roundingFirst(), p.roundingNext(), plain(p.minimumQuantity()),
                p.tierMode(), p.tiers().stream().map(t -> new PriceDraft.Tier(plain(t.from()), plain(t.to()),
                        plain(t.rate()))).toList(), p.accumulation(), p.usageTypes(), plain(p.minimumCharge()),
                p.validFrom());
    }

    /**
     * The decimal without an exponent ({@code 4E+1} as {@code 40}): stored definitions drop trailing zeros so that
     * equal definitions compare equal, and Jackson writes a BigDecimal as its {@code toString}. Only what the API
     * shows changes; the stored form (and the JSON mapper, which compares definitions as text) stays as it is.
     */
    static BigDecimal plain(BigDecimal value) {
        return value == null || value.scale() >= 0 ? value : value.setScale(0);
    }
}
