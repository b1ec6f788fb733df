package io.accord.catalog.specification;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What other catalog features may do with product specifications: validate, upsert by the owner's external id (in
 * bulk: one query per batch), and read.
 */
@Component
public class Specifications {

    private final ProductSpecificationRepository specifications;
    private final JsonMapper json;

    Specifications(ProductSpecificationRepository specifications, JsonMapper json) {
        this.specifications = specifications;
        this.json = json;
    }

    /** Reports every broken rule of {@code spec} under {@code prefix}, e.g. {@code specification}. */
    public void check(SpecificationDraft spec, String prefix, BiConsumer<String, String> errors) {
        SpecificationRules.check(spec, prefix, errors);
    }

    /** The owner's specifications with these external ids, by external id: one query. */
    @Transactional(readOnly = true)
    public Map<String, SpecificationView> findByExternalIds(String ownerKey, Collection<String> externalIds) {
        if (externalIds.isEmpty()) {
            return Map.of();
        }
        return specifications.findByOwnerKeyAndExternalIdIn(ownerKey, externalIds).stream()
                .collect(Collectors.toMap(ProductSpecification::externalId, this::view));
    }

    /**
     * Creates the specification, or changes the existing one with the same owner and external id; an identical one
     * is left untouched.
     *
     * @param existing what {@link #findByExternalIds} found for it, or {@code null}
     * @return its id
     */
    @Transactional
    public UUID upsert(String ownerKey, UUID partnerId, SpecificationDraft draft, SpecificationView existing,
                       Instant now) {
        SpecificationDraft normalized = draft.normalized();
        String definition = json.writeValueAsString(normalized);
        if (existing == null) {
            return specifications.save(new ProductSpecification(ownerKey, partnerId, normalized, definition, now)).id();
        }
        if (!existing.definition().equals(normalized)) {
            specifications.findById(existing.id()).orElseThrow().change(normalized, definition, now);
        }
        return existing.id();
    }

    @Transactional(readOnly = true)
    public Optional<SpecificationView> find(UUID id) {
        return specifications.findById(id).map(this::view);
    }

    @Transactional(readOnly = true)
    public Map<UUID, SpecificationView> findAll(Collection<UUID> ids) {
        return specifications.findAllById(ids).stream().map(this::view)
                .collect(Collectors.toMap(SpecificationView::id, Function.identity()));
    }

    SpecificationView view(ProductSpecification spec) {
        return new SpecificationView(spec.id(), spec.partnerId(), spec.lifecycleStatus(),
                json.readValue(spec.definition(), SpecificationDraft.class), spec.lastUpdate(), spec.version());
    }

}
