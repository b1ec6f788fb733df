package io.accord.orchestration.quote;

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
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** TMF648 quote. */
@RestController
@RequestMapping(QuoteResources.PATH)
@Tag(name = "Quotes (TMF648)")
class QuoteController {

    private static final Set<String> CHANGEABLE = Set.of("description", "externalId", "quoteItem",
            "discountPercent", "state");
    /**
     * state and relatedParty.id (the customer, sales channel or buyer partner) are filtered in the database; the
     * other simple attributes on the resource.
     */
    private static final AttributeFilter<Object> FILTER = AttributeFilter.of(QuoteResources.QuoteView.class)
            .alsoAccepts("state", "relatedParty.id");

    private final QuoteService service;
    private final ResourceLists lists;
    private final MergePatch patches;

    QuoteController(QuoteService service, ResourceLists lists, MergePatch patches) {
        this.service = service;
        this.lists = lists;
        this.patches = patches;
    }

    @PostMapping
    @PreAuthorize(QuoteConfiguration.WRITERS)
    @Operation(operationId = "createQuote", summary = "Quote sellable offerings for a customer, priced with the "
            + "prices in force now (a partner buys as its own partner; staff name a sales channel or a reseller)")
    @ResponseStatus(HttpStatus.CREATED)
    @RequestExample("orchestration/quote.json")
    ResponseEntity<QuoteResources.QuoteView> create(@Valid @RequestBody QuoteResources.CreateQuote request) {
        Quote quote = service.create(request);
        QuoteResources.QuoteView created = QuoteViews.view(quote);
        return EntityTags.created(URI.create(created.href()), created, quote.version);
    }

    @GetMapping("/{id}")
    @PreAuthorize(QuoteConfiguration.READERS)
    @Operation(operationId = "retrieveQuote", summary = "Read a quote (its buyer partner or staff); its ETag, 304"
            + " without a body when If-None-Match names it")
    ResponseEntity<QuoteResources.QuoteView> get(@PathVariable UUID id) {
        return answer(service.get(id));
    }

    @GetMapping
    @ReadsQueryParameters
    @PreAuthorize(QuoteConfiguration.READERS)
    @Operation(operationId = "listQuotes", summary = "List the quotes the caller may see, oldest first, paged by "
            + "offset and limit; filter by state (comma-separated or repeated, for any of them), relatedParty.id "
            + "(comma-separated or repeated, any of them) and other simple attributes; fields= selection")
    @Parameter(name = "state", in = ParameterIn.QUERY, description = "any of these states (TMF630: comma-separated "
            + "or repeated, both combine); an unknown state is a 400", array = @ArraySchema(schema = @Schema(
            type = "string")))
    @Parameter(name = "relatedParty.id", in = ParameterIn.QUERY, description = "any of these party ids, each the "
            + "customer, sales channel or buyer partner (TMF630: comma-separated or repeated, both combine; \\, a "
            + "comma inside an id); a partner sees only its own among them", array = @ArraySchema(schema = @Schema(
            type = "string")))
    ResponseEntity<List<QuoteResources.QuoteView>> list(
            @RequestParam(required = false) Integer offset, @RequestParam(required = false) Integer limit,
            HttpServletRequest request) {
        AttributeFilter.Criteria<Object> criteria = FILTER.criteria(request.getParameterMap());
        List<QuoteState> wanted = states(request).stream().map(state -> QuoteState.ofTmf(state)
                .orElseThrow(() -> new InvalidInputException("state", "unknown state '" + state + "'; one of "
                        + Arrays.stream(QuoteState.values()).map(QuoteState::tmf).toList()))).toList();
        OffsetLimit paging = OffsetLimit.of(offset, limit, Sort.by("createdAt", "id"));
        return lists.list(criteria, paging, page -> service.list(wanted, parties(request), page), QuoteViews::view);
    }

    @PatchMapping(path = "/{id}", consumes = MergePatch.MEDIA_TYPE)
    @PreAuthorize(QuoteConfiguration.WRITERS)
    @Operation(operationId = "patchQuote", summary = "Change an inProgress quote's items, discount, description or "
            + "externalId with a JSON merge patch (re-priced now), or move it with state alone: approved, accepted "
            + "(the buyer), rejected; with If-Match, 412 and nothing changed unless it names the current ETag")
    @RequestExample("orchestration/quote-patch.json")
    ResponseEntity<QuoteResources.QuoteView> patch(
            @PathVariable UUID id,
            IfMatch ifMatch,
            @RequestBody JsonNode patch) {
        QuoteResources.QuoteView current = QuoteViews.view(service.get(id));
        ObjectNode changes = patches.changes(current, patch, CHANGEABLE);
        if (changes.has("state")) {
            if (changes.size() > 1) {
                throw new InvalidInputException("state", "A patch of state changes nothing else");
            }
            // the items are not re-checked: a quote made before a rule was tightened (e.g. the quantity limit) can
            // still be approved or rejected, and its acceptance says what stops it becoming an order
            JsonNode state = changes.get("state");
            if (!state.isString()) {
                throw new InvalidInputException("state", "state is approved, accepted or rejected");
            }
            return answer(service.move(id, ifMatch, state.asString()));
        }
        QuoteResources.Changeable change = patches.patched(current, changes, CHANGEABLE,
                QuoteResources.Changeable.class);
        // only the items and the discount set the price (and make a preparer for four-eyes), a description does not
        boolean reprice = QuoteResources.PRICING.stream().anyMatch(changes::has);
        return answer(service.change(id, ifMatch, change, reprice));
    }

    /** The quote with its ETag: the view is the quote row's alone, so its version tags it. */
    private static ResponseEntity<QuoteResources.QuoteView> answer(Quote quote) {
        return EntityTags.ok(QuoteViews.view(quote), quote.version);
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
