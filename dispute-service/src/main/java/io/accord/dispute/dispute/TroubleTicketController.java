package io.accord.dispute.dispute;

import io.accord.platform.apidocs.RequestExample;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.problem.Problems;
import io.accord.platform.security.Tenancy;
import io.accord.platform.time.SupportedTimes;
import io.accord.platform.web.AttributeFilter;
import io.accord.platform.web.IfMatch;
import io.accord.platform.web.MergePatch;
import io.accord.platform.web.OffsetLimit;
import io.accord.platform.web.ReadsQueryParameters;
import io.accord.platform.web.ResourceLists;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.Explode;
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
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * TMF621 trouble tickets of type BillingDispute; a ticket's GET, POST and PATCH answer its ETag ({@link TicketTags}),
 * PATCH honours If-Match.
 */
@RestController
@RequestMapping(DisputeResources.PATH)
@Tag(name = "Disputes (TMF621)")
class TroubleTicketController {

    private static final Set<String> CHANGEABLE = Set.of("description");
    /** The disputed amount's range (inclusive), as the other services bound a list ({@code usageDate.gte}). */
    private static final String AMOUNT_FROM = "amount.gte";
    private static final String AMOUNT_TO = "amount.lte";
    private static final String ASSIGNEE = "assignee";
    /**
     * status, category, statementId and partnerId are read here (TMF630 alternatives, {@link #alternatives}) and
     * filtered in the database, as is the creation time; the other simple attributes on the resource.
     */
    private static final AttributeFilter<Object> FILTER = AttributeFilter.of(DisputeResources.TicketView.class)
            .alsoAccepts("status", "category", "statementId", "partnerId", "createdFrom", "createdTo", "sort",
                    AMOUNT_FROM, AMOUNT_TO, ASSIGNEE);

    private static final String STATUSES = String.join(", ", Arrays.stream(DisputeState.values())
            .map(DisputeState::tmf).toList());
    private static final String SORTS = String.join(", ", Arrays.stream(DisputeRepository.ListOrder
            .values()).map(order -> order.parameter).toList());

    private final DisputeOpening opening;
    private final DisputeService service;
    private final DisputeNotifications notifications;
    private final ResourceLists lists;
    private final MergePatch patches;
    private final TicketTags tags;
    private final Tenancy tenancy;

    TroubleTicketController(DisputeOpening opening, DisputeService service, DisputeNotifications notifications,
                            ResourceLists lists, MergePatch patches, TicketTags tags, Tenancy tenancy) {
        this.tenancy = tenancy;
        this.tags = tags;
        this.opening = opening;
        this.service = service;
        this.notifications = notifications;
        this.lists = lists;
        this.patches = patches;
    }

    @PostMapping
    @PreAuthorize(DisputeConfiguration.PARTNERS)
    @Operation(operationId = "createTroubleTicket", summary = "Open a billing dispute on lines of an issued "
            + "statement (a partner, within the agreement's dispute window, for at most the lines' amount); over "
            + "several lines, each StatementLine may name its own disputedAmount (then every one does, each within "
            + "what remains of its line, and the ticket's disputedAmount is their sum); its ETag")
    @ResponseStatus(HttpStatus.CREATED)
    @RequestExample("disputes/trouble-ticket.json")
    ResponseEntity<DisputeResources.TicketView> create(@Valid @RequestBody DisputeResources.CreateTicket request) {
        DisputeResources.TicketView created = notifications.view(opening.open(request));
        return ResponseEntity.created(URI.create(created.href())).eTag(tags.of(created)).body(created);
    }

    @GetMapping("/{id}")
    @PreAuthorize(DisputeConfiguration.READERS)
    @Operation(operationId = "retrieveTroubleTicket", summary = "Read a dispute (its partner or staff) with its ETag "
            + "(a digest of the ticket as the caller is shown it); 304 without a body when If-None-Match names it")
    ResponseEntity<DisputeResources.TicketView> get(@PathVariable String id) {
        return tags.ok(service.get(id));
    }

