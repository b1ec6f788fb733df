package io.accord.catalog.offering;

import io.accord.catalog.category.Categories;
import io.accord.catalog.category.CategoryRef;
import io.accord.catalog.price.Prices;
import io.accord.catalog.specification.Specifications;
import io.accord.platform.partner.PartnerStatus;
import io.accord.platform.partner.PartnerView;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Validates a batch of drafts: each draft's own rules, its specification and prices, the reference data it names
 * (looked up once per distinct value), duplicates within the batch and bundle components.
 */
@Component
class OfferingValidation {

    private final Specifications specifications;
    private final Prices prices;
    private final Categories categories;
    private final PartnerView partners;

    OfferingValidation(Specifications specifications, Prices prices, Categories categories, PartnerView partners) {
        this.specifications = specifications;
        this.prices = prices;
        this.categories = categories;
        this.partners = partners;
    }

    /** The CSP is always active; a partner owner only while the partner view says ACTIVE. */
    boolean isActive(Owner owner) {
        return owner.isCsp() || partners.find(owner.partnerId()).map(PartnerStatus::isActive).orElse(false);
    }

    Batch batch(Owner owner, List<OfferingDraft> drafts) {
        Map<String, Optional<CategoryRef>> categoryCache = new HashMap<>();
        Map<String, Boolean> launchedCache = new HashMap<>();
        Map<UUID, Boolean> partnerCache = new HashMap<>();
        Batch batch = new Batch();
        Set<String> seen = new HashSet<>();
        Map<String, Object> specsInBatch = new HashMap<>();
        for (OfferingDraft given : drafts) {
            Row row = new Row(given == null ? null : given.externalId());
            batch.rows.add(row);
            if (given == null) {
                row.error("draft", "the draft is missing");
                continue;
            }
            OfferingDraft draft = given.normalized();
            if (draft.specification() != null && draft.specification().externalId() == null) {
                draft = withSpecificationKey(draft);
            }
            row.draft = draft;
            OfferingRules.check(owner, draft, row::error);
            if (draft.specification() != null) {
                specifications.check(draft.specification(), "specification", row::error);
                Object earlier = specsInBatch.putIfAbsent(draft.specification().externalId(), draft.specification());
                if (earlier != null && !earlier.equals(draft.specification())) {
                    row.error("specification", "specification '" + draft.specification().externalId()
                            + "' is defined differently by an earlier draft of this batch");
                }
            }
            prices.check(draft.prices(), "prices", row::error);
            if (draft.categoryCode() != null && !draft.categoryCode().isBlank()) {
                Optional<CategoryRef> category = categoryCache.computeIfAbsent(draft.categoryCode(),
                        categories::findByCode);
                category.ifPresentOrElse(found -> row.categoryId = found.id(), () -> row.error("categoryCode",
                        "unknown category '" + row.draft.categoryCode() + "'"));
                // only a launched category takes offerings (its whole path to the root is then launched too)
                if (category.isPresent() && !launchedCache.computeIfAbsent(draft.categoryCode(),
                        categories::isLaunched)) {
                    row.error("categoryCode", "category '" + draft.categoryCode()
                            + "' is not launched: offerings are filed only in launched categories");
                }
            }
            for (int i = 0; i < draft.participants().size(); i++) {
                OfferingDraft.Participant participant = draft.participants().get(i);
                if (participant != null && participant.partnerId() != null && !partnerCache.computeIfAbsent(
                        participant.partnerId(), id -> partners.find(id).map(PartnerStatus::isActive).orElse(false))) {
                    row.error("participants[" + i + "].partnerId", "partner " + participant.partnerId()
                            + " is not an active partner");
                }
            }
            if (draft.externalId() != null && !seen.add(draft.externalId())) {
                row.error("externalId", "externalId '" + draft.externalId() + "' appears twice in this batch");
            }
        }
        return batch;
    }

