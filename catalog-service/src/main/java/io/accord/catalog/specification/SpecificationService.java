package io.accord.catalog.specification;

import io.accord.contracts.value.PartnerId;
import io.accord.platform.audit.AuditTrail;
import io.accord.platform.hub.TmfEvent;
import io.accord.platform.problem.ConflictException;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.web.IfMatch;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The TMF productSpecification operations. */
@Service
class SpecificationService {

    private final ProductSpecificationRepository specifications;
    private final Specifications entry;
    private final AuditTrail audit;
    private final ApplicationEventPublisher hub;
    private final List<SpecificationUsage> usages;
    private final Clock clock;

    SpecificationService(ProductSpecificationRepository specifications, Specifications entry, AuditTrail audit,
                         ApplicationEventPublisher hub, List<SpecificationUsage> usages, Clock clock) {
        this.specifications = specifications;
        this.usages = usages;
        this.entry = entry;
        this.audit = audit;
        this.hub = hub;
        this.clock = clock;
    }

    @Transactional
    SpecificationView create(UUID partnerId, SpecificationResources.CreateSpecification request) {
        String ownerKey = partnerId == null ? "CSP" : partnerId.toString();
        String externalId = request.externalId() == null ? UUID.randomUUID().toString() : request.externalId();
        if (!entry.findByExternalIds(ownerKey, List.of(externalId)).isEmpty()) {
            throw new ConflictException("A specification with externalId '" + externalId + "' exists already");
        }
        SpecificationDraft draft = checked(externalId, request);
        UUID id = entry.upsert(ownerKey, partnerId, draft, null, clock.instant());
        SpecificationView view = entry.find(id).orElseThrow();
        audit.record(partnerId == null ? null : new PartnerId(partnerId), "productSpecification", id.toString(),
                "created", null, draft);
        hub.publishEvent(new TmfEvent("ProductSpecificationCreateEvent", "productSpecification",
                SpecificationResources.Specification.of(view), partnerId == null ? Set.of() : Set.of(partnerId),
                partnerId == null));
        return view;
    }

    /**
     * A merge patch's result: only a specification no offering uses changes (offerings hold a copy of it); 412 when
     * {@code ifMatch} names another version than the current one.
     *
     * @param current the specification the patch was applied to, read before this transaction
     */
    @Transactional
    SpecificationView change(SpecificationView current, IfMatch ifMatch,
                             SpecificationResources.CreateSpecification changed) {
        checkCurrent(current, ifMatch);
        refuseIfUsed(current, "changed");
        SpecificationDraft draft = checked(current.definition().externalId(), changed);
        String ownerKey = current.ownerPartnerId() == null ? "CSP" : current.ownerPartnerId().toString();
        entry.upsert(ownerKey, current.ownerPartnerId(), draft, current, clock.instant());
        // written now, so the view (and its ETag) shows the version this change gets
        specifications.flush();
        SpecificationView view = entry.find(current.id()).orElseThrow();
        audit.record(partner(current), "productSpecification", current.id().toString(), "changed",
                current.definition(), view.definition());
        notify("ProductSpecificationAttributeValueChangeEvent", view);
        return view;
    }

    /** 412 when {@code ifMatch} names another version than the current one. */
    @Transactional
    void delete(SpecificationView current, IfMatch ifMatch) {
        checkCurrent(current, ifMatch);
        refuseIfUsed(current, "deleted");
        notify("ProductSpecificationDeleteEvent", current);
        audit.record(partner(current), "productSpecification", current.id().toString(), "deleted",
                current.definition(), null);
        specifications.deleteById(current.id());
    }

    /**
     * The precondition, against the version this transaction reads (and the version check of its write then guards);
     * the caller's earlier read may be older.
     */
    private void checkCurrent(SpecificationView current, IfMatch ifMatch) {
        if (ifMatch.isPresent()) {
            SpecificationView now = entry.find(current.id()).orElseThrow(() ->
                    new NotFoundException("ProductSpecification", current.id()));
            ifMatch.check(now.version(), "ProductSpecification " + current.id());
        }
    }

