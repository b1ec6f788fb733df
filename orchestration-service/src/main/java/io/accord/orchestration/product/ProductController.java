package io.accord.orchestration.product;

import io.accord.platform.apidocs.RequestExample;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.web.AttributeFilter;
import io.accord.platform.web.EntityTags;
import io.accord.platform.web.IfMatch;
import io.accord.platform.web.MergePatch;
import io.accord.platform.web.OffsetLimit;
import io.accord.platform.web.ReadsQueryParameters;
import io.accord.platform.web.ResourceLists;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * TMF637 product inventory: reading instances; staff suspending, resuming or terminating one, a reseller suspending
 * or resuming its own customers' ones.
 */
@RestController
@RequestMapping(ProductResources.PATH)
@Tag(name = "Product inventory (TMF637)")
class ProductController {

    static final String OFFERING = "productOffering.id";
    static final String PARTY = "relatedParty.id";
    private static final Set<String> CHANGEABLE = Set.of("status", "statusReason");
    /**
     * status, offering and party are filtered in the database (bound below and passed to the repository); the other
     * simple attributes on the resource.
     */
    private static final AttributeFilter<Object> FILTER = AttributeFilter.of(ProductResources.ProductResource.class)
            .alsoAccepts("status", OFFERING, PARTY);

    private final ProductInventory inventory;
    private final ResourceLists lists;
    private final MergePatch patches;

    ProductController(ProductInventory inventory, ResourceLists lists, MergePatch patches) {
        this.inventory = inventory;
        this.lists = lists;
        this.patches = patches;
    }

    @GetMapping("/{id}")
    @PreAuthorize(ProductConfiguration.READERS)
    @Operation(operationId = "retrieveProduct", summary = "Read a product instance (the partners of its offering, "
            + "its buyer, or staff); its ETag, 304 without a body when If-None-Match names it")
    ResponseEntity<ProductResources.ProductResource> get(@PathVariable UUID id) {
        return answer(inventory.get(id));
    }

    @GetMapping
    @ReadsQueryParameters
    @PreAuthorize(ProductConfiguration.READERS)
    @Operation(operationId = "listProduct", summary = "List the product instances the caller may see, oldest first, "
            + "paged by offset and limit; filter by status, productOffering.id, relatedParty.id (each comma-separated "
            + "or repeated, for any of them) and other simple attributes; fields= selection")
    @Parameter(name = "status", in = ParameterIn.QUERY, description = "any of these statuses (TMF630: "
            + "comma-separated or repeated, both combine); an unknown status is a 400", array = @ArraySchema(
            schema = @Schema(type = "string")))
    ResponseEntity<List<ProductResources.ProductResource>> list(
            @RequestParam(required = false) Integer offset, @RequestParam(required = false) Integer limit,
            HttpServletRequest request) {
        AttributeFilter.Criteria<Object> criteria = FILTER.criteria(request.getParameterMap());
        List<ProductState> wanted = statuses(request).stream().map(status -> ProductState
                .ofTmf(status).orElseThrow(() -> new InvalidInputException("status", "unknown status '" + status
                        + "'; one of " + Arrays.stream(ProductState.values()).map(ProductState::tmf).toList())))
                .toList();
        OffsetLimit paging = OffsetLimit.of(offset, limit, Sort.by("createdAt", "id"));
        return lists.list(criteria, paging, page -> inventory.list(wanted, values(request, OFFERING),
                values(request, PARTY), page), ProductViews::resource);
    }

    @PatchMapping(path = "/{id}", consumes = MergePatch.MEDIA_TYPE)
    @PreAuthorize(ProductConfiguration.CHANGERS)
    @Operation(operationId = "patchProduct", summary = "Suspend (status suspended), resume (active) or terminate "
            + "(terminated) an instance with a JSON merge patch of status and an optional statusReason",
            description = "Staff change any instance. A partner suspends and resumes only the instances it bought "
                    + "(its own customers' lines; 403 for one it reads as the offering's owner or a participant, 404 "
                    + "for one it cannot read) and ends one with a delete order (terminated: 403). suspendedBy shows "
                    + "who barred a suspended instance: a partner lifts only its own bars (a staff bar: 409), and its "
                    + "suspension of one staff suspended changes nothing; staff suspending one a partner suspended "
                    + "make it a staff bar. Usage of a suspended instance is still rated: barring the line in the "
                    + "network is the network's job. With If-Match, 412 and nothing changed unless it names the "
                    + "current ETag.")
    @RequestExample("orchestration/product-patch.json")
    ResponseEntity<ProductResources.ProductResource> patch(
            @PathVariable UUID id,
            IfMatch ifMatch,
            @RequestBody JsonNode patch) {
        ProductResources.Changeable change = patches.patched(ProductViews.resource(inventory.get(id)), patch,
                CHANGEABLE, ProductResources.Changeable.class);
        if (!patch.has("status") || change.status() == null) {
            throw new InvalidInputException("status", "A patch sets status (suspended, active or terminated), with "
                    + "an optional statusReason");
        }
        String reason = patch.hasNonNull("statusReason") ? change.statusReason() : null;
        return answer(inventory.move(id, ifMatch, change.status(), reason));
    }

    /** The instance with its ETag: the resource is the instance row's alone, so its version tags it. */
    private static ResponseEntity<ProductResources.ProductResource> answer(ProductView product) {
        return EntityTags.ok(ProductViews.resource(product), product.version());
    }

    private static List<String> values(HttpServletRequest request, String parameter) {
        return AttributeFilter.alternatives(request.getParameterValues(parameter));
    }

    /** The statuses asked for, read as {@link #values} reads; a lone empty {@code status=} asks for none, as before. */
    private static List<String> statuses(HttpServletRequest request) {
        String[] occurrences = request.getParameterValues("status");
        return occurrences != null && occurrences.length == 1 && occurrences[0].isEmpty() ? List.of()
                : values(request, "status");
    }
}