    private static OfferingDraft withSpecificationKey(OfferingDraft draft) {
        var spec = draft.specification();
        var keyed = new io.accord.catalog.specification.SpecificationDraft(draft.externalId(), spec.name(),
                spec.description(), spec.characteristics(), spec.fulfilment());
        return new OfferingDraft(draft.externalId(), draft.name(), draft.description(), draft.categoryCode(),
                draft.kind(), draft.validFrom(), draft.validTo(), draft.salesChannels(), keyed,
                draft.bundledOfferingExternalIds(), draft.bundlePricing(), draft.participants(), draft.prices());
    }

    /** The drafts of one call, each with its errors and (after classification) its result. */
    static final class Batch {
        private final List<Row> rows = new ArrayList<>();

        List<Row> valid() {
            return rows.stream().filter(row -> row.errors.isEmpty()).toList();
        }

        Set<String> specificationIds() {
            Set<String> ids = new LinkedHashSet<>();
            valid().forEach(row -> {
                if (row.draft.specification() != null) {
                    ids.add(row.draft.specification().externalId());
                }
            });
            return ids;
        }

        /** The external ids of the drafts and of the components the bundles name. */
        Set<String> referencedExternalIds() {
            Set<String> ids = new LinkedHashSet<>();
            valid().forEach(row -> {
                ids.add(row.draft.externalId());
                ids.addAll(row.draft.bundledOfferingExternalIds());
            });
            return ids;
        }

        /** Each component must exist already or be a valid draft of this batch, and no bundle may contain itself. */
        void resolveComponents(Map<String, ProductOffering> existing) {
            Map<String, Row> inBatch = new HashMap<>();
            valid().forEach(row -> inBatch.put(row.draft.externalId(), row));
            for (Row row : valid()) {
                List<String> components = row.draft.bundledOfferingExternalIds();
                for (int i = 0; i < components.size(); i++) {
                    if (!existing.containsKey(components.get(i)) && !inBatch.containsKey(components.get(i))) {
                        row.error("bundledOfferingExternalIds[" + i + "]", "no offering with externalId '"
                                + components.get(i) + "'");
                    }
                }
            }
            BundleCycles.check(valid(), existing, (row, field) -> row.error(field,
                    "the bundle would contain itself through its components"));
            Map<String, List<UUID>> coCreators = new HashMap<>();
            existing.forEach((key, offering) -> coCreators.put(key, offering.coCreators().stream()
                    .map(OfferingParticipant::partnerId).toList()));
            inBatch.forEach((key, row) -> coCreators.put(key, row.draft.participants().stream()
                    .filter(p -> p != null && p.partnerId() != null).map(OfferingDraft.Participant::partnerId)
                    .toList()));
            for (Row row : valid()) {
                OfferingRules.checkBundleShares(row.draft, coCreators, row::error);
            }
        }

        List<ImportOutcome> outcomes() {
            return rows.stream().map(Row::outcome).toList();
        }
    }

    /** One draft's progress through validation and classification. */
    static final class Row {
        private final String givenExternalId;
        private final List<ImportOutcome.FieldError> errors = new ArrayList<>();
        private OfferingDraft draft;
        private UUID categoryId;
        private String definition;
        private ImportOutcome.Result result;
        private UUID offeringId;

        Row(String givenExternalId) {
            this.givenExternalId = givenExternalId;
        }

        void error(String field, String message) {
            errors.add(new ImportOutcome.FieldError(field, message));
        }

        OfferingDraft draft() {
            return draft;
        }

        UUID categoryId() {
            return categoryId;
        }

        String definition() {
            return definition;
        }

        void definition(String json) {
            this.definition = json;
        }

        ImportOutcome.Result result() {
            return errors.isEmpty() ? result : ImportOutcome.Result.INVALID;
        }

        void result(ImportOutcome.Result result, UUID offeringId) {
            this.result = result;
            this.offeringId = offeringId;
        }

        ImportOutcome outcome() {
            return errors.isEmpty() ? new ImportOutcome(draft.externalId(), result, offeringId, List.of())
                    : new ImportOutcome(draft == null ? givenExternalId : draft.externalId(),
                    ImportOutcome.Result.INVALID, offeringId, errors);
        }
    }
}
