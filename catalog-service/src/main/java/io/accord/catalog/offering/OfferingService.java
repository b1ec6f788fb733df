package io.accord.catalog.offering;

import io.accord.catalog.category.Categories;
import io.accord.catalog.category.CategoryRef;
import io.accord.catalog.specification.SpecificationView;
import io.accord.catalog.specification.Specifications;
import io.accord.contracts.value.PartnerId;
import io.accord.platform.audit.AuditTrail;
import io.accord.platform.partner.PartnerStatus;
import io.accord.platform.partner.PartnerView;
import io.accord.platform.problem.ConflictException;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.security.Tenancy;
import io.accord.platform.web.IfMatch;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The TMF productOffering operations: thin, the rules live in the drafts' validation and the aggregate. */
@Service
class OfferingService {

    private final ProductOfferingRepository offerings;
    private final OfferingImport importer;
    private final OfferingResolver resolver;
    private final OfferingAccess access;
    private final OfferingEvents events;
    private final Categories categories;
    private final Specifications specifications;
    private final io.accord.catalog.price.Prices prices;
    private final AuditTrail audit;
    private final PartnerView partners;
    private final OfferingViews views;
    private final Clock clock;

    OfferingService(ProductOfferingRepository offerings, OfferingImport importer, OfferingResolver resolver,
                    OfferingAccess access, OfferingEvents events, Categories categories,
                    Specifications specifications, io.accord.catalog.price.Prices prices, AuditTrail audit,
                    PartnerView partners, OfferingViews views, Clock clock) {
        this.views = views;
        this.prices = prices;
        this.partners = partners;
        this.offerings = offerings;
        this.importer = importer;
        this.resolver = resolver;
        this.access = access;
        this.events = events;
        this.categories = categories;
        this.specifications = specifications;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    ProductOffering create(OfferingResources.CreateOffering request) {
        UUID named = request.relatedParty() == null ? null : request.relatedParty().stream()
                .filter(p -> OfferingResources.OWNER_ROLE.equalsIgnoreCase(p.role())
                        || "Partner".equalsIgnoreCase(p.role()))
                .map(OfferingResources.PartyRef::id).findFirst().orElse(null);
        Owner owner = access.ownerForCreation(named);
        String externalId = request.externalId() == null ? UUID.randomUUID().toString() : request.externalId();
        if (!offerings.findByOwnerKeyAndExternalIdIn(owner.key(), List.of(externalId)).isEmpty()) {
            throw new ConflictException("An offering with externalId '" + externalId + "' exists already");
        }
        boolean bundle = Boolean.TRUE.equals(request.isBundle());
        OfferingDraft draft = new OfferingDraft(externalId, request.name(), request.description(),
                category(request.category().getFirst()), bundle ? OfferingDraft.Kind.BUNDLE : OfferingDraft.Kind.SINGLE,
                request.validFor() == null ? null : request.validFor().startDateTime(),
                request.validFor() == null ? null : request.validFor().endDateTime(),
                request.channel() == null ? List.of() : request.channel().stream().map(OfferingResources.Ref::name)
                        .toList(),
                specification(owner, request.productSpecification(), bundle),
                components(owner, request.bundledProductOffering()), request.bundlePricing(),
                request.participants() == null ? List.of() : request.participants().stream()
                        .map(s -> new OfferingDraft.Participant(s.partnerId(), s.sharePercent())).toList(),
                List.of());
        ImportOutcome outcome = single(owner, draft);
        return offerings.findById(outcome.offeringId()).orElseThrow();
    }

    @Transactional(readOnly = true)
    ProductOffering get(UUID id) {
        return access.visible(offerings.findById(id), id);
    }

    @Transactional(readOnly = true)
    Page<ProductOffering> list(Specification<ProductOffering> filters, Pageable page) {
        return offerings.findAll(access.visibleList().and(filters), page);
    }

    /** The ids of the offerings the caller may see, or null when it sees all (staff). */
    @Transactional(readOnly = true)
    List<UUID> visibleIds() {
        return access.seesAll() ? null
                : offerings.findAll(access.visibleList()).stream().map(ProductOffering::id).toList();
    }

    /**
     * A draft changes in place; a launched offering gets a new version that waits for review. 412 when
     * {@code ifMatch} names another ETag than the offering's current one.
     */
    @Transactional
    ProductOffering change(UUID id, IfMatch ifMatch, OfferingResources.Changeable change) {
        ProductOffering offering = access.changeable(offerings.findById(id), id);
        // a stale ETag first: what it would tell (a change waiting, a retirement) is what the client has not seen
        check(ifMatch, offering);
        changeableNow(offering);
        OfferingDraft current = resolver.read(offering.pendingDefinition() != null ? offering.pendingDefinition()
                : offering.definition());
        OfferingDraft changed = new OfferingDraft(current.externalId(), change.name(), change.description(),
                current.categoryCode(), current.kind(),
                change.validFor() == null ? null : change.validFor().startDateTime(),
                change.validFor() == null ? null : change.validFor().endDateTime(),
                change.channel() == null ? List.of() : change.channel().stream().map(OfferingResources.Ref::name)
                        .toList(), current.specification(), current.bundledOfferingExternalIds(),
                current.bundlePricing(), current.participants(), current.prices());
        single(offering.owner(), changed);
        ProductOffering result = offerings.findById(id).orElseThrow();
        events.tmf("ProductOfferingAttributeValueChangeEvent", result);
        return result;
    }

    /**
     * Adds the price to the offering's prices, or replaces the one with the same external id: a draft changes in
     * place, a launched offering gets a price change for review. 412 when {@code ifMatch} names another ETag than
     * the offering's current one (checked before its state, as {@link #change}).
     */
    @Transactional
    ProductOffering putPrice(UUID id, IfMatch ifMatch, io.accord.catalog.price.PriceDraft price) {
        ProductOffering offering = access.changeable(offerings.findById(id), id);
        check(ifMatch, offering);
        changeableNow(offering);
        OfferingDraft current = resolver.read(offering.pendingDefinition() != null ? offering.pendingDefinition()
                : offering.definition());
        List<io.accord.catalog.price.PriceDraft> changed = new java.util.ArrayList<>(current.prices().stream()
                .filter(p -> !p.externalId().equals(price.externalId())).toList());
        changed.add(price);
        ImportOutcome outcome = importer.upsertAll(offering.owner(), List.of(current.withPrices(changed)), false)
                .getFirst();
        if (outcome.isInvalid()) {
            // the client sent one price (the list's last): name its fields as the TMF resource does
            ImportOutcome.FieldError first = outcome.errors().stream()
                    .filter(error -> error.field().startsWith("prices[" + (changed.size() - 1) + "]."))
                    .findFirst().orElse(outcome.errors().getFirst());
            String own = "prices[" + (changed.size() - 1) + "].";
            throw first.field().startsWith(own) ? TmfFields.price(first.field().substring(own.length()),
                    first.message()) : TmfFields.offering(first.field(), first.message());
        }
        ProductOffering result = offerings.findById(id).orElseThrow();
        if (result.pendingChange() == null && result.status() != OfferingStatus.LAUNCHED) {
            prices.versions(id).stream().filter(v -> v.externalId().equals(price.externalId())).findFirst()
                    .ifPresent(version -> events.priceCreated(result, version));
        }
        return result;
    }

    /** 412 when {@code ifMatch} names another ETag than the offering's current one. */
    @Transactional
    void delete(UUID id, IfMatch ifMatch) {
        ProductOffering offering = access.changeable(offerings.findById(id), id);
        check(ifMatch, offering);
        if (!offering.isDeletable()) {
            throw new ConflictException("Only draft offerings are deleted; offering " + id + " is "
                    + offering.status() + " (retire it instead)");
        }
        events.tmf("ProductOfferingDeleteEvent", offering);
        audit.record(offering.partnerId() == null ? null : new PartnerId(offering.partnerId()), "productOffering",
                id.toString(), "deleted", resolver.read(offering.definition()), null);
        offerings.delete(offering);
    }

    /**
     * The precondition, against the offering as this transaction reads it and as the caller is shown it (its prices
     * and sellability too, see {@link OfferingViews#tag}); the offering's version then catches a change of it
     * committed meanwhile. The view costs queries: built only when If-Match was sent.
     */
    private void check(IfMatch ifMatch, ProductOffering offering) {
        if (ifMatch.isPresent()) {
            ifMatch.check(views.tag(offering), "ProductOffering " + offering.id());
        }
    }

    /**
     * The offering (one the caller may change), if its lifecycle status lets it change: a retired (or in review,
     * approved) offering, or a launched one whose owner is not ACTIVE, is a state conflict (409 naming the status),
     * not a field error of the request.
     */
    private ProductOffering changeableNow(ProductOffering offering) {
        try {
            offering.requireChangeable();
        } catch (IllegalStateException notNow) {
            throw new ConflictException(notNow.getMessage());
        }
        if (offering.pendingChange() != null) {
            throw new ConflictException(offering.changeWaiting());
        }
        if (offering.status() == OfferingStatus.LAUNCHED && offering.partnerId() != null) {
            // a launched offering changes by a revision its owner submits, which a suspended owner may not
            Optional<PartnerStatus> owner = partners.find(offering.partnerId());
            if (!owner.map(PartnerStatus::isActive).orElse(false)) {
                throw new ConflictException(PartnerView.notActive(offering.partnerId(), owner,
                        "change their launched offerings"));
            }
        }
        return offering;
    }

    private ImportOutcome single(Owner owner, OfferingDraft draft) {
        ImportOutcome outcome = importer.upsertAll(owner, List.of(draft), false).getFirst();
        if (outcome.isInvalid()) {
            ImportOutcome.FieldError first = outcome.errors().getFirst();
            // the TMF resource names its fields its own way (`category`, `validFor.endDateTime`)
            throw TmfFields.offering(first.field(), first.message());
        }
        return outcome;
    }

    private String category(OfferingResources.Ref ref) {
        UUID id = ref == null ? null : OfferingFilter.uuid(ref.id());
        String code = (id == null ? java.util.Optional.<CategoryRef>empty() : categories.find(id))
                .or(() -> ref == null ? java.util.Optional.empty() : categories.findByCode(ref.name()))
                .map(CategoryRef::code)
                .orElseThrow(() -> new InvalidInputException("category", "category must name a known category id"));
        if (!categories.isLaunched(code)) {
            throw new InvalidInputException("category", "category '" + code
                    + "' is not launched: offerings are filed only in launched categories");
        }
        return code;
    }

    private io.accord.catalog.specification.SpecificationDraft specification(Owner owner, OfferingResources.Ref ref,
                                                                             boolean bundle) {
        if (ref == null) {
            if (!bundle) {
                throw new InvalidInputException("productSpecification",
                        "productSpecification is mandatory for an offering that is not a bundle");
            }
            return null;
        }
        UUID id = OfferingFilter.uuid(ref.id());
        SpecificationView spec = (id == null ? java.util.Optional.<SpecificationView>empty()
                : specifications.find(id)).filter(found -> owner.isCsp() ? found.ownerPartnerId() == null
                : owner.partnerId().equals(found.ownerPartnerId()))
                .orElseThrow(() -> new InvalidInputException("productSpecification",
                        "productSpecification must name one of the owner's specifications"));
        return spec.definition();
    }

    private List<String> components(Owner owner, List<OfferingResources.Ref> refs) {
        if (refs == null) {
            return List.of();
        }
        return refs.stream().map(ref -> {
            UUID id = OfferingFilter.uuid(ref.id());
            return (id == null ? java.util.Optional.<ProductOffering>empty() : offerings.findById(id))
                    .filter(found -> found.owner().equals(owner)).map(ProductOffering::externalId)
                    .orElseThrow(() -> new InvalidInputException("bundledProductOffering",
                            "bundledProductOffering must name the owner's offerings"));
        }).toList();
    }
}
