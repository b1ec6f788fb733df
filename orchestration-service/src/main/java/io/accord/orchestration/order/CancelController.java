package io.accord.orchestration.order;

import io.accord.platform.apidocs.RequestExample;
import io.accord.platform.problem.ConflictException;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.web.AttributeFilter;
import io.accord.platform.web.IfMatch;
import io.accord.platform.web.OffsetLimit;
import io.accord.platform.web.ReadsQueryParameters;
import io.accord.platform.web.ResourceLists;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** TMF622 cancelProductOrder. */
@RestController
@RequestMapping(OrderResources.CANCEL_PATH)
@Tag(name = "Product orders (TMF622)")
class CancelController {

    /**
     * TMF622's states of a cancellation (this service answers inProgress and done; a refused cancellation is a 4xx,
     * never stored): a filter on another value is a 400, as on productOrder, not an empty list.
     */
    private static final List<String> STATES = List.of("acknowledged", "rejected", "inProgress", "done",
            "terminatedWithError");

    private static final String IF_MATCH = "Optional: the ETag of the product order (productOrder.id) as last read;"
            + " when the order is at another version now, 412 with its current ETag and nothing is cancelled";

    private static final AttributeFilter<Object> FILTER = AttributeFilter.of(OrderResources.CancelView.class);

    private final OrderCancellation cancellations;
    private final ResourceLists lists;

    CancelController(OrderCancellation cancellations, ResourceLists lists) {
        this.cancellations = cancellations;
        this.lists = lists;
    }

    @PostMapping
    @PreAuthorize(OrderConfiguration.WRITERS)
    @Operation(operationId = "createCancelProductOrder", summary = "Cancel a product order before its point of no "
            + "return (no item's COMPLETE step started, not final): its item sagas are compensated, then the order "
            + "is cancelled", description = "The cancellation takes effect at once; Accord schedules none. A "
            + "requestedCancellationDate after now is refused (400 naming it); one at or before now is kept and "
            + "answered as given. cancellationReason is required (optional in TMF622): it becomes the cancelled "
            + "order's stateReason, the reason its item sagas are compensated for and the reason of its "
            + "OrderFailed event. If-Match names the ETag of the order being cancelled as last read (not of the "
            + "cancellation, a new resource): when the order has changed since, 412 and nothing is cancelled.")
    @ResponseStatus(HttpStatus.CREATED)
    @RequestExample("orchestration/cancel-product-order.json")
    ResponseEntity<OrderResources.CancelView> create(@Parameter(description = IF_MATCH) IfMatch ifMatch,
                                                     @Valid @RequestBody OrderResources.CreateCancel request) {
        CancelRepository.Cancellation cancellation;
        try {
            cancellation = cancellations.cancel(request, ifMatch);
        } catch (PessimisticLockingFailureException concurrently) {
            throw new ConflictException("Product order " + request.productOrder().id() + " is changing right now "
                    + "(an item's fulfilment step ended); try again");
        }
        OrderResources.CancelView created = OrderViews.view(cancellation);
        return ResponseEntity.created(URI.create(created.href())).body(created);
    }

    @GetMapping("/{id}")
    @PreAuthorize(OrderConfiguration.READERS)
    @Operation(operationId = "retrieveCancelProductOrder", summary = "Read a cancellation request")
    OrderResources.CancelView get(@PathVariable UUID id) {
        return OrderViews.view(cancellations.get(id));
    }

    @GetMapping
    @ReadsQueryParameters
    @PreAuthorize(OrderConfiguration.READERS)
    @Operation(operationId = "listCancelProductOrder", summary = "List the cancellation requests the caller may "
            + "see, oldest first, paged; fields= selection")
    ResponseEntity<List<OrderResources.CancelView>> list(@RequestParam(required = false) Integer offset,
                                                         @RequestParam(required = false) Integer limit,
                                                         HttpServletRequest request) {
        AttributeFilter.Criteria<Object> criteria = FILTER.criteria(request.getParameterMap());
        for (String state : AttributeFilter.alternatives(request.getParameterValues("state"))) {
            if (!STATES.contains(state)) {
                throw new InvalidInputException("state", "unknown state '" + state + "': one of "
                        + String.join(", ", STATES));
            }
        }
        OffsetLimit paging = OffsetLimit.of(offset, limit, Sort.by("creationDate", "id"));
        return lists.list(criteria, paging, cancellations::list, OrderViews::view);
    }
}