    @GetMapping
    @ReadsQueryParameters
    @PreAuthorize(DisputeConfiguration.READERS)
    @Operation(operationId = "listTroubleTickets", summary = "List the disputes the caller may see, newest first "
            + "unless sort= says otherwise, paged by offset and limit; filter by status, category, statementId (the "
            + "disputed statement or note), partnerId (staff; a partner sees its own only), each taking alternatives "
            + "(TMF630: comma-separated or repeated; \\, is a comma inside a value), creation time (createdFrom "
            + "inclusive, createdTo exclusive), disputed amount (amount.gte, amount.lte, inclusive), assignee (staff) "
            + "and other simple attributes; fields= selection")
    @Parameter(name = "status", in = ParameterIn.QUERY, explode = Explode.TRUE, description = "any of these "
            + "states: comma-separated or repeated (TMF630); an empty status= asks for any",
            array = @ArraySchema(schema = @Schema(type = "string", allowableValues = {"open", "inReview",
            "resolutionProposed", "accepted", "rejected", "resolved", "closed", "withdrawn", "escalated",
            "pendingInformation"})))
    @Parameter(name = ASSIGNEE, in = ParameterIn.QUERY, explode = Explode.TRUE, description = "staff only (a "
            + "partner gets 403): disputes assigned to any of these staff users, me (the caller) or none (nobody): "
            + "comma-separated or repeated (TMF630)", array = @ArraySchema(schema = @Schema(type = "string")))
    @Parameter(name = "category", in = ParameterIn.QUERY, explode = Explode.TRUE, description = "any of these "
            + "categories: comma-separated or repeated (TMF630)", array = @ArraySchema(schema = @Schema(
            type = "string", allowableValues = {"RATE", "USAGE_VOLUME", "MISSING_USAGE", "DUPLICATE_USAGE", "TAX",
            "MINIMUM_GUARANTEE", "OTHER"})))
    @Parameter(name = "statementId", in = ParameterIn.QUERY, explode = Explode.TRUE, description = "disputes of "
            + "any of these statements or notes (ids): comma-separated or repeated (TMF630)",
            array = @ArraySchema(schema = @Schema(type = "string", format = "uuid")))
    @Parameter(name = "partnerId", in = ParameterIn.QUERY, explode = Explode.TRUE, description = "disputes of "
            + "any of these partners (ids; staff, a partner sees its own only): comma-separated or repeated (TMF630)",
            array = @ArraySchema(schema = @Schema(type = "string", format = "uuid")))
    ResponseEntity<List<DisputeResources.TicketView>> list(
            @Parameter(description = "opened at or after this instant (2026-11-01T00:00:00Z) or date (midnight UTC)")
            @RequestParam(required = false) String createdFrom,
            @Parameter(description = "opened before this instant or date (exclusive)")
            @RequestParam(required = false) String createdTo,
            @Parameter(description = "the order: -createdAt (the default: newest first), createdAt (oldest first), "
                    + "dueBy (the SLA deadline that runs, first response while unanswered, else resolution, a paused "
                    + "one as it would stand were the partner to answer now: the earliest, i.e. the most overdue, "
                    + "first; ties oldest first), -dueBy (the latest first), amount "
                    + "or -amount (the disputed amount, smallest or largest first), lastUpdate or -lastUpdate (the "
                    + "last change, least or most recent first)",
                    schema = @Schema(allowableValues = {"-createdAt", "createdAt", "dueBy", "-dueBy", "amount",
                            "-amount", "lastUpdate", "-lastUpdate"}))
            @RequestParam(required = false) String sort,
            @Parameter(name = AMOUNT_FROM, description = "a disputed amount of at least this (a decimal, inclusive)")
            @RequestParam(name = AMOUNT_FROM, required = false) String amountFrom,
            @Parameter(name = AMOUNT_TO, description = "a disputed amount of at most this (a decimal, inclusive)")
            @RequestParam(name = AMOUNT_TO, required = false) String amountTo,
            @RequestParam(required = false) Integer offset, @RequestParam(required = false) Integer limit,
            HttpServletRequest request) {
        AttributeFilter.Criteria<Object> criteria = FILTER.criteria(request.getParameterMap());
        List<String> statuses = alternatives(request, "status");
        // an empty status= asked for any state when Spring bound it as a list; it still does
        List<String> states = (statuses.equals(List.of("")) ? List.<String>of() : statuses).stream()
                .map(status -> DisputeState.ofTmf(status).orElseThrow(() -> new InvalidInputException("status",
                        "unknown status '" + status + "'; one of " + STATUSES))).map(Enum::name).toList();
        List<String> categories = alternatives(request, "category");
        for (String category : categories) {
            if (Arrays.stream(Category.values()).noneMatch(known -> known.name().equals(category))) {
                throw new InvalidInputException("category", "unknown category '" + category + "'; one of "
                        + Arrays.toString(Category.values()));
            }
        }
        Instant from = SupportedTimes.instantOrDate("createdFrom", createdFrom);
        Instant to = SupportedTimes.instantOrDate("createdTo", createdTo);
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidInputException("createdTo", "createdTo must be after createdFrom (createdTo is "
                    + "exclusive)");
        }
        BigDecimal least = decimal(AMOUNT_FROM, amountFrom);
        BigDecimal most = decimal(AMOUNT_TO, amountTo);
        if (least != null && most != null && least.compareTo(most) > 0) {
            throw new InvalidInputException(AMOUNT_TO, AMOUNT_TO + " must not be below " + AMOUNT_FROM);
        }
        List<String> assignees = assignees(request);
        DisputeRepository.ListFilter filter = new DisputeRepository.ListFilter(states, categories,
                uuids(request, "statementId").stream().map(UUID::toString).toList(), uuids(request, "partnerId"),
                from, to, least, most,
                assignees.stream().filter(assignee -> !DisputeResources.NONE.equals(assignee)).toList(),
                assignees.contains(DisputeResources.NONE));
        DisputeRepository.ListOrder order = sort == null ? DisputeRepository.ListOrder.NEWEST
                : DisputeRepository.ListOrder.of(sort).orElseThrow(() -> new InvalidInputException("sort",
                        "unknown sort '" + sort + "'; it is one of " + SORTS));
        OffsetLimit paging = OffsetLimit.of(offset, limit, Sort.unsorted());
        return lists.list(criteria, paging, page -> service.list(filter, order, page), view -> view);
    }

    /**
     * The values a filter asks for, any of which a dispute may have (TMF630: comma-separated or repeated, {@code \,} a
     * comma inside a value; {@link AttributeFilter#alternatives}); empty when the parameter is absent.
     */
    private static List<String> alternatives(HttpServletRequest request, String parameter) {
        return AttributeFilter.alternatives(request.getParameterValues(parameter));
    }

    /**
     * The assignees asked for ({@code me}: the caller; {@code none}: nobody); staff only, as the assignee is: a partner
     * asking is refused (403) rather than answered, which would tell it who works its disputes.
     */
    private List<String> assignees(HttpServletRequest request) {
        List<String> asked = alternatives(request, ASSIGNEE).stream().filter(value -> !value.isBlank()).toList();
        if (request.getParameterValues(ASSIGNEE) != null && !tenancy.isStaff()) {
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, Problems.of(HttpStatus.FORBIDDEN,
                    "assignee-is-staff-only", "Who works a dispute is shown to staff only: the assignee filter is "
                            + "theirs"), null);
        }
        for (String value : asked) {
            if (!value.matches(DisputeResources.USER_NAME)) {
                throw new InvalidInputException(ASSIGNEE, "assignee '" + value + "' is no user name (lower case), "
                        + "me or none");
            }
        }
        return asked.stream().map(value -> DisputeResources.ME.equals(value) ? tenancy.actor() : value).toList();
    }

    /** An amount bound: {@code null} when absent, a 400 naming the parameter for one that is not a decimal. */
    private static BigDecimal decimal(String parameter, String value) {
        if (value == null) {
            return null;
        }
        if (!value.matches(DisputeResources.DECIMAL)) {
            throw new InvalidInputException(parameter, parameter + " '" + value
                    + "' is not a decimal with at most 6 decimals");
        }
        return new BigDecimal(value);
    }

    /** A filter's ids: empty when absent, a 400 naming the parameter for one that is not a UUID. */
    private static List<UUID> uuids(HttpServletRequest request, String parameter) {
        return alternatives(request, parameter).stream().map(value -> DisputeService.parse(value).orElseThrow(
                () -> new InvalidInputException(parameter, parameter + " '" + value + "' is not a UUID"))).toList();
    }

    @PatchMapping(path = "/{id}", consumes = MergePatch.MEDIA_TYPE)
    @PreAuthorize(DisputeConfiguration.PARTIES)
    @Operation(operationId = "patchTroubleTicket", summary = "Change a dispute's description with a JSON merge "
            + "patch while it is open or in review (the disputing partner only: staff get a 403 and comment "
            + "instead); states move through /api/disputes/{id}/...; with If-Match, 412 and nothing changed unless "
            + "it names the current ETag")
    @RequestExample("disputes/trouble-ticket-patch.json")
    ResponseEntity<DisputeResources.TicketView> patch(
            @PathVariable String id,
            @Parameter(description = TicketTags.IF_MATCH) IfMatch ifMatch,
            @RequestBody JsonNode patch) {
        DisputeResources.TicketView current = service.get(id);
        DisputeResources.Changeable change = patches.patched(current, patch, CHANGEABLE,
                DisputeResources.Changeable.class);
        return tags.ok(service.describe(id, ifMatch, change.description()));
    }
}
