package io.accord.rating.usage;

import io.accord.contracts.Roles;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.time.SupportedTimes;
import io.accord.platform.web.OffsetLimit;
import io.accord.platform.web.AttributeFilter;
import io.accord.platform.web.ReadsQueryParameters;
import io.accord.platform.web.Representation;
import io.accord.platform.web.ResourceLists;
import io.accord.platform.apidocs.RequestExample;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.accord.rating.usage.UsageApiDocs.BATCH_REFUSED;
import static io.accord.rating.usage.UsageApiDocs.BATCH_REFUSED_EXAMPLE;
import static io.accord.rating.usage.UsageApiDocs.BUSY;
import static io.accord.rating.usage.UsageApiDocs.BUSY_EXAMPLE;
import static io.accord.rating.usage.UsageApiDocs.RECEIVED_BEFORE;
import static io.accord.rating.usage.UsageApiDocs.DUPLICATE_EXAMPLE;
import static io.accord.rating.usage.UsageApiDocs.UNREADABLE;
import static io.accord.rating.usage.UsageApiDocs.INVALID_EXAMPLE;
import static io.accord.rating.usage.UsageApiDocs.PROBLEM_JSON;
import static io.accord.rating.usage.UsageApiDocs.PROBLEM_SCHEMA;
import static io.accord.rating.usage.UsageApiDocs.TOO_LARGE;
import static io.accord.rating.usage.UsageApiDocs.TOO_LARGE_EXAMPLE;

/** TMF635 usage input (issue 10, "Input"): single and batch submission, and the caller's submitted usage. */
@RestController
@Tag(name = "Usage (TMF635)")
class UsageController {

    static final String USAGE = "/tmf-api/usageManagement/v4/usage";
    static final String BATCH = USAGE + "/batch";
    static final String SUBMIT = "hasAnyRole('" + Roles.PLATFORM_ADMIN + "', '" + Roles.OPS + "', '"
            + Roles.PARTNER_ADMIN + "', '" + Roles.PARTNER_USER + "')";
    static final String READ = "hasAnyRole('" + Roles.PLATFORM_ADMIN + "', '" + Roles.OPS + "', '" + Roles.FINANCE
            + "', '" + Roles.AUDITOR + "', '" + Roles.PARTNER_MANAGER + "', '" + Roles.PARTNER_ADMIN + "', '"
            + Roles.PARTNER_USER + "')";
    static final String PROBLEM = "https://accord.dev/problems/";
    private static final String ANY_OF = "; any of them: comma-separated or repeated (TMF630, both combine; \\, is a"
            + " comma inside a value)";

    /**
     * The list's filters: those the database filters are accepted as request parameters; the other simple attributes
     * of a {@link UsageResources.Usage} are compared on the answer (and a {@code fields=} name outside them is a 400,
     * {@link Representation}).
     */
    private static final AttributeFilter<Object> FILTER = AttributeFilter.<Object>of(UsageResources.Usage.class)
            .alsoAccepts("id", "status", "usageType", "usageDate", "suspenseReason", "suspenseStatus", "source",
                    "usageId", "subscriberId", "usageDate.gte", "usageDate.lt");
    /** The longest {@code usageDate.gte}..{@code usageDate.lt} window the list takes. */
    static final java.time.Duration MAX_RANGE = java.time.Duration.ofDays(31);

    private final UsageSubmissions submissions;
    private final ResourceLists lists;

    UsageController(UsageSubmissions submissions, ResourceLists lists) {
        this.submissions = submissions;
        this.lists = lists;
    }

