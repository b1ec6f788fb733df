package io.accord.catalog.offering;

import io.accord.catalog.price.Prices;
import io.accord.catalog.specification.SpecificationView;
import io.accord.catalog.specification.Specifications;
import io.accord.contracts.value.PartnerId;
import io.accord.platform.audit.AuditTrail;
import jakarta.persistence.EntityManager;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Bulk upsert of offering drafts: first every draft is validated and classified against one lookup of the owner's
 * existing offerings (no write), then, unless it is a dry run, the writes follow in JDBC batches.
 */
@Component
class OfferingImport {

    private final ProductOfferingRepository offerings;
    private final OfferingValidation validation;
    private final Specifications specifications;
    private final Prices prices;
    private final OfferingLifecycle lifecycle;
    private final OfferingEvents events;
    private final EntityManager entities;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final Clock clock;

    OfferingImport(ProductOfferingRepository offerings, OfferingValidation validation, Specifications specifications,
                   Prices prices, OfferingLifecycle lifecycle, OfferingEvents events, EntityManager entities, AuditTrail audit,
                   JsonMapper json, Clock clock) {
        this.offerings = offerings;
        this.validation = validation;
        this.specifications = specifications;
        this.prices = prices;
        this.lifecycle = lifecycle;
        this.events = events;
        this.entities = entities;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    List<ImportOutcome> upsertAll(Owner owner, List<OfferingDraft> drafts, boolean dryRun) {
        Instant now = clock.instant();
        OfferingValidation.Batch batch = validation.batch(owner, drafts);
        Map<String, ProductOffering> existing = lookup(owner, batch);
        Map<String, SpecificationView> specs = specifications.findByExternalIds(owner.key(), batch.specificationIds());
        batch.resolveComponents(existing);
        boolean ownerActive = validation.isActive(owner);
        for (OfferingValidation.Row row : batch.valid()) {
            classify(row, existing.get(row.draft().externalId()), ownerActive, now);
        }
        protectSharedSpecifications(batch, specs);
        if (!dryRun) {
            apply(owner, batch, existing, specs, now);
        }
        return batch.outcomes();
    }

    private Map<String, ProductOffering> lookup(Owner owner, OfferingValidation.Batch batch) {
        Set<String> keys = batch.referencedExternalIds();
        if (keys.isEmpty()) {
            return Map.of();
        }
        return offerings.findByOwnerKeyAndExternalIdIn(owner.key(), keys).stream()
                .collect(Collectors.toMap(ProductOffering::externalId, o -> o));
    }

    /**
     * A specification that offerings beyond the drafts already use (launched or in review) changes only through a
     * reviewed new version of those offerings, never as a side effect of another draft: such rows are invalid.
     */
    private void protectSharedSpecifications(OfferingValidation.Batch batch, Map<String, SpecificationView> specs) {
        Map<UUID, List<OfferingValidation.Row>> changing = new HashMap<>();
        for (OfferingValidation.Row row : batch.valid()) {
            SpecificationView stored = row.draft().specification() == null ? null
                    : specs.get(row.draft().specification().externalId());
            boolean drafting = row.result() == ImportOutcome.Result.CREATED
                    || row.result() == ImportOutcome.Result.UPDATED;
            if (drafting && stored != null && !stored.definition().equals(row.draft().specification())) {
                changing.computeIfAbsent(stored.id(), id -> new ArrayList<>()).add(row);
            }
        }
        if (changing.isEmpty()) {
            return;
        }
        for (UUID used : offerings.specificationsInUse(changing.keySet())) {
            changing.get(used).forEach(row -> row.error("specification", "specification '"
                    + row.draft().specification().externalId() + "' belongs to an offering that is launched or in "
                    + "review: change it through that offering, or give this draft its own specification"));
        }
    }

    private void classify(OfferingValidation.Row row, ProductOffering current, boolean ownerActive, Instant now) {
        String definition = json.writeValueAsString(row.draft());
        row.definition(definition);
        if (current == null) {
            row.result(ImportOutcome.Result.CREATED, null);
            return;
        }
        boolean same = definition.equals(current.pendingDefinition() != null ? current.pendingDefinition()
                : current.definition());
        switch (current.status()) {
            case DRAFT, REJECTED -> row.result(same ? ImportOutcome.Result.UNCHANGED : ImportOutcome.Result.UPDATED,
                    current.id());
            case LAUNCHED -> {
                if (same) {
                    row.result(ImportOutcome.Result.UNCHANGED, current.id());
                    return;
                }
                if (current.pendingChange() != null) {
                    // the waiting change is decided first: a second one never replaces it unseen
                    row.error("externalId", current.changeWaiting());
                    row.result(ImportOutcome.Result.INVALID, current.id());
                    return;
                }
                if (!ownerActive) {
                    row.error("externalId", "offering '" + current.externalId() + "' is launched and its owner is "
                            + "not ACTIVE: a suspended partner submits no changes");
                    row.result(ImportOutcome.Result.INVALID, current.id());
                    return;
                }
                OfferingDraft live = json.readValue(current.definition(), OfferingDraft.class);
                boolean priceOnly = live.withPrices(List.of()).equals(row.draft().withPrices(List.of()));
                prices.checkRevision(current.id(), row.draft().prices(), now, row::error);
                row.result(priceOnly ? ImportOutcome.Result.NEW_PRICE_VERSION : ImportOutcome.Result.NEW_VERSION,
                        current.id());
            }
            default -> {
                if (same) {
                    row.result(ImportOutcome.Result.UNCHANGED, current.id());
                } else {
                    row.error("externalId", "offering '" + current.externalId() + "' is " + current.status()
                            + ": it cannot change now");
                    row.result(ImportOutcome.Result.INVALID, current.id());
                }
            }
        }
    }

    /**
     * Writes the batch in three flushed steps: the specifications, the new offerings, then the prices, updates and
     * proposals. Prices and offerings refer to one another by id columns, which Hibernate does not see as
     * associations; with its inserts ordered for batching (one multi-row insert per table), a batch that added a
     * price to an existing offering before creating a new one sent every price, the new offering's too, before the
     * offerings, and a new specification after the offerings naming it: the whole chunk failed on a foreign key.
     */
    private void apply(Owner owner, OfferingValidation.Batch batch, Map<String, ProductOffering> existing,
                       Map<String, SpecificationView> specs, Instant now) {
        Map<String, UUID> ids = new HashMap<>();
        existing.forEach((key, offering) -> ids.put(key, offering.id()));
        Map<String, UUID> specIds = new HashMap<>();
        // components before the bundles that contain them, so a bundle can name an offering of the same batch
        List<OfferingValidation.Row> ordered = batch.valid().stream()
                .filter(row -> row.result() != ImportOutcome.Result.UNCHANGED
                        && row.result() != ImportOutcome.Result.INVALID)
                .sorted(Comparator.comparing(row -> row.draft().kind() == OfferingDraft.Kind.BUNDLE)).toList();
        for (OfferingValidation.Row row : ordered) {
            if (row.result() == ImportOutcome.Result.CREATED || row.result() == ImportOutcome.Result.UPDATED) {
                specificationId(owner, row.draft(), specs, specIds, now);
            }
        }
        entities.flush();
        Map<OfferingValidation.Row, ProductOffering> created = new java.util.IdentityHashMap<>();
        for (OfferingValidation.Row row : ordered) {
            if (row.result() == ImportOutcome.Result.CREATED) {
                ProductOffering offering = new ProductOffering(owner, row.draft().externalId(), lifecycle.actor(),
                        now);
                offering.define(definition(owner, row, ids, specs, specIds, now), lifecycle.actor(), now);
                entities.persist(offering);
                ids.put(row.draft().externalId(), offering.id());
                created.put(row, offering);
            }
        }
        entities.flush();
        for (OfferingValidation.Row row : ordered) {
            ImportOutcome.Result result = row.result();
            OfferingDraft draft = row.draft();
            ProductOffering offering = result == ImportOutcome.Result.CREATED ? created.get(row)
                    : existing.get(draft.externalId());
            switch (result) {
                case CREATED -> {
                    events.tmfDraft("ProductOfferingCreateEvent", offering, draft,
                            prices.replaceDrafts(offering.id(), draft.prices(), now, true));
                    row.result(result, offering.id());
                    audit(owner, offering, "created", null, draft);
                    auditInvitations(owner, offering, List.of());
                }
                case UPDATED -> {
                    JsonNode before = json.readTree(offering.definition());
                    List<OfferingParticipant> named = offering.coCreators();
                    offering.redefine(definition(owner, row, ids, specs, specIds, now), lifecycle.actor(), now);
                    events.tmfDraft("ProductOfferingAttributeValueChangeEvent", offering, draft,
                            prices.replaceDrafts(offering.id(), draft.prices(), now, false));
                    audit(owner, offering, "changed", before, draft);
                    auditInvitations(owner, offering, named);
                }
                default -> lifecycle.propose(offering, result == ImportOutcome.Result.NEW_PRICE_VERSION
                        ? ProductOffering.Change.NEW_PRICE_VERSION : ProductOffering.Change.NEW_VERSION,
                        row.definition(), now);
            }
        }
    }

    /**
     * One entry per offering under its own id, as specifications and categories are audited, so an auditor finds an
     * offering's creation and changes by its id whether they came from the TMF API (which creates and changes
     * through this importer) or from a bulk import; the entries of one call share its correlation id. A proposal for
     * a launched offering is audited by {@link OfferingLifecycle#propose}, an unchanged row not at all.
     */
    private void audit(Owner owner, ProductOffering offering, String action, Object before, Object after) {
        audit.record(owner.isCsp() ? null : new PartnerId(owner.partnerId()), "productOffering",
                offering.id().toString(), action, before, after);
    }

    /**
     * One entry per co-creator the write named (or named with another share) that now waits for its consent: the
     * invitation, which its partner admin answers ({@code co-creation accepted} or {@code declined}).
     */
    private void auditInvitations(Owner owner, ProductOffering offering, List<OfferingParticipant> namedBefore) {
        Set<OfferingParticipant> known = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        known.addAll(namedBefore);
        offering.coCreators().stream()
                .filter(p -> p.consent() == OfferingParticipant.Consent.PENDING && !known.contains(p))
                .forEach(p -> audit(owner, offering, "co-creator invited", null, CoCreations.audited(p)));
    }

    private OfferingDefinition definition(Owner owner, OfferingValidation.Row row, Map<String, UUID> ids,
                                          Map<String, SpecificationView> specs, Map<String, UUID> specIds,
                                          Instant now) {
        OfferingDraft draft = row.draft();
        UUID specId = specificationId(owner, draft, specs, specIds, now);
        List<UUID> components = draft.bundledOfferingExternalIds().stream().map(ids::get).toList();
        return new OfferingDefinition(draft, row.definition(), row.categoryId(), specId, components);
    }

    /** The draft's specification, created or changed once per batch; null for none. */
    private UUID specificationId(Owner owner, OfferingDraft draft, Map<String, SpecificationView> specs,
                                 Map<String, UUID> specIds, Instant now) {
        if (draft.specification() == null) {
            return null;
        }
        return specIds.computeIfAbsent(draft.specification().externalId(), key -> specifications.upsert(owner.key(),
                owner.partnerId(), draft.specification(), specs.get(key), now));
    }

}
