package io.accord.catalog.offering;

import io.accord.catalog.category.Categories;
import io.accord.catalog.category.CategoryRef;
import io.accord.catalog.specification.SpecificationView;
import io.accord.catalog.specification.Specifications;
import io.accord.platform.problem.InvalidInputException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns one validated draft into a definition: its category, its specification (upserted) and its components'
 * ids. For single changes (review approvals, the REST API); imports resolve whole batches themselves.
 */
@Component
class OfferingResolver {

    private final Categories categories;
    private final Specifications specifications;
    private final ProductOfferingRepository offerings;
    private final JsonMapper json;

    OfferingResolver(Categories categories, Specifications specifications, ProductOfferingRepository offerings,
                     JsonMapper json) {
        this.categories = categories;
        this.specifications = specifications;
        this.offerings = offerings;
        this.json = json;
    }

    OfferingDefinition resolve(Owner owner, OfferingDraft draft, Instant now) {
        CategoryRef category = categories.findByCode(draft.categoryCode()).orElseThrow(() ->
                new InvalidInputException("categoryCode", "unknown category '" + draft.categoryCode() + "'"));
        UUID specId = null;
        if (draft.specification() != null) {
            String key = draft.specification().externalId();
            SpecificationView existing = specifications.findByExternalIds(owner.key(), List.of(key)).get(key);
            specId = specifications.upsert(owner.key(), owner.partnerId(), draft.specification(), existing, now);
        }
        Map<String, UUID> ids = draft.bundledOfferingExternalIds().isEmpty() ? Map.of()
                : offerings.findByOwnerKeyAndExternalIdIn(owner.key(), draft.bundledOfferingExternalIds()).stream()
                .collect(Collectors.toMap(ProductOffering::externalId, ProductOffering::id));
        List<UUID> components = draft.bundledOfferingExternalIds().stream().map(key -> {
            UUID id = ids.get(key);
            if (id == null) {
                throw new InvalidInputException("bundledOfferingExternalIds", "no offering with externalId '" + key + "'");
            }
            return id;
        }).toList();
        return new OfferingDefinition(draft, json.writeValueAsString(draft), category.id(), specId, components);
    }

    OfferingDraft read(String definition) {
        return json.readValue(definition, OfferingDraft.class);
    }

}
