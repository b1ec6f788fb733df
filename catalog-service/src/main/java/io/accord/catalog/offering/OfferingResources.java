package io.accord.catalog.offering;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * TMF620 ProductOffering resources. Accord's extensions: {@code externalId} (the owner's key), {@code participants}
 * with revenue shares, {@code bundlePricing}, {@code pendingChange} (a launched offering's change in review),
 * {@code pendingParticipants} (the co-creators named on a partner's draft who have not accepted yet: listed in
 * {@code participants} and {@code relatedParty} with their proposed shares, but not taking part until they accept),
 * {@code rejectedChange} (the last change of a launched offering a partner manager rejected, with the reason; shown to
 * staff and the owner), {@code withdrawnChange} (the last change withdrawn before it was decided; the same readers).
 * {@code relatedParty} with role {@code Owner} names the owning partner (none: the CSP owns it).
 */
final class OfferingResources {

    static final String PATH = "/tmf-api/productCatalogManagement/v4/productOffering";
    static final String OWNER_ROLE = "Owner";
    static final String PARTICIPANT_ROLE = "Participant";

    private OfferingResources() {
    }

    /** TMF {@code RelatedParty}: every attribute of the schema is accepted; those we do not keep are ignored. */
    @JsonIgnoreProperties({"@type", "@baseType", "@schemaLocation", "href", "name"})
    @Schema(name = "OfferingPartyRef")
    record PartyRef(@NotNull UUID id, @NotBlank String role,
                    @JsonProperty("@referredType") String referredType) {
    }

    /**
     * A reference to another resource by id (TMF {@code *Ref}); the other attributes are accepted and ignored, but
     * a bundled offering's {@code bundledProductOfferingOption} (how many of it the bundle holds) is refused unless
     * it says once.
     */
    @JsonIgnoreProperties({"@type", "@baseType", "@schemaLocation", "@referredType", "href", "version",
            "lifecycleStatus", "targetProductSchema"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Ref(String id, String href, String name,
               @JsonProperty(access = JsonProperty.Access.WRITE_ONLY) JsonNode bundledProductOfferingOption) {

        Ref(String id, String href, String name) {
            this(id, href, name, null);
        }
    }

    @Schema(name = "OfferingTimePeriod")
    record TimePeriod(Instant startDateTime, Instant endDateTime) {
    }

    /** A co-creating partner and its share of the revenue, in percent (a plain decimal number, e.g. 40 or 12.5). */
    record Share(@NotNull UUID partnerId, @NotNull BigDecimal sharePercent) {
    }

    /**
     * TMF620 {@code ProductOffering_Create}: every attribute of the schema is accepted (TMF clients send them); those
     * Accord derives itself, and references that change neither the price nor to whom it applies, are ignored.
     * Prices are added through {@code productOfferingPrice}; the attributes that would change the price or its
     * reach are refused unless empty (see {@link #refuseUnsupported()}).
     */
    @JsonIgnoreProperties({"@type", "@baseType", "@schemaLocation", "agreement", "attachment", "isSellable",
            "lastUpdate", "lifecycleStatus", "resourceCandidate", "serviceCandidate", "serviceLevelAgreement",
            "statusReason", "version"})
    record CreateOffering(@NotBlank @Size(max = 200) String name,
                          @Size(max = 2000) String description,
                          Boolean isBundle,
                          TimePeriod validFor,
                          @NotNull @Size(min = 1, max = 1) List<@Valid Ref> category,
                          List<@Valid Ref> channel,
                          Ref productSpecification,
                          List<@Valid Ref> bundledProductOffering,
                          @Valid List<PartyRef> relatedParty,
                          @Size(max = 100) String externalId,
                          OfferingDraft.BundlePricing bundlePricing,
                          List<@Valid Share> participants,
                          JsonNode productOfferingTerm, JsonNode marketSegment, JsonNode productOfferingRelationship,
                          JsonNode place, JsonNode prodSpecCharValueUse, JsonNode productOfferingPrice) {

        /** 400 for a TMF attribute Accord would otherwise drop although it changes the price or its reach. */
        void refuseUnsupported() {
            Map<String, JsonNode> fields = new LinkedHashMap<>();
            fields.put("productOfferingTerm", productOfferingTerm);
            fields.put("marketSegment", marketSegment);
            fields.put("productOfferingRelationship", productOfferingRelationship);
            fields.put("place", place);
            fields.put("prodSpecCharValueUse", prodSpecCharValueUse);
            fields.put("productOfferingPrice", productOfferingPrice);
            UnsupportedTmfFields.refuse(fields);
            if (bundledProductOffering != null) {
                for (int i = 0; i < bundledProductOffering.size(); i++) {
                    Ref component = bundledProductOffering.get(i);
                    UnsupportedTmfFields.refuseComponentCounts("bundledProductOffering[" + i
                            + "].bundledProductOfferingOption", component == null ? null
                            : component.bundledProductOfferingOption());
                }
            }
        }
    }

    /** What {@code PATCH} may change (merge patch of these attributes of the resource). */
    record Changeable(@NotBlank @Size(max = 200) String name, @Size(max = 2000) String description,
                      TimePeriod validFor, List<Ref> channel) {
    }

    /** A review decision. */
    @Schema(name = "OfferingReviewDecision")
    record Decision(@NotNull Verdict decision, @Size(max = 2000) String reason, Instant launchAt) {
        enum Verdict { APPROVE, REJECT }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Offering(String id, String href, String name, String description, String version,
                    String lifecycleStatus, Boolean isBundle, Boolean isSellable, Instant lastUpdate,
                    TimePeriod validFor, List<Ref> category, List<Ref> channel, Ref productSpecification,
                    List<Ref> bundledProductOffering, List<Ref> productOfferingPrice, List<PartyRef> relatedParty,
                    String statusReason, String externalId, String bundlePricing, List<Share> participants,
                    List<UUID> pendingParticipants, String pendingChange, RejectedChange rejectedChange, WithdrawnChange withdrawnChange,
                    @JsonProperty("@type") String type) {
    }

    /**
     * The last change of a launched offering that was rejected: the offering itself stays launched as it was, so the
     * reason is the change's, not the offering's {@code statusReason}. {@code change} is null for changes rejected
     * before this was recorded.
     */
    record RejectedChange(String change, String reason, Instant rejectedAt) {
    }

    /**
     * The last change of a launched offering that was withdrawn before a partner manager decided it: nothing of it
     * took effect. {@code withdrawnBy} is the user who withdrew it (the proposer, the owner's admin or staff).
     */
    record WithdrawnChange(String change, String withdrawnBy, Instant withdrawnAt) {
    }
}
