package io.accord.catalog.offering;

import io.accord.catalog.price.PriceDraft;
import io.accord.catalog.price.PriceVersionView;
import io.accord.catalog.price.Prices;
import io.accord.contracts.catalog.UnitOfMeasure;
import io.accord.platform.apidocs.RequestExample;
import io.accord.platform.problem.InvalidInputException;
import io.accord.platform.problem.NotFoundException;
import io.accord.platform.web.IfMatch;
import io.accord.platform.web.OffsetLimit;
import io.accord.platform.web.PagedResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * TMF620 productOfferingPrice: every price version of an offering. A price is added to (or, same externalId,
 * replaces one of) a draft offering's prices; on a launched offering it proposes a new price version that goes
 * through review (202 with the offering and its ETag). {@code If-Match} names the offering's ETag (a price is
 * decided on the page of its offering): 412 when the offering changed since. Lives beside offerings because a price always belongs to one.
 */
@RestController
@RequestMapping(PriceResources.PATH)
@Tag(name = "Product offering prices (TMF620)")
class PriceController {

    /** What the If-Match header says: the tag is the offering's, not a price's (a price carries none). */
    static final String IF_MATCH = "Optional: the ETag of the product offering (productOffering.id) as last read;"
            + " when the offering shows anything else now, 412 with its current ETag and no price is added";

    private final OfferingService offerings;
    private final Prices prices;
    private final OfferingViews views;

    PriceController(OfferingService offerings, Prices prices, OfferingViews views) {
        this.offerings = offerings;
        this.prices = prices;
        this.views = views;
    }

    @PostMapping
    @PreAuthorize(OfferingAuthorization.WRITERS)
    @Operation(operationId = "createProductOfferingPrice", summary = "Add or replace a price of a draft offering "
            + "(201), or propose a new price version of a launched one for review (202, with the offering's new "
            + "ETag); If-Match names the offering's ETag as read: 412 when it changed since, nothing added")
    @RequestExample("catalog/product-offering-price.json")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "The price of a draft "
            + "offering, with its Location")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "202", description = "A launched offering "
            + "with the new price version pending review")
    ResponseEntity<Object> create(@Parameter(description = IF_MATCH) IfMatch ifMatch,
                                  @Valid @RequestBody PriceResources.CreatePrice request) {
        request.refuseUnsupported();
        if (request.productOffering().id() == null) {
            throw new io.accord.platform.problem.InvalidInputException("productOffering.id",
                    "productOffering.id is required: the id of the offering the price belongs to");
        }
        UUID offeringId = OfferingFilter.uuid(request.productOffering().id());
        if (offeringId == null) {
            throw new NotFoundException("ProductOffering", request.productOffering().id());
        }
        ProductOffering offering = offerings.putPrice(offeringId, ifMatch, draft(request));
        if (offering.pendingChange() != null || offering.status() == OfferingStatus.LAUNCHED) {
            OfferingResources.Offering view = views.offering(offering);
            return ResponseEntity.status(HttpStatus.ACCEPTED).eTag(OfferingViews.tag(offering, view)).body(view);
        }
        PriceVersionView version = prices.versions(offeringId).stream()
                .filter(v -> v.externalId().equals(request.externalId())).findFirst().orElseThrow();
        PriceResource created = views.price(version);
        return ResponseEntity.created(URI.create(created.href())).body(created);
    }

    @GetMapping("/{id}")
    @PreAuthorize(OfferingAuthorization.READERS)
    @Operation(operationId = "retrieveProductOfferingPrice", summary = "Read a price version")
    PriceResource get(@PathVariable UUID id) {
        PriceVersionView version = prices.find(id).orElseThrow(() -> new NotFoundException("ProductOfferingPrice", id));
        offerings.get(version.offeringId());
        return views.price(version);
    }

    @GetMapping
    @PreAuthorize(OfferingAuthorization.READERS)
    @Operation(operationId = "listProductOfferingPrices", summary = "The price versions the caller may see, paged "
            + "by offset and limit (by offering, price, version), or every version of one offering "
            + "(productOffering.id)")
    ResponseEntity<List<PriceResource>> list(@RequestParam(name = "productOffering.id", required = false) String id,
                                             @RequestParam(required = false) Integer offset,
                                             @RequestParam(required = false) Integer limit) {
        if (id == null) {
            OffsetLimit paging = OffsetLimit.of(offset, limit, Sort.unsorted());
            return PagedResponse.of(prices.page(offerings.visibleIds(), (int) paging.offset(), paging.limit()),
                    views::price);
        }
        UUID offeringId = OfferingFilter.uuid(id);
        if (offeringId == null) {
            throw new NotFoundException("ProductOffering", id);
        }
        offerings.get(offeringId);
        List<PriceResource> versions = prices.versions(offeringId).stream().map(views::price).toList();
        return ResponseEntity.ok().header("X-Total-Count", String.valueOf(versions.size()))
                .header("X-Result-Count", String.valueOf(versions.size())).body(versions);
    }

    private static PriceDraft draft(PriceResources.CreatePrice r) {
        PriceDraft.PriceType type = switch (r.priceType().strip().toLowerCase(Locale.ROOT)) {
            case "onetime", "one_time" -> PriceDraft.PriceType.ONE_TIME;
            case "recurring" -> PriceDraft.PriceType.RECURRING;
            case "usage" -> PriceDraft.PriceType.USAGE;
            default -> throw new InvalidInputException("priceType", "priceType is oneTime, recurring or usage");
        };
        PriceDraft.RecurringPeriod period = r.recurringChargePeriodType() == null ? null
                : switch (r.recurringChargePeriodType().strip().toLowerCase(Locale.ROOT)) {
                    case "month", "monthly" -> PriceDraft.RecurringPeriod.MONTH;
                    case "year", "yearly" -> PriceDraft.RecurringPeriod.YEAR;
                    default -> throw new InvalidInputException("recurringChargePeriodType",
                            "recurringChargePeriodType is month or year");
                };
        UnitOfMeasure unit = r.unitOfMeasure() == null ? null : UnitOfMeasure.ofCode(r.unitOfMeasure().units())
                .orElseThrow(() -> new InvalidInputException("unitOfMeasure.units", "unknown unit of measure"));
        if (r.unitOfMeasure() != null && r.unitOfMeasure().amount() != null
                && r.unitOfMeasure().amount().compareTo(java.math.BigDecimal.ONE) != 0) {
            // rating rates a usage price per one unit: 1 EUR per 2 GB would be charged as 1 EUR per GB
            throw new InvalidInputException("unitOfMeasure.amount", "a usage price is per one unit of measure: "
                    + "unitOfMeasure.amount is 1 (or left out); give the rate per unit, e.g. 0.5 EUR per GB "
                    + "instead of 1 EUR per 2 GB");
        }
        return new PriceDraft(r.externalId(), r.name(), type, r.price() == null ? null : r.price().value(),
                r.price() == null ? null : r.price().unit(), r.tax().getFirst().taxCategory(), period, r.proration(),
                unit, r.roundingFirst(), r.roundingNext(), r.minimumQuantity(), r.tierMode(), r.tiers(),
                r.accumulation(), r.usageTypes(), r.minimumCharge(), r.validFor().startDateTime());
    }
}
