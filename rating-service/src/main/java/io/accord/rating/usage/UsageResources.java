package io.accord.rating.usage;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The usage input's bodies and answers as its API docs show them, so that a client generated from the document has
 * types (docs/rating-usage-api.md). The records are documentation only: the controllers read each record as a JSON
 * tree ({@link TmfUsageInput}), so that a bad record is answered on its own (a batch's others go on), and write their
 * answers as maps ({@link #usage}); {@code UsageApiTests} holds the two to these shapes. {@link Usage} is also the
 * list's {@code fields=} and filter attributes.
 */
final class UsageResources {

    private UsageResources() {
    }

    /** The {@link Usage} of a submission (mapping in docs/rating-usage-api.md). */
    static Map<String, Object> usage(UsageSubmissions.Stored stored) {
        JsonNode usage = stored.usage();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", stored.id().toString());
        out.put("href", UsageController.USAGE + "/" + stored.id());
        out.put("usageDate", usage.path("startTime").asString());
        out.put("usageType", usage.path("usageType").asString());
        // a record recycled from suspense is rated in the recycle's transaction: rated (suspenseStatus RECYCLED)
        String status;
        if (stored.ratings().stream().anyMatch(r -> r.kind().equals("RERATED"))) {
            status = "rerated";
        } else if (!stored.ratings().isEmpty()) {
            status = "rated";
        } else {
            status = "rejected";
        }
        out.put("status", status);
        List<Map<String, Object>> characteristics = new ArrayList<>();
        characteristic(characteristics, TmfUsageInput.USAGE_ID, stored.usageId());
        characteristic(characteristics, TmfUsageInput.SOURCE, stored.source());
        characteristic(characteristics, TmfUsageInput.SUBSCRIBER_ID, usage.path("subscriberId").asString());
        characteristic(characteristics, TmfUsageInput.QUANTITY, usage.path("quantity").asString());
        characteristic(characteristics, TmfUsageInput.UNIT, usage.path("unit").asString());
        if (usage.hasNonNull("productId")) {
            characteristic(characteristics, TmfUsageInput.PRODUCT_ID, usage.path("productId").asString());
        }
        if (usage.hasNonNull("offeringId")) {
            characteristic(characteristics, TmfUsageInput.OFFERING_ID, usage.path("offeringId").asString());
        }
        usage.path("characteristics").properties().forEach(entry ->
                characteristic(characteristics, entry.getKey(), entry.getValue().asString()));
        out.put("usageCharacteristic", characteristics);
        List<Map<String, Object>> rated = new ArrayList<>();
        for (UsageSubmissions.Rating rating : stored.ratings()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("ratingDate", rating.ratedAt().toString());
            item.put("ratingAmountType", rating.kind());
            // a partner's list is what it submitted, whose charge it sees (PartnerView); absent only for others
            if (rating.charge() != null) {
                item.put("taxExcludedRatingAmount", Map.of("unit", rating.currency(), "value", rating.charge()));
            }
            item.put("productRef", Map.of("id", rating.productInstanceId()));
            item.put("offerTariffType", rating.offeringId());
            item.put("ratedId", rating.ratedId());
            rated.add(item);
        }
        out.put("ratedProductUsage", rated);
        if (stored.reason() != null) {
            out.put("suspenseReason", stored.reason());
            out.put("suspenseDetail", stored.detail());
            out.put("suspenseStatus", stored.suspenseStatus());
        }
        out.put("submittedAt", stored.submittedAt().toString());
        out.put("@type", "Usage");
        return out;
    }

    private static void characteristic(List<Map<String, Object>> into, String name, String value) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("name", name);
        item.put("value", value);
        item.put("valueType", "string");
        into.add(item);
    }

    /** TMF635 {@code Usage_Create}, as the usage input reads it (any other member is refused naming its path). */
    @Schema(name = "Usage_Create", additionalProperties = AdditionalPropertiesValue.FALSE, description = "A usage"
            + " record to rate. Members outside this schema are refused (a single POST: 400 naming the member; in a"
            + " batch: that record INVALID). id, href, status and ratedProductUsage are set by the server: refused"
            + " when given (not null).")
    record UsageCreate(
            @Schema(requiredMode = RequiredMode.REQUIRED, format = "date-time", example = "2026-12-01T10:15:30+01:00",
                    description = "When the usage started: ISO-8601 date-time with offset (the offset is kept), in"
                            + " the years 1900 to 9999 both where reported and in UTC")
            String usageDate,
            @Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1, maxLength = TmfUsageInput.MAX_ID_LENGTH,
                    example = "VOICE", description = "What the offering's price names (VOICE, DATA, SMS, ...: not a"
                    + " closed list; a type no price names is suspended NO_PRICE); read in upper case; no NUL"
                    + " character")
            String usageType,
            @ArraySchema(minItems = 4, schema = @Schema(implementation = Characteristic.class),
                    arraySchema = @Schema(requiredMode = RequiredMode.REQUIRED, description = "Our fields, as"
                            + " characteristics with reserved names (usageId, subscriberId, quantity and unit"
                            + " required; source required for staff; productId, offeringId optional), and the"
                            + " rating characteristics (any other name); each name at most once"))
            List<Characteristic> usageCharacteristic,
            @Schema(description = "Accepted and ignored", example = "a voice call") String description,
            @ArraySchema(schema = @Schema(type = "object", description = "TMF RelatedParty"),
                    arraySchema = @Schema(description = "Accepted and ignored (its content is not read)"))
            List<Map<String, Object>> relatedParty,
            @Schema(type = "object", description = "TMF UsageSpecificationRef; accepted and ignored (its content is"
                    + " not read)")
            Map<String, Object> usageSpecification,
            @JsonProperty("@type") @Schema(description = "Accepted and ignored", example = "Usage") String type,
            @JsonProperty("@baseType") @Schema(description = "Accepted and ignored") String baseType,
            @JsonProperty("@schemaLocation") @Schema(description = "Accepted and ignored") String schemaLocation) {
    }

    /** TMF635 {@code UsageCharacteristic} as a request holds it. */
    @Schema(name = "UsageCharacteristic", additionalProperties = AdditionalPropertiesValue.FALSE, description = "A"
            + " usage characteristic. Reserved names: usageId (required, at most 200 characters, unique per source);"
            + " source (required for staff: the feed's name, e.g. mediation-eu, never shaped as a UUID; a partner's"
            + " is its partner id, the default, and no other); subscriberId (required, MSISDN or another subscriber"
            + " identifier, at most 200 characters); quantity (required: a plain decimal, string or number, >= 0, at"
            + " most 15 digits before and 9 after the decimal point, no exponent; a whole number for EVENT, MESSAGE"
            + " and API_CALL); unit (required: B, KB, MB, GB, S, MIN, H, EVENT, MESSAGE or API_CALL); productId"
            + " (optional: a product instance id, a UUID); offeringId (optional, at most 200 characters). Any other"
            + " name is a rating characteristic (e.g. destinationZone).")
    record Characteristic(
            @Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1, example = "quantity",
                    description = "A reserved name (see the schema) or a rating characteristic's")
            String name,
            @Schema(requiredMode = RequiredMode.REQUIRED, types = {"string", "number", "boolean", "null"},
                    example = "125", description = "A string, number or boolean (kept as its text); null: no value."
                    + " unit takes B, KB, MB, GB, S, MIN, H, EVENT, MESSAGE, API_CALL")
            Object value,
            @Schema(description = "Accepted and ignored") String id,
            @Schema(description = "Accepted and ignored", example = "string") String valueType,
            @ArraySchema(schema = @Schema(type = "object"), arraySchema = @Schema(description = "Accepted and"
                    + " ignored")) List<Map<String, Object>> characteristicRelationship,
            @JsonProperty("@type") @Schema(description = "Accepted and ignored") String type,
            @JsonProperty("@baseType") @Schema(description = "Accepted and ignored") String baseType,
            @JsonProperty("@schemaLocation") @Schema(description = "Accepted and ignored") String schemaLocation) {
    }

    /** TMF635 {@code Usage} as the usage input answers it ({@link #usage}). */
    @Schema(name = "Usage", description = "A submitted usage record and what became of it")
    record Usage(@Schema(format = "uuid") String id, String href,
                 @Schema(format = "date-time", description = "As it was sent, its offset kept") String usageDate,
                 @Schema(description = "In upper case") String usageType,
                 @Schema(allowableValues = {"rated", "rerated", "rejected"}, description = "rerated: a re-rating of"
                         + " it exists; rated: a rating exists; rejected: in suspense or written off (see the"
                         + " suspense members)") String status,
                 @ArraySchema(schema = @Schema(implementation = CharacteristicView.class),
                         arraySchema = @Schema(description = "The reserved ones first, then the others"))
                 List<CharacteristicView> usageCharacteristic,
                 List<RatedProductUsage> ratedProductUsage,
                 @Schema(allowableValues = {"NO_PRODUCT_INSTANCE", "NO_PRICE", "NO_AGREEMENT", "AMBIGUOUS_PRODUCT",
                         "INVALID", "TOO_OLD"}, description = "Why it was suspended at submission; absent when it"
                         + " was rated at once") String suspenseReason,
                 @Schema(description = "With suspenseReason") String suspenseDetail,
                 @Schema(allowableValues = {"OPEN", "RECYCLED", "WRITTEN_OFF"}, description = "What became of its"
                         + " suspense record; with suspenseReason") String suspenseStatus,
                 @Schema(format = "date-time") String submittedAt,
                 @JsonProperty("@type") @Schema(example = "Usage") String type) {
    }

    @Schema(name = "UsageCharacteristicView")
    record CharacteristicView(String name, String value, @Schema(example = "string") String valueType) {
    }

    /** TMF635 {@code RatedProductUsage}: one rated record of the usage. */
    @Schema(name = "RatedProductUsage")
    record RatedProductUsage(@Schema(format = "date-time") String ratingDate,
                             @Schema(allowableValues = {"RATED", "REVERSAL", "RERATED"}) String ratingAmountType,
                             @Schema(description = "The whole charge; absent for a partner who does not see it")
                             Money taxExcludedRatingAmount,
                             @Schema(description = "The product instance") ProductRef productRef,
                             @Schema(description = "The offering id") String offerTariffType,
                             @Schema(format = "uuid") String ratedId) {
    }

    @Schema(name = "UsageMoney")
    record Money(@Schema(description = "Currency", example = "EUR") String unit,
                 @Schema(description = "Decimal amount", example = "1.250000") String value) {
    }

    @Schema(name = "UsageProductRef")
    record ProductRef(String id) {
    }

    /** The batch's answer ({@link UsageController#batch}). */
    @Schema(name = "UsageBatchResult", description = "One result per record, in the order sent, and the counts")
    record BatchResult(int total, int rated, int suspended, int duplicate, int invalid, List<BatchItem> results) {
    }

    @Schema(name = "UsageBatchRecordResult")
    record BatchItem(
            @Schema(description = "The record's position in the request, from 0") int index,
            @Schema(allowableValues = {"RATED", "SUSPENDED", "DUPLICATE", "INVALID"}) String outcome,
            @Schema(format = "uuid", description = "RATED, SUSPENDED: the submission; DUPLICATE: the earlier"
                    + " copy's, when it has one") String id,
            String href, String source, String usageId,
            @Schema(description = "SUSPENDED: the suspense reason") String reason,
            @Schema(description = "SUSPENDED, DUPLICATE: why, and what to do") String detail,
            @Schema(description = "RATED, SUSPENDED: a corrected copy that replaced a suspended record")
            Boolean replaced,
            @Schema(allowableValues = {"rated", "suspended", "writtenOff", "received", "inThisRequest"},
                    description = "DUPLICATE: what became of the earlier copy") String originalOutcome,
            @Schema(description = "DUPLICATE of a record of this request: its index") Integer originalIndex,
            @Schema(description = "INVALID: why the record cannot be read") RecordProblem problem) {
    }

    @Schema(name = "UsageRecordProblem", description = "The problem of one unreadable record of a batch")
    record RecordProblem(@Schema(example = "https://accord.dev/problems/invalid-input") String type,
                         @Schema(example = "Invalid input") String title, @Schema(example = "400") int status,
                         String detail, int index,
                         @Schema(example = "[3].usageDate", description = "[index] and the member's path")
                         String field) {
    }

    /** The 409 of a record received before. */
    @Schema(name = "DuplicateUsageProblem", description = "A record with this source and usage id was received"
            + " before (over any input); nothing was rated")
    record DuplicateProblem(@Schema(example = "https://accord.dev/problems/duplicate-usage") String type,
                            @Schema(example = "Duplicate usage") String title, @Schema(example = "409") int status,
                            @Schema(description = "The earlier copy's suspense reason and what to do") String detail,
                            String instance, String correlationId, String source, String usageId,
                            @Schema(format = "uuid", description = "The earlier copy's submission, when it was"
                                    + " submitted over REST or in a file") String id, String href,
                            @Schema(allowableValues = {"rated", "suspended", "writtenOff", "received"})
                            String originalOutcome) {
    }

    /** A CDR file job ({@link UsageFileController#view}). */
    @Schema(name = "UsageFileJob", description = "rated + suspended + duplicates + invalid = rowsRead")
    record FileJob(@Schema(format = "uuid") String id, String href,
                   @Schema(allowableValues = {"QUEUED", "RUNNING", "COMPLETED", "FAILED", "CANCELLED"}) String state,
                   String fileName, long fileSize, @Schema(description = "The checkpoint") long rowsRead,
                   @Schema(description = "rated + suspended") long accepted,
                   @Schema(description = "duplicates + invalid") long rejected, long rated, long suspended,
                   long duplicates, long invalid, String errorsHref, String failure, int attempts,
                   String submittedBy, @Schema(format = "date-time") String createdAt,
                   @Schema(format = "date-time") String startedAt, @Schema(format = "date-time") String completedAt) {
    }
}
