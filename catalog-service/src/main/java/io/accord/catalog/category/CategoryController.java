package io.accord.catalog.category;

import io.accord.catalog.category.CategoryResources.CategoryResource;
import io.accord.catalog.category.CategoryResources.ChangeCategory;
import io.accord.catalog.category.CategoryResources.CreateCategory;
import io.accord.catalog.category.CategoryService.CategoryNode;
import io.accord.platform.apidocs.RequestExample;
import io.accord.platform.web.AttributeFilter;
import io.accord.platform.web.EntityTags;
import io.accord.platform.web.IfMatch;
import io.accord.platform.web.MergePatch;
import io.accord.platform.web.OffsetLimit;
import io.accord.platform.web.ReadsQueryParameters;
import io.accord.platform.web.ResourceLists;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** TMF620 category: the tree offerings are filed in. Staff (platform admins, partner managers) change it. */
@RestController
@RequestMapping(CategoryResources.PATH)
@Tag(name = "Categories (TMF620)")
class CategoryController {

    private static final Set<String> CHANGEABLE = Set.of("name", "description", "parentId", "isRoot",
            "lifecycleStatus", "validFor", "version");
    private static final AttributeFilter<Category> FILTER = CategoryFilter.FILTER;

    private final CategoryService service;
    private final ResourceLists lists;
    private final MergePatch patches;

    CategoryController(CategoryService service, ResourceLists lists, MergePatch patches) {
        this.service = service;
        this.lists = lists;
        this.patches = patches;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize(CategoryAuthorization.EDITORS)
    @Operation(operationId = "createCategory",
            summary = "Create a category, a root or below parentId (code: derived from the name when left out)")
    @ResponseStatus(HttpStatus.CREATED)
    @RequestExample("catalog/category.json")
    ResponseEntity<CategoryResource> create(@Valid @RequestBody CreateCategory request) {
        CategoryNode node = service.create(request);
        CategoryResource created = node.resource();
        return EntityTags.created(URI.create(created.href()), created, node.tag());
    }

    @GetMapping("/{id}")
    @Operation(operationId = "retrieveCategory", summary = "Retrieve a category with its sub-categories; its ETag"
            + " (changes with the category and with the sub-categories it lists), 304 without a body when"
            + " If-None-Match names it")
    ResponseEntity<CategoryResource> get(@PathVariable UUID id) {
        CategoryNode node = service.get(id);
        return EntityTags.ok(node.resource(), node.tag());
    }

    @GetMapping
    @ReadsQueryParameters
    @Operation(operationId = "listCategories",
            summary = "List categories: filter by any simple top-level attribute (name, code, lifecycleStatus, "
                    + "parentId, isRoot…), fields= selection, offset/limit paging")
    ResponseEntity<List<CategoryResource>> list(@RequestParam(required = false) Integer offset,
                                                @RequestParam(required = false) Integer limit,
                                                HttpServletRequest request) {
        AttributeFilter.Criteria<Category> criteria = FILTER.criteria(request.getParameterMap());
        OffsetLimit paging = OffsetLimit.of(offset, limit, Sort.by("code"));
        return lists.list(criteria, paging, page -> service.list(criteria.database(), page), CategoryNode::resource);
    }

    @PatchMapping(path = "/{id}", consumes = MergePatch.MEDIA_TYPE)
    @PreAuthorize(CategoryAuthorization.EDITORS)
    @Operation(operationId = "patchCategory", summary = "Rename, describe, move (parentId), launch or retire "
            + "(lifecycleStatus) a category with a JSON merge patch (RFC 7386); the code stays; with If-Match, 412"
            + " and nothing changed unless it names the current ETag")
    @RequestExample("catalog/category-patch.json")
    ResponseEntity<CategoryResource> patch(
            @PathVariable UUID id,
            IfMatch ifMatch,
            @RequestBody JsonNode patch) {
        CategoryNode changed = service.change(id, ifMatch, current -> patches.patched(current,
                withTreePosition(patches.changes(current, patch, CHANGEABLE)), CHANGEABLE, ChangeCategory.class));
        return EntityTags.ok(changed.resource(), changed.tag());
    }

    @DeleteMapping("/{id}")
    @PreAuthorize(CategoryAuthorization.EDITORS)
    @Operation(operationId = "deleteCategory", summary = "Delete a never-launched category without sub-categories "
            + "that nothing uses (else 409 with the reason: retire it instead); with If-Match, 412 and nothing"
            + " deleted unless it names the current ETag")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(@PathVariable UUID id, IfMatch ifMatch) {
        service.delete(id, ifMatch);
        return ResponseEntity.noContent().build();
    }

    /**
     * {@code parentId} and {@code isRoot} say the same thing twice; a patch naming one of them means the other to
     * follow, rather than clash with the current value.
     */
    private static JsonNode withTreePosition(ObjectNode patch) {
        ObjectNode result = patch.deepCopy();
        boolean namesParent = patch.has("parentId");
        boolean namesRoot = patch.has("isRoot");
        if (namesParent && !namesRoot) {
            result.put("isRoot", patch.get("parentId").isNull());
        } else if (namesRoot && !namesParent && patch.get("isRoot").isBoolean() && patch.get("isRoot").booleanValue()) {
            result.putNull("parentId");
        }
        return result;
    }
}
