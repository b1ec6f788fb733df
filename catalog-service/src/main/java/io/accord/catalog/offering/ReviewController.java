package io.accord.catalog.offering;

import io.accord.platform.apidocs.RequestExample;
import io.accord.platform.web.OffsetLimit;
import io.accord.platform.web.PagedResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Plain catalog resources: submission, the review queue and decisions, retirement, what is sellable now. */
@RestController
@Tag(name = "Offering review and sellability")
class ReviewController {

    static final String OFFERINGS = "/api/catalog/offerings";
    static final String DECISION = OFFERINGS + "/*/decision";
    static final String WITHDRAWAL = OFFERINGS + "/*/pending-change/withdrawal";

    private final ReviewService service;
    private final OfferingViews views;

    ReviewController(ReviewService service, OfferingViews views) {
        this.service = service;
        this.views = views;
    }

    /**
     * Why an offering retires. {@code acknowledgeBundles}: retire it although launched (or approved) bundles contain
     * it, which then stay launched but are no longer sellable (without it: 409 listing them).
     */
    record Retirement(@Size(max = 2000) String reason, Boolean acknowledgeBundles) {
    }

    /**
     * One entry of the review queue; {@code change} is what a launched offering's pending change would change (old
     * beside new, also at its {@code href}), null for an offering submitted for launch (its definition is the
     * offering itself).
     */
    record ReviewItem(String offeringId, String href, String name, String externalId, UUID ownerPartnerId,
                      String status, String pendingChange, String categoryCode, Instant submittedAt,
                      ChangeResources.PendingChange change) {
    }

    @PostMapping(OFFERINGS + "/{id}/submission")
    @PreAuthorize(OfferingAuthorization.WRITERS)
    @Operation(operationId = "submitOffering", summary = "Submit a draft (or rejected) offering for review")
    OfferingResources.Offering submit(@PathVariable UUID id) {
        return views.offering(service.submit(id));
    }

    @PostMapping(OFFERINGS + "/{id}/decision")
    @PreAuthorize(OfferingAuthorization.REVIEWERS)
    @Operation(operationId = "decideOffering", summary = "Approve (launching now or at launchAt) or reject with a "
            + "reason an offering, or a launched offering's change, in review")
    @RequestExample("catalog/offering-decision.json")
    OfferingResources.Offering decide(@PathVariable UUID id, @Valid @RequestBody OfferingResources.Decision decision) {
        return views.offering(service.decide(id, decision));
    }

    @PostMapping(OFFERINGS + "/{id}/retirement")
    @PreAuthorize(OfferingAuthorization.WRITERS)
    @Operation(operationId = "retireOffering", summary = "Retire a launched offering: no new orders; 409 "
            + "listing the launched or approved bundles containing it unless acknowledgeBundles is true")
    @RequestExample("catalog/offering-retirement.json")
    OfferingResources.Offering retire(@PathVariable UUID id, @Valid @RequestBody Retirement retirement) {
        return views.offering(service.retire(id, retirement.reason(),
                Boolean.TRUE.equals(retirement.acknowledgeBundles())));
    }

    @GetMapping("/api/catalog/review-queue")
    @PreAuthorize(OfferingAuthorization.QUEUE_READERS)
    @Operation(operationId = "listReviewQueue", summary = "Offerings and launched offerings' changes waiting for a "
            + "partner manager, oldest submission first")
    ResponseEntity<List<ReviewItem>> queue(@RequestParam(required = false) Integer offset,
                                           @RequestParam(required = false) Integer limit) {
        var page = service.queue(OffsetLimit.of(offset, limit, Sort.by("submittedAt", "id")));
        Map<UUID, ChangeResources.PendingChange> changes = service.changes(page.getContent());
        return PagedResponse.of(page,
                o -> new ReviewItem(o.id().toString(), OfferingResources.PATH + "/" + o.id(), o.name(),
                        o.externalId(), o.partnerId(), o.status().name(),
                        o.pendingChange() == null ? null : o.pendingChange().name(), o.categoryCode(),
                        o.submittedAt(), changes.get(o.id())));
    }

    @GetMapping(ChangeResources.PATH)
    @PreAuthorize(OfferingAuthorization.CHANGE_READERS)
    @Operation(operationId = "getPendingChange", summary = "What a launched offering's change waiting for review "
            + "would change: changed fields, and each price's proposed version beside the launched version it "
            + "replaces (with the change in % of a single rate); for reviewers and the owning partner")
    ChangeResources.PendingChange pendingChange(@PathVariable UUID id) {
        return service.pendingChange(id);
    }

    @PostMapping(ChangeResources.WITHDRAWAL)
    @PreAuthorize(OfferingAuthorization.WRITERS)
    @Operation(operationId = "withdrawPendingChange", summary = "Withdraw a launched offering's change waiting for "
            + "review before it is decided: nothing of it takes effect, the offering stays as it was and takes the "
            + "next change; kept as the offering's withdrawnChange and audited. For whoever may change the offering "
            + "(its owning partner's admins, partner managers, platform admins); 409 naming the offering's status and "
            + "its last change's state when no change waits")
    OfferingResources.Offering withdraw(@PathVariable UUID id) {
        return views.offering(service.withdraw(id));
    }

    @GetMapping("/api/catalog/sellable-offerings")
    @PreAuthorize(OfferingAuthorization.READERS)
    @Operation(operationId = "listSellableOfferings", summary = "Offerings sellable now: launched, within validity, "
            + "a price in force, owner not suspended; those the caller may see")
    ResponseEntity<List<OfferingResources.Offering>> sellable(@RequestParam(required = false) Integer offset,
                                                              @RequestParam(required = false) Integer limit) {
        // the query orders by launch time and id itself (it is SQL: no sort by entity attributes)
        OffsetLimit paging = OffsetLimit.of(offset, limit, Sort.unsorted());
        var page = service.sellable(paging);
        return PagedResponse.of(new PageImpl<>(views.offerings(page.getContent()), paging, page.getTotalElements()),
                offering -> offering);
    }

    @GetMapping(OFFERINGS + "/{id}/prices-in-force")
    @PreAuthorize(OfferingAuthorization.READERS)
    @Operation(operationId = "listPricesInForce", summary = "The launched price versions in force at an instant "
            + "(default now), one per price")
    List<PriceResource> pricesInForce(@PathVariable UUID id, @RequestParam(required = false) Instant at) {
        return service.pricesInForce(id, at).stream().map(views::price).toList();
    }
}
