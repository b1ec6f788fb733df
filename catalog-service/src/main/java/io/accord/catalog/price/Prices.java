package io.accord.catalog.price;

import io.accord.catalog.reference.ReferenceData;
import io.accord.platform.problem.ConflictException;
import jakarta.persistence.EntityManager;
import io.accord.platform.web.OffsetLimit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

/**
 * What other catalog features may do with offering prices: validate definitions, keep a draft offering's prices,
 * launch them, add effective-dated versions to a launched offering, and ask which version is in force when.
 */
@Component
public class Prices {

    private final PriceVersionRepository versions;
    private final EntityManager entities;
    private final PriceRules rules;
    /**
     * Tax categories are seeded reference data that is never removed: a known code stays known. ISO currencies are
     * fixed for the JVM's lifetime; both are looked up once, not per price of a 100,000-row import.
     */
    private final Set<String> knownTaxCategories = ConcurrentHashMap.newKeySet();

    Prices(PriceVersionRepository versions, EntityManager entities, ReferenceData reference) {
        this.versions = versions;
        this.entities = entities;
        Map<String, Boolean> currencies = new ConcurrentHashMap<>();
        this.rules = new PriceRules(code -> currencies.computeIfAbsent(code, reference::isCurrency),
                code -> knownTaxCategories.contains(code)
                        || (reference.isTaxCategory(code) && knownTaxCategories.add(code)),
                reference::minorUnits);
    }

    /** Reports every broken rule of {@code prices} (one offering's) under {@code prefix}, e.g. {@code prices}. */
    public void check(List<PriceDraft> prices, String prefix, BiConsumer<String, String> errors) {
        rules.checkAll(prices, prefix, errors);
    }

    /**
     * Replaces the prices of an offering that was never launched (draft versions may be rewritten): a price whose
     * definition is unchanged keeps its version (and id, which a client may hold from the 201 that created it); a
     * changed price gets a new draft version, a price no longer listed is deleted.
     *
     * @param isNew the offering was just created (nothing to delete)
     * @return the offering's draft versions, in the order of {@code prices}
     */
    @Transactional
    public List<PriceVersionView> replaceDrafts(UUID offeringId, List<PriceDraft> prices, Instant now,
                                                boolean isNew) {
        Map<String, PriceVersion> kept = new HashMap<>();
        if (!isNew) {
            Map<String, PriceDraft> wanted = new HashMap<>();
            prices.forEach(price -> wanted.put(price.externalId(), price));
            List<UUID> obsolete = new ArrayList<>();
            for (PriceVersion draft : versions.findByOfferingIdOrderByPriceKeyAscVersionNumberAsc(offeringId)) {
                if (draft.status() != PriceVersion.Status.DRAFT) {
                    continue;
                }
                PriceDraft price = wanted.get(draft.priceKey());
                if (price != null && draft.draft().equals(price.normalized()) && !kept.containsKey(draft.priceKey())) {
                    kept.put(draft.priceKey(), draft);
                } else {
                    obsolete.add(draft.id());
                }
            }
            if (!obsolete.isEmpty()) {
                // a bulk delete runs now (its tiers go with it, on delete cascade), before the new versions' inserts
                versions.deleteDraftsById(offeringId, obsolete);
            }
        }
        List<PriceVersionView> written = new ArrayList<>();
        for (PriceDraft price : prices) {
            PriceVersion same = kept.get(price.externalId());
            if (same != null) {
                written.add(same.view());
                continue;
            }
            PriceVersion version = new PriceVersion(offeringId, 1, price, PriceVersion.Status.DRAFT, false, now);
            // persist, not save: save would first select each new row (assigned ids), defeating batch inserts
            entities.persist(version);
            written.add(version.view());
        }
        return written;
    }

    /** The offering launches: its draft prices become launched versions. */
    @Transactional
    public List<PriceVersionView> launch(UUID offeringId) {
        List<PriceVersion> all = versions.findByOfferingIdOrderByPriceKeyAscVersionNumberAsc(offeringId);
        all.forEach(PriceVersion::launch);
        return all.stream().map(PriceVersion::view).toList();
    }

