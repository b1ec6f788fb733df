package io.accord.catalog.category;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * TMF620 Category resources. {@code code} is Accord's extension: the name agreements' revenue-share rules use
 * (derived from the name when a TMF client leaves it out).
 */
final class CategoryResources {

    static final String PATH = "/tmf-api/productCatalogManagement/v4/category";
    static final String TYPE = "Category";

    private CategoryResources() {
    }

    /** TMF {@code TimePeriod}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "CategoryTimePeriod")
    record TimePeriod(OffsetDateTime startDateTime, OffsetDateTime endDateTime) {
    }

    /**
     * TMF620 {@code Category_Create}: unknown fields are refused, but every attribute of the schema is accepted;
     * {@code subCategory} and {@code productOffering} are ignored (a child names its parent by {@code parentId},
     * an offering names its category), as are the read-only ones.
     */
    @JsonIgnoreProperties({"@type", "@baseType", "@schemaLocation", "lastUpdate", "productOffering", "subCategory"})
    record CreateCategory(@Size(max = CategoryCodes.MAX_LENGTH) String code,
                          @NotBlank @Size(max = 200) String name,
                          @Size(max = 2000) String description,
                          String parentId,
                          @JsonProperty("isRoot") Boolean isRoot,
                          String lifecycleStatus,
                          @Valid TimePeriod validFor,
                          @Size(max = 20) String version) {
    }

    /** What a merge patch may change (the code stays: revenue-share rules name it). */
    record ChangeCategory(@NotBlank @Size(max = 200) String name,
                          @Size(max = 2000) String description,
                          String parentId,
                          @JsonProperty("isRoot") Boolean isRoot,
                          @NotBlank String lifecycleStatus,
                          @Valid TimePeriod validFor,
                          @Size(max = 20) String version) {
    }

    /** TMF {@code CategoryRef}, as a category lists its sub-categories. */
    record SubCategory(String id, String href, String name, String code,
                       @JsonProperty("@referredType") String referredType) {
    }

    /** TMF620 {@code Category} as GET shows it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CategoryResource(String id, String href, String code, String name, String description,
                            @JsonProperty("isRoot") boolean isRoot, String parentId, String lifecycleStatus,
                            TimePeriod validFor, String version, Instant lastUpdate, List<SubCategory> subCategory,
                            @JsonProperty("@type") String type) {

        static CategoryResource of(Category category, List<Category> children) {
            Category.Details details = category.details();
            TimePeriod validFor = details.validForStart() == null && details.validForEnd() == null ? null
                    : new TimePeriod(utc(details.validForStart()), utc(details.validForEnd()));
            return new CategoryResource(category.id().toString(), href(category), category.code(), details.name(),
                    details.description(), category.parentId() == null,
                    category.parentId() == null ? null : category.parentId().toString(), category.lifecycleStatus(),
                    validFor, details.version(), category.lastUpdate(),
                    children.stream().map(child -> new SubCategory(child.id().toString(), href(child), child.name(),
                            child.code(), TYPE)).toList(), TYPE);
        }

        private static String href(Category category) {
            return PATH + "/" + category.id();
        }

        private static OffsetDateTime utc(Instant instant) {
            return instant == null ? null : instant.atOffset(java.time.ZoneOffset.UTC);
        }
    }
}
