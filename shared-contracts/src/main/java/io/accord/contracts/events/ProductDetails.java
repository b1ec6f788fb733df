package io.accord.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A product instance as the events of {@code order.events.v1} carry it: everything rating and settlement need to
 * rate its usage and charge its one-time and recurring prices without calling orchestration. Each product event
 * carries the whole instance as it is after the change, so a consumer replaces what it holds for
 * {@code productId} (per-key {@code ce_sequence} orders them). Decimals are strings (exact).
 *
 * @param productId        the product instance id (TMF637 {@code product.id})
 * @param orderId          the order that created it
 * @param offeringId       the offering it instantiates
 * @param offeringVersion  the offering's version it was ordered at
 * @param ownerPartnerId   the partner owning the offering, {@code null} when the CSP owns it
 * @param categoryCode     the offering's category code (revenue-share rules match on it)
 * @param bundleProductId  the bundle's instance this is a component of, {@code null} otherwise
 * @param buyerPartnerId   the reseller partner that bought it for its own customer, {@code null} for a CSP sales
 *                         channel (our own subscriber)
 * @param salesChannel     the CSP sales channel that sold it, {@code null} for a partner buyer
 * @param customerId       the external customer or subscriber reference (billing on behalf prints it)
 * @param identifiers      how usage names the subscriber: MSISDN, ICCID, ACCOUNT_ID, ... (rating looks the
 *                         instance up by any of them)
 * @param characteristics  the characteristic values it was ordered with (fixed ones included)
 * @param participants     a co-created offering's participants and their shares; empty otherwise
 * @param usagePriceIds    the offering's usage prices ({@link OfferingPrice#priceId()}): usage is rated with the
 *                         version of each in force at the usage time, never a locked one
 * @param charges          the one-time and recurring prices locked when it was ordered
 * @param status           {@code CREATED}, {@code ACTIVE}, {@code SUSPENDED}, {@code TERMINATED} or
 *                         {@code CANCELLED} (never activated)
 * @param startAt          active from (inclusive), {@code null} until activated
 * @param endAt            ended at (exclusive), {@code null} while not terminated
 */
public record ProductDetails(
        String productId,
        String orderId,
        String offeringId,
        int offeringVersion,
        String offeringName,
        String ownerPartnerId,
        String categoryCode,
        String bundleProductId,
        String buyerPartnerId,
        String salesChannel,
        String customerId,
        List<SubscriberIdentifier> identifiers,
        Map<String, String> characteristics,
        List<OfferingLaunched.Participant> participants,
        List<String> usagePriceIds,
        List<LockedCharge> charges,
        String status,
        Instant startAt,
        Instant endAt) {

    /**
     * One identifier of the subscriber the instance serves.
     *
     * @param type  {@code MSISDN}, {@code ICCID}, {@code ACCOUNT_ID}, or another resource type it was given
     *              (e.g. {@code LICENCE_KEY})
     * @param value the identifier as usage records carry it (MSISDN in E.164 with {@code +})
     */
    public record SubscriberIdentifier(String type, String value) {
    }

    /**
     * A one-time or recurring price locked at order time (quote acceptance, or the order's own pricing), for the
     * whole quantity ordered and after any discount.
     *
     * @param offeringId     the offering the price belongs to (a bundle's component when the bundle sums them)
     * @param priceId        the price's key within the offering
     * @param priceVersionId the price version it was taken from
     * @param type           {@code ONE_TIME} or {@code RECURRING}
     * @param period         recurring: {@code MONTH} or {@code YEAR}; {@code null} for one-time
     * @param proration      recurring: {@code DAILY} or {@code NONE} (how a partial first or last period is
     *                       charged); {@code null} for one-time
     * @param amount         decimal string, 6 decimals
     * @param currency       ISO 4217
     */
    public record LockedCharge(String offeringId, String priceId, String priceVersionId, String type, String period,
                               String proration, String amount, String currency) {
    }
}
