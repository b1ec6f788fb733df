package io.accord.orchestration.order;

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
import jakarta.validation.Valid;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
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

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** TMF622 productOrder. */
@RestController
@RequestMapping(OrderResources.PATH)
@Tag(name = "Product orders (TMF622)")
class OrderController {

    private static final Set<String> CHANGEABLE = Set.of("description", "externalId", "requestedCompletionDate",
            "note");
    /** state and relatedParty.id (any party's id) are filtered in the database; other simple attributes on the
     * resource. */
    private static final AttributeFilter<Object> FILTER = AttributeFilter.of(OrderResources.OrderView.class)
            .alsoAccepts("state", "relatedParty.id");

    private final OrderService service;
    private final ResourceLists lists;
    private final MergePatch patches;

    OrderController(OrderService service, ResourceLists lists, MergePatch patches) {
        this.service = service;
        this.lists = lists;
        this.patches = patches;
    }

    @PostMapping
    @PreAuthorize(OrderConfiguration.WRITERS)
    @Operation(operationId = "createProductOrder", summary = "Order offerings (add) or change (modify) or end "
            + "(delete) product instances, priced with the prices in force now; fulfilled by one saga per item",
            description = "A note is sent with its text only: the service numbers it and sets its author (the "
                    + "caller's user name) and date (now); another author or date is refused (400 naming "
                    + "note[i].author or note[i].date), as is an id (note[i].id). Notes are then only added (PATCH).")
    @ResponseStatus(HttpStatus.CREATED)
    @RequestExample("orchestration/product-order.json")
    ResponseEntity<OrderResources.OrderView> create(@Valid @RequestBody OrderResources.CreateOrder request) {
        ProductOrder order = service.create(request);
        OrderResources.OrderView created = OrderViews.view(order);
        return EntityTags.created(URI.create(created.href()), created, order.version);
    }

    @GetMapping("/{id}")
    @PreAuthorize(OrderConfiguration.READERS)
    @Operation(operationId = "retrieveProductOrder", summary = "Read a product order (its buyer partner or staff); its"
            + " ETag (it changes as the items are fulfilled), 304 without a body when If-None-Match names it")
    ResponseEntity<OrderResources.OrderView> get(@PathVariable UUID id) {
        return answer(service.get(id));
    }

    @GetMapping
    @ReadsQueryParameters
    @PreAuthorize(OrderConfiguration.READERS)
    @Operation(operationId = "listProductOrder", summary = "List the product orders the caller may see, oldest "
            + "first, paged by offset and limit; filter by state (comma-separated or repeated, for any of them), "
            + "relatedParty.id (comma-separated or repeated, any of them) and other simple attributes; fields= "
            + "selection")
    @Parameter(name = "state", in = ParameterIn.QUERY, description = "any of these states (TMF630: comma-separated "
            + "or repeated, both combine); an unknown state is a 400", array = @ArraySchema(schema = @Schema(
            type = "string")))
    @Parameter(name = "relatedParty.id", in = ParameterIn.QUERY, description = "any of these party ids, each the "
            + "customer, sales channel or buyer partner (TMF630: comma-separated or repeated, both combine; \\, a "
            + "comma inside an id); a partner sees only its own among them", array = @ArraySchema(schema = @Schema(
            type = "string")))
    ResponseEntity<List<OrderResources.OrderView>> list(
            @RequestParam(required = false) Integer offset, @RequestParam(required = false) Integer limit,
            HttpServletRequest request) {
        AttributeFilter.Criteria<Object> criteria = FILTER.criteria(request.getParameterMap());
        List<OrderState> wanted = states(request).stream().map(state -> OrderState.ofTmf(state)
                .orElseThrow(() -> new InvalidInputException("state", "unknown state '" + state + "'; one of "
                        + Arrays.stream(OrderState.values()).map(OrderState::tmf).toList()))).toList();
        OffsetLimit paging = OffsetLimit.of(offset, limit, Sort.by("createdAt", "id"));
        return lists.list(criteria, paging, page -> service.list(wanted, parties(request), page), OrderViews::view);
    }

    @PatchMapping(path = "/{id}", consumes = MergePatch.MEDIA_TYPE)
    @PreAuthorize(OrderConfiguration.WRITERS)
    @Operation(operationId = "patchProductOrder", summary = "Change description, externalId, "
            + "requestedCompletionDate or note of an order that is not final, with a JSON merge patch; notes are "
            + "only added", description = "Notes are an append-only log. A merge patch replaces the note array "
            + "whole, so a patch naming note sends every note the order has, as GET shows it (id, author, date, "
            + "text unchanged), followed by the new notes without id. The service numbers a new note and sets its "
            + "author (the caller's user name) and date (now); an author or date given for a new note must be "
            + "those, else 400 naming note[i].author or note[i].date. A note changed (400 naming note[i].text, "
            + ".author or .date), left out or set to null (400 naming note), or an id the order has no note of "
            + "(400 naming note[i].id) is refused, and nothing is changed. A patch without note leaves the notes "
            + "as they are. With If-Match, 412 and nothing changed unless it names the current ETag (which also "
            + "moves while the order's items are fulfilled).")
    @RequestExample("orchestration/product-order-patch.json")
    ResponseEntity<OrderResources.OrderView> patch(
            @PathVariable UUID id,
            IfMatch ifMatch,
            @RequestBody JsonNode patch) {
        OrderResources.Changeable change = patches.patched(OrderViews.view(service.get(id)), patch, CHANGEABLE,
                OrderResources.Changeable.class);
        // only a patch naming note touches the log: one that does not leaves notes added meanwhile alone
        List<OrderResources.NoteIn> notes = !patch.has("note") ? null
                : change.note() == null ? List.of() : change.note();
        return answer(service.change(id, ifMatch, new OrderResources.Changeable(change.description(),
                change.externalId(), change.requestedCompletionDate(), notes)));
    }

    /** The order with its ETag: the view is the order row's alone (its items too), so its version tags it. */
    private static ResponseEntity<OrderResources.OrderView> answer(ProductOrder order) {
        return EntityTags.ok(OrderViews.view(order), order.version);
    }

    /** The related party ids asked for, any of them (read as {@link #states} are, without the empty case). */
    private static List<String> parties(HttpServletRequest request) {
        return AttributeFilter.alternatives(request.getParameterValues("relatedParty.id"));
    }

    /**
     * The states asked for, read as every TMF filter is ({@link AttributeFilter#alternatives}: commas and repeated
     * parameters alike, {@code \,} a comma inside a value); a lone empty {@code state=} asks for none, as before.
     */
    private static List<String> states(HttpServletRequest request) {
        String[] occurrences = request.getParameterValues("state");
        return occurrences == null || occurrences.length == 1 && occurrences[0].isEmpty() ? List.of()
                : AttributeFilter.alternatives(occurrences);
    }
}
