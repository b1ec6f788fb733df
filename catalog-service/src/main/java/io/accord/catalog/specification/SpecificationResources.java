package io.accord.catalog.specification;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * TMF620 ProductSpecification resources. Mapping: a characteristic's {@code valueType} is {@code string},
 * {@code number} (a decimal; {@code decimal} is read as it), {@code integer} (a whole number), {@code boolean} or
 * {@code enum}; its values list the allowed values ({@code value}) or a range
 * ({@code valueFrom}/{@code valueTo}, {@code unitOfMeasure}); {@code minCardinality} ≥ 1 makes it mandatory;
 * {@code configurable=false} with one value fixes it. {@code resourceSpecification} names the resource types
 * fulfilment reserves (by {@code name}, e.g. {@code ICCID}). Extensions: {@code externalId},
 * {@code partnerActivation}.
 */
final class SpecificationResources {

    static final String PATH = "/tmf-api/productCatalogManagement/v4/productSpecification";

    private SpecificationResources() {
    }

    @JsonIgnoreProperties({"@type", "@baseType", "@schemaLocation", "href", "name"})
    @Schema(name = "SpecificationPartyRef")
    record PartyRef(@NotNull UUID id, @NotBlank String role, @JsonProperty("@referredType") String referredType) {
    }

    @JsonIgnoreProperties({"@type", "@baseType", "@schemaLocation", "@referredType", "href", "id", "version"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ResourceRef(@NotBlank String name) {
    }

    @JsonIgnoreProperties({"@type", "@baseType", "@schemaLocation", "isDefault", "rangeInterval", "regex",
            "validFor", "valueType"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Value(String value, BigDecimal valueFrom, BigDecimal valueTo, String unitOfMeasure) {
    }

    @JsonIgnoreProperties({"@type", "@baseType", "@schemaLocation", "@valueSchemaLocation", "description",
            "extensible", "id", "isUnique", "maxCardinality", "productSpecCharRelationship", "regex", "validFor"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Characteristic(@NotBlank String name, @NotBlank String valueType, Boolean configurable,
                          Integer minCardinality, List<@Valid Value> productSpecCharacteristicValue) {
    }

    /** TMF620 {@code ProductSpecification_Create}; attributes Accord does not model are accepted and ignored. */
    @JsonIgnoreProperties({"@type", "@baseType", "@schemaLocation", "attachment", "brand",
            "bundledProductSpecification", "isBundle", "lastUpdate", "lifecycleStatus", "productNumber",
            "productSpecificationRelationship", "serviceSpecification", "targetProductSchema", "validFor", "version"})
    record CreateSpecification(@NotBlank @Size(max = 200) String name, @Size(max = 2000) String description,
                               List<@Valid Characteristic> productSpecCharacteristic,
                               List<@Valid ResourceRef> resourceSpecification, @Valid List<PartyRef> relatedParty,
                               @Size(max = 100) String externalId, Boolean partnerActivation) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Specification(String id, String href, String name, String description, String lifecycleStatus,
                         Instant lastUpdate, List<Characteristic> productSpecCharacteristic,
                         List<ResourceRef> resourceSpecification, List<PartyRef> relatedParty, String externalId,
                         boolean partnerActivation, @JsonProperty("@type") String type) {

        static Specification of(SpecificationView view) {
            SpecificationDraft d = view.definition();
            return new Specification(view.id().toString(), PATH + "/" + view.id(), d.name(), d.description(),
                    view.lifecycleStatus(), view.lastUpdate(), d.characteristics().stream()
                    .map(Specification::characteristic).toList(),
                    d.fulfilment().resourceTypes().stream().map(ResourceRef::new).toList(),
                    view.ownerPartnerId() == null ? List.of()
                            : List.of(new PartyRef(view.ownerPartnerId(), "Owner", "Organization")),
                    d.externalId(), d.fulfilment().partnerActivation(), "ProductSpecification");
        }

        private static Characteristic characteristic(SpecificationDraft.Characteristic c) {
            List<Value> values = new java.util.ArrayList<>();
            c.allowedValues().forEach(v -> values.add(new Value(v, null, null, c.unit())));
            if (c.min() != null || c.max() != null) {
                values.add(new Value(null, plain(c.min()), plain(c.max()), c.unit()));
            }
            if (c.fixedValue() != null) {
                values.add(new Value(c.numeric() ? SpecificationDraft.plainNumber(c.fixedValue()) : c.fixedValue(),
                        null, null, c.unit()));
            }
            return new Characteristic(c.name(), c.valueType().name().toLowerCase(), c.configurable(),
                    c.mandatory() ? 1 : 0, values);
        }

        /** Without an exponent: the stored definition drops trailing zeros (100 became 1E+2). */
        private static BigDecimal plain(BigDecimal value) {
            return value == null || value.scale() >= 0 ? value : value.setScale(0);
        }
    }
}