    /**
     * Checks that the changed prices of a launched offering can become new versions: each new start must come after
     * the start of any version already in force (code-level guard of the exclusion constraint).
     */
    @Transactional(readOnly = true)
    public void checkRevision(UUID offeringId, List<PriceDraft> prices, Instant now,
                              BiConsumer<String, String> errors) {
        Map<String, List<PriceVersion>> byKey = activeByKey(offeringId);
        for (int i = 0; i < prices.size(); i++) {
            PriceDraft price = prices.get(i);
            List<PriceVersion> existing = byKey.getOrDefault(price.externalId(), List.of());
            if (changed(existing, price)) {
                StringBuilder reason = new StringBuilder();
                if (PriceTimeline.plan(periods(existing), price.validFrom(), now, reason).isEmpty()) {
                    errors.accept("prices[" + i + "].validFrom", reason.toString());
                }
            }
        }
    }

    /**
     * The reviewed baseline of each price of a launched offering's revision: per external id, the definition of the
     * version a partner manager approved (or that launched with the offering) for the price's start, ignoring the
     * versions the auto-approval policy approved. A price without one (new, or starting before any reviewed version)
     * is absent.
     */
    @Transactional(readOnly = true)
    public Map<String, PriceDraft> reviewedBaselines(UUID offeringId, List<PriceDraft> prices) {
        Map<String, List<PriceVersion>> byKey = versions.findByOfferingIdOrderByPriceKeyAscVersionNumberAsc(offeringId)
                .stream().filter(version -> version.status() != PriceVersion.Status.DRAFT)
                .collect(Collectors.groupingBy(PriceVersion::priceKey));
        Map<String, PriceDraft> baselines = new LinkedHashMap<>();
        for (PriceDraft price : prices) {
            if (price.validFrom() == null) {
                continue;
            }
            List<PriceVersion> existing = byKey.getOrDefault(price.externalId(), List.of());
            PriceTimeline.reviewedAt(existing.stream().map(v -> new PriceTimeline.Approval(v.id(),
                            v.versionNumber(), v.validFrom(), !v.autoApproved())).toList(), price.validFrom())
                    .flatMap(id -> existing.stream().filter(v -> v.id().equals(id)).findFirst())
                    .ifPresent(baseline -> baselines.put(price.externalId(), baseline.draft()));
        }
        return baselines;
    }

    /**
     * Writes the changed prices of a launched offering as new launched versions; prices no longer listed end now.
     *
     * @param autoApproved the auto-approval policy approved the revision (no partner manager saw it)
     * @return the new versions, each with the version it replaced at its start
     */
    @Transactional
    public List<PriceChange> applyRevision(UUID offeringId, List<PriceDraft> prices, boolean autoApproved,
                                           Instant now) {
        Map<String, List<PriceVersion>> byKey = activeByKey(offeringId);
        List<PriceChange> created = new ArrayList<>();
        for (PriceDraft price : prices) {
            List<PriceVersion> existing = byKey.getOrDefault(price.externalId(), List.of());
            if (!changed(existing, price)) {
                continue;
            }
            StringBuilder reason = new StringBuilder();
            PriceTimeline.Plan plan = PriceTimeline.plan(periods(existing), price.validFrom(), now, reason)
                    .orElseThrow(() -> new ConflictException(reason.toString()));
            existing.stream().filter(v -> plan.superseded().contains(v.id())).forEach(PriceVersion::supersede);
            existing.stream().filter(v -> plan.closed().filter(v.id()::equals).isPresent())
                    .forEach(v -> v.endAt(plan.start()));
            versions.flush();
            int next = existing.stream().mapToInt(PriceVersion::versionNumber).max().orElse(0) + 1;
            PriceVersion version = new PriceVersion(offeringId, next, price, PriceVersion.Status.LAUNCHED,
                    autoApproved, now);
            entities.persist(version);
            created.add(new PriceChange(version.view(), plan.replaced().orElse(null)));
        }
        Set<String> kept = prices.stream().map(PriceDraft::externalId).collect(Collectors.toSet());
        byKey.forEach((key, existing) -> {
            if (!kept.contains(key)) {
                existing.forEach(version -> {
                    if (version.validFrom().isAfter(now)) {
                        version.supersede();
                    } else if (version.validTo() == null || version.validTo().isAfter(now)) {
                        version.endAt(now);
                    }
                });
            }
        });
        return created;
    }

