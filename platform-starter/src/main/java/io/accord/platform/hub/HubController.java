package io.accord.platform.hub;

import io.accord.platform.apidocs.RequestExample;
import io.accord.platform.hub.HubRequests.SubscriptionInput;
import io.accord.platform.hub.HubRequests.SubscriptionView;
import io.accord.platform.web.OffsetLimit;
import io.accord.platform.web.PagedResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;

import java.net.URI;
import java.util.List;

/**
 * The TMF hub of one API ({@code <basePath>/hub}). Not a {@code @RestController}: {@link HubEndpoints} maps one
 * instance per configured base path, since the paths come from configuration. Roles are checked by request
 * ({@code HubConfiguration}) and again in {@link HubSubscriptions}.
 */
@ResponseBody
@Tag(name = "Event hub")
class HubController {

    private final String api;
    private final HubSubscriptions subscriptions;

    HubController(String api, HubSubscriptions subscriptions) {
        this.api = api;
        this.subscriptions = subscriptions;
    }

    String api() {
        return api;
    }

    @Operation(operationId = "registerHubListener",
            summary = "Register a callback for this API's events (TMF hub); the answer shows the signing secret once")
    @ResponseStatus(HttpStatus.CREATED)
    @RequestExample("platform/hub-subscription.json")
    ResponseEntity<SubscriptionView> register(@Valid @RequestBody SubscriptionInput input) {
        SubscriptionView created = subscriptions.register(api, input);
        return ResponseEntity.created(URI.create(created.href())).body(created);
    }

    @Operation(operationId = "retrieveHubListener",
            summary = "Read a registered callback: status (active/disabled) and why, consecutive failures, last error")
    SubscriptionView get(@PathVariable String id) {
        return subscriptions.get(api, id);
    }

    @Operation(operationId = "listHubListeners",
            summary = "List registered callbacks (staff: all; a partner: its own), oldest first, paged")
    ResponseEntity<List<SubscriptionView>> list(@RequestParam(required = false) Integer offset,
                                                @RequestParam(required = false) Integer limit) {
        OffsetLimit paging = OffsetLimit.of(offset, limit, Sort.unsorted());
        return PagedResponse.of(subscriptions.list(api, paging), view -> view);
    }

    @Operation(operationId = "unregisterHubListener",
            summary = "Unregister a callback; deliveries not yet made are dropped")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(@PathVariable String id) {
        subscriptions.delete(api, id);
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "enableHubListener",
            summary = "Re-enable a callback the hub disabled after repeated failures; pending deliveries resume (not "
                    + "for a terminated partner's)")
    SubscriptionView enable(@PathVariable String id) {
        return subscriptions.enable(api, id);
    }
}
