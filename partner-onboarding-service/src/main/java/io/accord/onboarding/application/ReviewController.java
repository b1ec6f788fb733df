package io.accord.onboarding.application;

import io.accord.contracts.Roles;
import io.accord.onboarding.partner.PartnerType;
import io.accord.platform.apidocs.RequestExample;
import io.accord.platform.web.OffsetLimit;
import io.accord.platform.web.PagedResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/** Partner managers work the review queue: approve, reject with a reason, or ask for more information. */
@RestController
@RequestMapping(ReviewController.PATH)
@Tag(name = "Application review")
@PreAuthorize("hasAnyRole('" + Roles.PARTNER_MANAGER + "', '" + Roles.PLATFORM_ADMIN + "', '" + Roles.AUDITOR + "')")
class ReviewController {

    static final String PATH = "/api/onboarding/admin/applications";
    private static final String DECIDERS = "hasAnyRole('" + Roles.PARTNER_MANAGER + "', '" + Roles.PLATFORM_ADMIN + "')";

    private final ApplicationService service;

    ReviewController(ApplicationService service) {
        this.service = service;
    }

    record Decision(@Size(max = 2000) String note) {
    }

    record Reason(@NotBlank @Size(max = 2000) String reason) {
    }

    @GetMapping
    @Operation(operationId = "listReviewQueue",
            summary = "The review queue (default status IN_REVIEW), oldest submission first; filter by status, "
            + "type, business model, country, name and age; each row says since when and on whom it waits",
            description = "Every filter must hold; within one, a comma separates alternatives (`\\,` is a comma "
            + "inside a value). X-Total-Count is the number of matches. `waitingSince`/`waitingOn` (staff views): "
            + "when an open application entered its status and whose move it is (`CSP` for IN_REVIEW, `APPLICANT` "
            + "for INFO_REQUESTED and DRAFT).")
    ResponseEntity<List<ApplicationView>> queue(
            @Parameter(description = "statuses (default IN_REVIEW)")
            @RequestParam(required = false) List<ApplicationStatus> status,
            @RequestParam(required = false) List<PartnerType> partnerType,
            @Parameter(description = "RESELL, SELL_THROUGH or CO_CREATE")
            @RequestParam(required = false) String businessModel,
            @Parameter(description = "ISO 3166-1 alpha-2 country code, e.g. DE")
            @RequestParam(required = false) String country,
            @Parameter(description = "part of the legal or trading name, any case, or of the legal name as duplicate "
                    + "detection normalises it (accents, punctuation and legal form ignored)")
            @RequestParam(required = false) String name,
            @Parameter(description = "only applications first submitted at least this many days ago")
            @RequestParam(required = false) @Min(0) Integer olderThanDays,
            @Parameter(description = "submittedAt (default), -submittedAt, lastSubmittedAt, -lastSubmittedAt, "
                    + "waitingSince, -waitingSince, legalName, -legalName; ties by creation, then id")
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) Integer offset,
            @RequestParam(required = false) Integer limit) {
        ReviewQueueFilter filter = ReviewQueueFilter.of(status, partnerType, businessModel, country, name,
                olderThanDays);
        ReviewQueueOrder order = ReviewQueueOrder.of(sort);
        return PagedResponse.of(service.queue(filter, order, OffsetLimit.of(offset, limit, Sort.unsorted())),
                ApplicationView::of);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getApplicationForReview", summary = "An application with its checks")
    ApplicationView get(@PathVariable UUID id) {
        return ApplicationView.of(service.byStaff(id));
    }

    @PostMapping("/{id}/approval")
    @PreAuthorize(DECIDERS)
    @Operation(operationId = "approveApplication",
            summary = "Approve: the partner is activated with its agreement and identity")
    @RequestExample("onboarding/review-approval.json")
    ApplicationView approve(@PathVariable UUID id, @Valid @RequestBody(required = false) Decision decision) {
        return ApplicationView.of(service.approve(id, decision == null ? null : decision.note()));
    }

    @PostMapping("/{id}/rejection")
    @PreAuthorize(DECIDERS)
    @Operation(operationId = "rejectApplication", summary = "Reject with a reason the applicant sees")
    @RequestExample("onboarding/review-rejection.json")
    ApplicationView reject(@PathVariable UUID id, @Valid @RequestBody Reason reason) {
        return ApplicationView.of(service.reject(id, reason.reason()));
    }

    @PostMapping("/{id}/information-request")
    @PreAuthorize(DECIDERS)
    @Operation(operationId = "requestApplicationInformation",
            summary = "Ask the applicant for more information; they amend and submit again")
    @RequestExample("onboarding/review-information-request.json")
    ApplicationView requestInformation(@PathVariable UUID id, @Valid @RequestBody Reason whatIsNeeded) {
        return ApplicationView.of(service.requestInformation(id, whatIsNeeded.reason()));
    }
}