    /**
     * What a revision's prices would replace, worked out from an offering's stored versions (no query): per price
     * key, the version in force at the given start that would end (or, announced for exactly that start, be
     * superseded) there; when none is in force there, or the start overtakes a started version, the newest version
     * that is not superseded. A key without versions is absent.
     *
     * @param startByKey the start of each changed (or, at now, removed) price
     */
    public Map<String, PriceVersionView> replacedAt(List<PriceVersionView> stored, Map<String, Instant> startByKey,
                                                    Instant now) {
        Map<String, List<PriceVersionView>> byKey = stored.stream().filter(v -> !"SUPERSEDED".equals(v.status()))
                .collect(Collectors.groupingBy(PriceVersionView::externalId));
        Map<String, PriceVersionView> replaced = new LinkedHashMap<>();
        startByKey.forEach((key, start) -> {
            List<PriceVersionView> existing = byKey.getOrDefault(key, List.of());
            Optional<UUID> inForce = start == null ? Optional.empty() : PriceTimeline.plan(existing.stream()
                    .map(v -> new PriceTimeline.Period(v.id(), v.validFrom(), v.validTo())).toList(), start, now,
                    new StringBuilder()).flatMap(PriceTimeline.Plan::replaced);
            existing.stream().filter(v -> inForce.map(v.id()::equals).orElse(false)).findFirst()
                    .or(() -> existing.stream().max(Comparator.comparingInt(PriceVersionView::versionNumber)))
                    .ifPresent(version -> replaced.put(key, version));
        });
        return replaced;
    }

    @Transactional(readOnly = true)
    public List<PriceVersionView> versions(UUID offeringId) {
        return versions.findByOfferingIdOrderByPriceKeyAscVersionNumberAsc(offeringId).stream()
                .map(PriceVersion::view).toList();
    }

    /** Every version of each offering, in one query (for pages and exports). */
    @Transactional(readOnly = true)
    public Map<UUID, List<PriceVersionView>> versions(Collection<UUID> offeringIds) {
        if (offeringIds.isEmpty()) {
            return Map.of();
        }
        return versions.findByOfferingIdInOrderByOfferingIdAscPriceKeyAscVersionNumberAsc(offeringIds).stream()
                .map(PriceVersion::view)
                .collect(Collectors.groupingBy(PriceVersionView::offeringId, LinkedHashMap::new, Collectors.toList()));
    }

    /**
     * A page of the price versions of these offerings, or of every offering when {@code offeringIds} is null (staff),
     * by offering, price and version.
     */
    @Transactional(readOnly = true)
    public Page<PriceVersionView> page(Collection<UUID> offeringIds, int offset, int limit) {
        OffsetLimit page = OffsetLimit.of(offset, limit, Sort.by("offeringId", "priceKey", "versionNumber"));
        if (offeringIds != null && offeringIds.isEmpty()) {
            return Page.empty(page);
        }
        return (offeringIds == null ? versions.findAll(page) : versions.findByOfferingIdIn(offeringIds, page))
                .map(PriceVersion::view);
    }

    /** The launched versions in force at {@code at}, one per price: a single indexed query. */
    @Transactional(readOnly = true)
    public List<PriceVersionView> inForce(UUID offeringId, Instant at) {
        return versions.inForce(offeringId, at).stream().map(PriceVersion::view).toList();
    }

    @Transactional(readOnly = true)
    public Optional<PriceVersionView> find(UUID versionId) {
        return versions.findById(versionId).map(PriceVersion::view);
    }

    private Map<String, List<PriceVersion>> activeByKey(UUID offeringId) {
        return versions.findByOfferingIdOrderByPriceKeyAscVersionNumberAsc(offeringId).stream()
                .filter(version -> version.status() != PriceVersion.Status.SUPERSEDED)
                .collect(Collectors.groupingBy(PriceVersion::priceKey, LinkedHashMap::new, Collectors.toList()));
    }

    private static boolean changed(List<PriceVersion> existing, PriceDraft price) {
        return existing.stream().max(Comparator.comparingInt(PriceVersion::versionNumber))
                .map(latest -> !latest.draft().equals(price)).orElse(true);
    }

    private static List<PriceTimeline.Period> periods(List<PriceVersion> existing) {
        return existing.stream().map(v -> new PriceTimeline.Period(v.id(), v.validFrom(), v.validTo())).toList();
    }
}