    private void refuseIfUsed(SpecificationView spec, String what) {
        for (SpecificationUsage usage : usages) {
            usage.usage(spec.id()).ifPresent(reason -> {
                throw new ConflictException("Specification " + spec.id() + " is not " + what + ": " + reason);
            });
        }
    }

    private SpecificationDraft checked(String externalId, SpecificationResources.CreateSpecification request) {
        SpecificationDraft draft = new SpecificationDraft(externalId, request.name(), request.description(),
                request.productSpecCharacteristic() == null ? List.of() : request.productSpecCharacteristic().stream()
                        .map(SpecificationService::characteristic).toList(),
                new SpecificationDraft.Fulfilment(request.resourceSpecification() == null ? List.of()
                        : request.resourceSpecification().stream().map(SpecificationResources.ResourceRef::name)
                        .toList(), Boolean.TRUE.equals(request.partnerActivation()))).normalized();
        List<String[]> errors = new ArrayList<>();
        entry.check(draft, "productSpecification", (field, message) -> errors.add(new String[] {field, message}));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(tmfField(errors.getFirst()[0]), errors.getFirst()[0] + ": "
                    + errors.getFirst()[1]);
        }
        return draft;
    }

    private void notify(String eventType, SpecificationView view) {
        hub.publishEvent(new TmfEvent(eventType, "productSpecification", SpecificationResources.Specification.of(view),
                view.ownerPartnerId() == null ? Set.of() : Set.of(view.ownerPartnerId()),
                view.ownerPartnerId() == null));
    }

    private static PartnerId partner(SpecificationView view) {
        return view.ownerPartnerId() == null ? null : new PartnerId(view.ownerPartnerId());
    }

    @Transactional(readOnly = true)
    Optional<SpecificationView> get(UUID id) {
        return entry.find(id);
    }

    @Transactional(readOnly = true)
    Page<SpecificationView> list(Specification<ProductSpecification> visible, Pageable page) {
        return specifications.findAll(visible, page).map(entry::view);
    }

    /** TMF characteristic → Accord's: values list allowed values, a range, or (not configurable) the fixed value. */
    private static SpecificationDraft.Characteristic characteristic(SpecificationResources.Characteristic c) {
        SpecificationDraft.ValueType type = switch (c.valueType().strip().toLowerCase(Locale.ROOT)) {
            case "string", "text" -> SpecificationDraft.ValueType.STRING;
            case "number", "decimal" -> SpecificationDraft.ValueType.NUMBER;
            case "integer" -> SpecificationDraft.ValueType.INTEGER;
            case "boolean" -> SpecificationDraft.ValueType.BOOLEAN;
            case "enum", "enumeration" -> SpecificationDraft.ValueType.ENUM;
            default -> throw new InvalidInputException("productSpecCharacteristic.valueType",
                    "valueType is string, number (a decimal), integer (a whole number), boolean or enum");
        };
        List<SpecificationResources.Value> values = c.productSpecCharacteristicValue() == null ? List.of()
                : c.productSpecCharacteristicValue();
        boolean configurable = !Boolean.FALSE.equals(c.configurable());
        List<String> listed = values.stream().map(SpecificationResources.Value::value)
                .filter(java.util.Objects::nonNull).toList();
        SpecificationResources.Value range = values.stream().filter(v -> v.valueFrom() != null || v.valueTo() != null)
                .findFirst().orElse(null);
        String unit = values.stream().map(SpecificationResources.Value::unitOfMeasure)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        String fixed = !configurable && listed.size() == 1 ? listed.getFirst() : null;
        boolean allowed = configurable || listed.size() > 1;
        return new SpecificationDraft.Characteristic(c.name(), type, allowed
                && (type == SpecificationDraft.ValueType.ENUM || type == SpecificationDraft.ValueType.STRING)
                ? listed : List.of(), range == null ? null : range.valueFrom(), range == null ? null : range.valueTo(),
                unit, c.minCardinality() != null && c.minCardinality() > 0, configurable, fixed);
    }

    private static String tmfField(String field) {
        return field.replace("productSpecification.characteristics", "productSpecCharacteristic")
                .replace("productSpecification.fulfilment.resourceTypes", "resourceSpecification")
                .replace("productSpecification.", "");
    }
}
