package io.accord.rating.model;

import io.accord.contracts.Roles;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.web.OffsetLimit;
import io.accord.platform.web.PagedResponse;
import io.accord.rating.model.ModelViews.AgreementView;
import io.accord.rating.model.ModelViews.ModelStatus;
import io.accord.rating.model.ModelViews.PriceView;
import io.accord.rating.model.ModelViews.ProductView;
import io.accord.rating.model.PriceTimelines.EffectivePrice;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Staff read what rating knows of products, prices and agreements, and which snapshot it rates with, so that they
 * can see why a record went to suspense. Read-only; partners have no access.
 */
@RestController
@Tag(name = "Rating read models")
class ModelController {

    static final String MODEL = "/api/rating/model";
    private static final String MAY_READ = "hasAnyRole('" + Roles.PLATFORM_ADMIN + "', '" + Roles.PARTNER_MANAGER
            + "', '" + Roles.OPS + "', '" + Roles.FINANCE + "', '" + Roles.AUDITOR + "')";
    private static final int MAX_KEY_LENGTH = 200;

    private final RatingModel model;
    private final ModelRows rows;
    private final ModelStore store;

    ModelController(RatingModel model, ModelRows rows, ModelStore store) {
        this.model = model;
        this.rows = rows;
        this.store = store;
    }

    @GetMapping(MODEL)
    @PreAuthorize(MAY_READ)
    @Operation(operationId = "retrieveRatingModel", summary = "The snapshot rating rates with: its version, the "
            + "revision of the tables it reflects and the latest one, what it holds, and rows left out with why")
    ModelStatus status() {
        RatingModel.Current current = model.current();
        SnapshotBuilder.Built built = current.built();
        return new ModelStatus(current.version(), Math.max(built.revision(), 0), store.revision(), current.builtAt(),
                current.fullyBuiltAt(), Map.of("products", built.products(), "prices", built.prices(), "agreements", built.agreements()),
                rows.counts(), built.problemCount(), built.problems());
    }

    @GetMapping(MODEL + "/products")
    @PreAuthorize(MAY_READ)
    @Operation(operationId = "listRatingProducts", summary = "The product instances known by a subscriber identifier "
            + "(MSISDN, ICCID, account id...), in start order, paged by offset and limit")
    ResponseEntity<List<ProductView>> products(@Parameter(required = true, description = "the identifier")
                                               @RequestParam(required = false) String subscriber,
                                               @RequestParam(required = false) Integer offset,
                                               @RequestParam(required = false) Integer limit) {
        String identifier = key("subscriber", subscriber);
        OffsetLimit page = OffsetLimit.of(offset, limit, Sort.unsorted());
        return PagedResponse.of(rows.productsKnownAs(identifier, page), ProductView::of);
    }

    @GetMapping(MODEL + "/prices")
    @PreAuthorize(MAY_READ)
    @Operation(operationId = "listRatingPrices", summary = "Every usage price version of an offering with the "
            + "validity rating uses (superseded ones too), by price and version, paged by offset and limit")
    ResponseEntity<List<PriceView>> prices(@Parameter(required = true, description = "the catalog offering's id, a "
                                                   + "UUID")
                                           @RequestParam(required = false) String offeringId,
                                           @RequestParam(required = false) Integer offset,
                                           @RequestParam(required = false) Integer limit) {
        String id = uuid("offeringId", key("offeringId", offeringId));
        OffsetLimit page = OffsetLimit.of(offset, limit, Sort.unsorted());
        Instant retiredAt = rows.retiredAt(id);
        List<EffectivePrice> all = PriceTimelines.effective(rows.pricesOf(id));
        List<PriceView> items = ModelRows.page(all, page.offset(), page.limit()).stream()
                .map(price -> PriceView.of(price, retiredAt)).toList();
        return PagedResponse.of(new PageImpl<>(items, page, all.size()), item -> item);
    }

    @GetMapping(MODEL + "/agreements")
    @PreAuthorize(MAY_READ)
    @Operation(operationId = "listRatingAgreements", summary = "Every agreement version of a partner with the "
            + "validity rating uses, by version, paged by offset and limit")
    ResponseEntity<List<AgreementView>> agreements(@Parameter(required = true, description = "the partner's id, a "
                                                           + "UUID") @RequestParam(required = false) String partnerId,
                                                   @RequestParam(required = false) Integer offset,
                                                   @RequestParam(required = false) Integer limit) {
        String id = uuid("partnerId", key("partnerId", partnerId));
        OffsetLimit page = OffsetLimit.of(offset, limit, Sort.unsorted());
        List<ModelRows.AgreementRow> all = rows.agreementsOf(id);
        List<AgreementView> items = ModelRows.page(all, page.offset(), page.limit()).stream()
                .map(AgreementView::of).toList();
        return PagedResponse.of(new PageImpl<>(items, page, all.size()), item -> item);
    }

    /**
     * A partner or offering id is a UUID: anything else is a 400 naming the parameter, as every UUID filter answers,
     * not an empty page that reads as "none". Written as rating stores it (lower case).
     */
    private static String uuid(String field, String value) {
        try {
            return UUID.fromString(value).toString();
        } catch (IllegalArgumentException malformed) {
            throw new InvalidInputException(field, field + " is not a UUID");
        }
    }

    /**
     * A lookup key, which the document marks required ({@code @Parameter}) but Spring does not enforce
     * ({@code required = false}): checked here, a missing one and a blank one answer the same 400 naming the
     * parameter.
     */
    private static String key(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, field + " is mandatory");
        }
        if (value.length() > MAX_KEY_LENGTH) {
            throw new InvalidInputException(field, field + " is longer than " + MAX_KEY_LENGTH + " characters");
        }
        return value.strip();
    }
}
