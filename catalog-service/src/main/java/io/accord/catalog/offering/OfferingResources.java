package io.accord.catalog.offering;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * TMF620 ProductOffering resources. {@code relatedParty} (role {@code Partner}) is Accord's extension naming the
 * owning partner; a partner's own token may leave it out.
 */
final class OfferingResources {

    static final String PATH = "/tmf-api/productCatalogManagement/v4/productOffering";
    static final String PARTNER_ROLE = "Partner";

    private OfferingResources() {
    }

    /** TMF {@code RelatedParty}: every attribute of the schema is accepted; those we do not keep are ignored. */
    @JsonIgnoreProperties({"@type", "@baseType", "@schemaLocation", "href", "name"})
    record PartyRef(@NotNull UUID id, @NotBlank String role,
                    @JsonProperty("@referredType") String referredType) {
    }

    /**
     * TMF620 {@code ProductOffering_Create}: unknown fields are refused, but every attribute of the schema is
     * accepted (TMF clients send them); those we do not model are ignored.
     */
    @JsonIgnoreProperties({"@type", "@baseType", "@schemaLocation", "agreement", "attachment",
            "bundledProductOffering", "category", "channel", "isBundle", "isSellable", "lastUpdate", "lifecycleStatus",
            "marketSegment", "place", "prodSpecCharValueUse", "productOfferingPrice", "productOfferingRelationship",
            "productOfferingTerm", "productSpecification", "resourceCandidate", "serviceCandidate",
            "serviceLevelAgreement", "statusReason", "validFor", "version"})
    record CreateOffering(@NotBlank @Size(max = 200) String name,
                          @Size(max = 2000) String description,
                          @Valid List<PartyRef> relatedParty) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Offering(String id, String href, String name, String description, String lifecycleStatus,
                    Instant lastUpdate, List<PartyRef> relatedParty,
                    @JsonProperty("@type") String type) {

        static Offering of(ProductOffering offering) {
            return new Offering(offering.id().toString(), PATH + "/" + offering.id(), offering.name(),
                    offering.description(), offering.lifecycleStatus(), offering.lastUpdate(),
                    List.of(new PartyRef(offering.partner().value(), PARTNER_ROLE, "Organization")),
                    "ProductOffering");
        }
    }
}