    @RequestExample("rating/usage-create.json")
    @PostMapping(USAGE)
    @PreAuthorize(SUBMIT)
    @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createUsage", summary = "Submits one usage record for rating: 201 with the Usage"
            + " (status rated, or rejected with the suspense reason; a corrected copy of a record held in suspense"
            + " replaces it); 409 when it was received before (with the earlier copy's id and outcome); 400 naming the"
            + " field when it is invalid")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "One TMF635 Usage",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = UsageResources.UsageCreate.class)))
    @ApiResponse(responseCode = "201", description = "Taken: rated, or rejected with the suspense reason (it waits"
            + " in suspense)", content = @Content(schema = @Schema(implementation = UsageResources.Usage.class)))
    @ApiResponse(responseCode = "400", description = UNREADABLE, content = @Content(mediaType = PROBLEM_JSON,
            schema = @Schema(ref = PROBLEM_SCHEMA), examples = @ExampleObject(value = INVALID_EXAMPLE)))
    @ApiResponse(responseCode = "409", description = RECEIVED_BEFORE, content = @Content(mediaType = PROBLEM_JSON,
            schema = @Schema(implementation = UsageResources.DuplicateProblem.class),
            examples = @ExampleObject(value = DUPLICATE_EXAMPLE)))
    @ApiResponse(responseCode = "413", description = TOO_LARGE, content = @Content(mediaType = PROBLEM_JSON,
            schema = @Schema(ref = PROBLEM_SCHEMA), examples = @ExampleObject(value = TOO_LARGE_EXAMPLE)))
    @ApiResponse(responseCode = "503", description = BUSY, headers = @Header(name = "Retry-After", description =
            "Seconds to wait", schema = @Schema(type = "integer")), content = @Content(mediaType = PROBLEM_JSON,
            schema = @Schema(ref = PROBLEM_SCHEMA), examples = @ExampleObject(value = BUSY_EXAMPLE)))
    @Representation(UsageResources.Usage.class)
    ResponseEntity<Map<String, Object>> create(@RequestBody JsonNode body) {
        UsageSubmissions.Result result = submissions.submit(List.of(body)).getFirst();
        return switch (result.outcome()) {
            case INVALID -> throw new InvalidInputException(result.field(), result.detail());
            case DUPLICATE -> {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, result.detail());
                problem.setType(URI.create(PROBLEM + "duplicate-usage"));
                problem.setTitle("Duplicate usage");
                problem.setProperty("source", result.source());
                problem.setProperty("usageId", result.usageId());
                // the earlier copy: where to read it and what became of it (rated, suspended, writtenOff)
                if (result.id() != null) {
                    problem.setProperty("id", result.id().toString());
                    problem.setProperty("href", USAGE + "/" + result.id());
                }
                if (result.original() != null) {
                    problem.setProperty("originalOutcome", result.original().outcome());
                }
                throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
            }
            default -> {
                UsageSubmissions.Stored stored = submissions.find(result.id()).orElseThrow();
                yield ResponseEntity.created(URI.create(USAGE + "/" + result.id()))
                        .body(UsageResources.usage(stored));
            }
        };
    }

    @RequestExample("rating/usage-batch.json")
    @PostMapping(BATCH)
    @PreAuthorize(SUBMIT)
    @Operation(operationId = "createUsageBatch", summary = "Submits up to 10,000 usage records (a JSON array of"
            + " Usage) in one transaction; answers one result per record: RATED, SUSPENDED (reason; replaced: a"
            + " corrected copy of a record held in suspense), DUPLICATE (the earlier copy's id, href and"
            + " originalOutcome, or its originalIndex in this batch) or"
            + " INVALID (a problem naming the record index and field). A bad record never fails its batch")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, description = "A JSON array of 1 to"
            + " 10,000 TMF635 Usage, at most 4 MB (accord.platform.max-body-size) and 500,000 JSON values"
            + " (accord.platform.max-body-values): at most about 7,500 records of ten characteristics",
            content = @Content(mediaType = "application/json", array = @ArraySchema(minItems = 1,
                    maxItems = UsageSubmissions.MAX_BATCH,
                    schema = @Schema(implementation = UsageResources.UsageCreate.class))))
    @ApiResponse(responseCode = "200", description = "One result per record, in the order sent (an unreadable"
            + " record is INVALID with its problem; the others go on)", content = @Content(
            schema = @Schema(implementation = UsageResources.BatchResult.class)))
    @ApiResponse(responseCode = "400", description = BATCH_REFUSED, content = @Content(mediaType = PROBLEM_JSON,
            schema = @Schema(ref = PROBLEM_SCHEMA), examples = @ExampleObject(value = BATCH_REFUSED_EXAMPLE)))
    @ApiResponse(responseCode = "413", description = TOO_LARGE, content = @Content(mediaType = PROBLEM_JSON,
            schema = @Schema(ref = PROBLEM_SCHEMA), examples = @ExampleObject(value = TOO_LARGE_EXAMPLE)))
    @ApiResponse(responseCode = "503", description = BUSY, headers = @Header(name = "Retry-After", description =
            "Seconds to wait", schema = @Schema(type = "integer")), content = @Content(mediaType = PROBLEM_JSON,
            schema = @Schema(ref = PROBLEM_SCHEMA), examples = @ExampleObject(value = BUSY_EXAMPLE)))
    Map<String, Object> batch(@RequestBody JsonNode body) {
        if (body == null || !body.isArray()) {
            throw new InvalidInputException("usage", "the body must be a JSON array of Usage");
        }
        if (body.size() == 0 || body.size() > UsageSubmissions.MAX_BATCH) {
            throw new InvalidInputException("usage", "a batch holds 1 to " + UsageSubmissions.MAX_BATCH
                    + " records; this one holds " + body.size());
        }
        List<JsonNode> records = new ArrayList<>(body.size());
        body.forEach(records::add);
        List<UsageSubmissions.Result> results = submissions.submit(records);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (UsageSubmissions.Outcome outcome : UsageSubmissions.Outcome.values()) {
            counts.put(outcome.name().toLowerCase(), 0);
        }
        List<Map<String, Object>> items = new ArrayList<>(results.size());
        for (UsageSubmissions.Result result : results) {
            counts.merge(result.outcome().name().toLowerCase(), 1, Integer::sum);
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("index", result.index());
            item.put("outcome", result.outcome().name());
            if (result.id() != null) {
                item.put("id", result.id().toString());
                item.put("href", USAGE + "/" + result.id());
            }
            if (result.source() != null) {
                item.put("source", result.source());
            }
            if (result.usageId() != null) {
                item.put("usageId", result.usageId());
            }
            if (result.reason() != null && result.outcome() != UsageSubmissions.Outcome.INVALID) {
                item.put("reason", result.reason());
                item.put("detail", result.detail());
            }
            if (result.outcome() == UsageSubmissions.Outcome.DUPLICATE) {
                item.put("detail", result.detail());
                if (result.original() != null) {
                    item.put("originalOutcome", result.original().outcome());
                    if (result.original().index() != null) {
                        item.put("originalIndex", result.original().index());
                        item.put("detail", result.detail() + "; the first copy, which is taken, is record "
                                + result.original().index());
                    }
                }
            } else if (result.original() != null) {
                item.put("replaced", true);
            }
            if (result.outcome() == UsageSubmissions.Outcome.INVALID) {
                String field = "[" + result.index() + "]" + (result.field().isEmpty() ? "" : "." + result.field());
                Map<String, Object> problem = new LinkedHashMap<>();
                problem.put("type", PROBLEM + "invalid-input");
                problem.put("title", "Invalid input");
                problem.put("status", 400);
                problem.put("detail", "record " + result.index() + ": " + result.detail());
                problem.put("index", result.index());
                problem.put("field", field);
                item.put("problem", problem);
            }
            items.add(item);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("total", results.size());
        answer.putAll(counts);
        answer.put("results", items);
        return answer;
    }

    @GetMapping(USAGE + "/{id}")
    @PreAuthorize(READ)
    @Operation(operationId = "retrieveUsage", summary = "A submitted usage and what became of it; a partner sees the"
            + " usage it submitted, a rating's amount (taxExcludedRatingAmount) only when it owes the charge or owns"
            + " the offering")
    @ApiResponse(responseCode = "200", description = "The Usage", content = @Content(
            schema = @Schema(implementation = UsageResources.Usage.class)))
    @Representation(UsageResources.Usage.class)
    Map<String, Object> retrieve(@PathVariable String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException bad) {
            throw notFound(id);
        }
        return submissions.find(uuid).map(UsageResources::usage).orElseThrow(() -> notFound(id));
    }

    @GetMapping(USAGE)
    @ReadsQueryParameters
    @PreAuthorize(READ)
    @Operation(operationId = "listUsage", summary = "The caller's submitted usage, newest first (X-Total-Count);"
            + " filter by id, status, usageType, usageDate (an instant, whatever its offset, or a date: that UTC"
            + " day), usageDate.gte/usageDate.lt (a window of at most 31 days), source, usageId (with source for"
            + " staff), subscriberId (with a usage date), suspenseReason, suspenseStatus (in the database;"
            + " comma-separated or repeated for any of them) and the other simple attributes; fields= selection")
    @Parameter(name = "status", in = ParameterIn.QUERY, description = "rated, rerated or rejected" + ANY_OF,
            array = @ArraySchema(schema = @Schema(type = "string")))
    @Parameter(name = "id", in = ParameterIn.QUERY, description = "a usage id" + ANY_OF,
            array = @ArraySchema(schema = @Schema(type = "string")))
    @Parameter(name = "usageType", in = ParameterIn.QUERY, description = "a usage type" + ANY_OF,
            array = @ArraySchema(schema = @Schema(type = "string")))
    @Parameter(name = "usageDate", in = ParameterIn.QUERY, description = "an ISO-8601 instant (the same instant in"
            + " any offset matches) or a date (that UTC day)" + ANY_OF, array = @ArraySchema(schema = @Schema(
            type = "string")))
    @Parameter(name = "source", in = ParameterIn.QUERY, description = "the usage's source (a partner's is its"
            + " partner id)" + ANY_OF, array = @ArraySchema(schema = @Schema(type = "string")))
    @Parameter(name = "usageDate.gte", in = ParameterIn.QUERY, description = "usage at or after this ISO-8601"
            + " instant or date (its UTC midnight); with usageDate.lt, a window of at most 31 days")
    @Parameter(name = "usageDate.lt", in = ParameterIn.QUERY, description = "usage before this ISO-8601 instant or"
            + " date (its UTC midnight); with usageDate.gte")
    @Parameter(name = "usageId", in = ParameterIn.QUERY, description = "the usage id the sender gave (exact;"
            + " staff name the source too, a partner's own is implied)" + ANY_OF,
            array = @ArraySchema(schema = @Schema(type = "string")))
    @Parameter(name = "subscriberId", in = ParameterIn.QUERY, description = "the subscriber id (exact; needs"
            + " usageDate.gte and usageDate.lt, or usageDate)" + ANY_OF,
            array = @ArraySchema(schema = @Schema(type = "string")))
    @Parameter(name = "suspenseReason", in = ParameterIn.QUERY, description = "a suspense reason" + ANY_OF,
            array = @ArraySchema(schema = @Schema(type = "string")))
    @Parameter(name = "suspenseStatus", in = ParameterIn.QUERY, description = "a suspense status" + ANY_OF,
            array = @ArraySchema(schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "200", description = "A page of Usage (X-Total-Count)", content = @Content(
            array = @ArraySchema(schema = @Schema(implementation = UsageResources.Usage.class))))
    @Representation(UsageResources.Usage.class)
    ResponseEntity<List<Map<String, Object>>> list(
            @RequestParam(required = false) Integer offset, @RequestParam(required = false) Integer limit,
            HttpServletRequest request) {
        AttributeFilter.Criteria<Object> criteria = FILTER.criteria(request.getParameterMap());
        Set<String> statuses = UsageSubmissions.statuses();
        List<String> wanted = values(request, "status");
        wanted.stream().filter(value -> !statuses.contains(value)).findFirst().ifPresent(value -> {
            throw new InvalidInputException("status", "unknown status '" + value + "'; a usage is one of "
                    + String.join(", ", statuses));
        });
        List<UUID> ids = values(request, "id").stream().map(value -> {
            try {
                return UUID.fromString(value);
            } catch (IllegalArgumentException notUuid) {
                throw new InvalidInputException("id", "'" + value + "' is not a usage id (a UUID such as "
                        + "3fa85f64-5717-4562-b3fc-2c963f66afa6)");
            }
        }).toList();
        List<UsageSubmissions.TimeSpan> usageDates = values(request, "usageDate").stream().map(UsageController::span)
                .toList();
        UsageSubmissions.TimeSpan range = range(request);
        List<String> sources = values(request, "source");
        List<String> usageIds = values(request, "usageId");
        List<String> subscriberIds = values(request, "subscriberId");
        // neither is indexed alone: a usage id is unique within its source (a partner's own is implied), and a
        // subscriber's usage is looked for within a usage date window
        if (!usageIds.isEmpty() && sources.isEmpty() && submissions.listsEverySource()) {
            throw new InvalidInputException("usageId", "a usage id is unique within its source: give the source"
                    + " too (source=...)");
        }
        if (!subscriberIds.isEmpty() && range == null && usageDates.isEmpty()) {
            throw new InvalidInputException("subscriberId", "a subscriberId filter needs a usage date window:"
                    + " usageDate.gte and usageDate.lt (at most " + MAX_RANGE.toDays() + " days), or usageDate");
        }
        UsageSubmissions.Filters filters = new UsageSubmissions.Filters(ids, wanted, values(request, "usageType"),
                usageDates, range, values(request, "suspenseReason"), values(request, "suspenseStatus"),
                sources, usageIds, subscriberIds);
        OffsetLimit paging = OffsetLimit.of(offset, limit, Sort.unsorted());
        return lists.list(criteria, paging, page -> submissions.list(filters, page), UsageResources::usage);
    }

    /** A usageDate filter: an instant (to the microsecond) or a date, its UTC day; else 400 naming usageDate. */
    private static UsageSubmissions.TimeSpan span(String value) {
        java.time.Instant at = SupportedTimes.instantOrDate("usageDate", value);
        if (at == null) {
            throw new InvalidInputException("usageDate", "usageDate is empty; give an ISO-8601 instant or date");
        }
        boolean day = value.indexOf('T') < 0 && value.indexOf('t') < 0;
        return new UsageSubmissions.TimeSpan(at, day ? at.plus(java.time.Duration.ofDays(1))
                : at.plus(1, java.time.temporal.ChronoUnit.MICROS));
    }

    /**
     * The {@code usageDate.gte} (inclusive) .. {@code usageDate.lt} (exclusive) window, {@code null} when neither is
     * given: ISO instants or dates (a date is its UTC midnight), both required, {@code lt} after {@code gte}, at most
     * {@link #MAX_RANGE}; else 400 naming the parameter.
     */
    private static UsageSubmissions.TimeSpan range(HttpServletRequest request) {
        String from = single(request, "usageDate.gte");
        String to = single(request, "usageDate.lt");
        if (from == null && to == null) {
            return null;
        }
        if (from == null || to == null) {
            String missing = from == null ? "usageDate.gte" : "usageDate.lt";
            throw new InvalidInputException(missing, "a usage date window needs both usageDate.gte and usageDate.lt"
                    + " (at most " + MAX_RANGE.toDays() + " days)");
        }
        java.time.Instant start = SupportedTimes.instantOrDate("usageDate.gte", from);
        java.time.Instant end = SupportedTimes.instantOrDate("usageDate.lt", to);
        if (!end.isAfter(start)) {
            throw new InvalidInputException("usageDate.lt", "usageDate.lt (" + to + ") must be after usageDate.gte ("
                    + from + ")");
        }
        if (java.time.Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
            throw new InvalidInputException("usageDate.lt", "a usage date window spans at most "
                    + MAX_RANGE.toDays() + " days; " + from + " to " + to + " is longer");
        }
        return new UsageSubmissions.TimeSpan(start, end);
    }

    /** A parameter given at most once, {@code null} when absent or blank; given twice: 400 naming it. */
    private static String single(HttpServletRequest request, String parameter) {
        String[] occurrences = request.getParameterValues(parameter);
        if (occurrences == null) {
            return null;
        }
        if (occurrences.length > 1) {
            throw new InvalidInputException(parameter, parameter + " is given more than once");
        }
        if (occurrences[0].isBlank()) {
            throw new InvalidInputException(parameter, parameter + " is empty; give an ISO-8601 instant or date");
        }
        return occurrences[0];
    }

    /**
     * The values a filter asks for, read as every TMF filter is ({@link AttributeFilter#alternatives}: commas and
     * repeated parameters alike, {@code \,} a comma inside a value, blanks around each stripped); a lone empty
     * {@code status=} asks for none, as before.
     */
    private static List<String> values(HttpServletRequest request, String parameter) {
        String[] occurrences = request.getParameterValues(parameter);
        return occurrences == null || occurrences.length == 1 && occurrences[0].isEmpty() ? List.of()
                : AttributeFilter.alternatives(occurrences);
    }

    private static ErrorResponseException notFound(String id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no usage " + id);
        problem.setType(URI.create(PROBLEM + "not-found"));
        problem.setTitle("Not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
