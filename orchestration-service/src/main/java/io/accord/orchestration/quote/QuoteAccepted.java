package io.accord.orchestration.quote;

import io.accord.contracts.value.Money;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A Spring application event, published in the transaction that accepts a quote: everything an order needs to be
 * created from it without reading the quote again. The one-time and recurring amounts are locked (after the
 * discount) with the price versions they came from; usage is not locked: it is always rated with the usage price
 * version in force at the usage time. Listen with {@code @TransactionalEventListener} (after commit) or
 * {@code @EventListener} (inside the accepting transaction, so an order and the acceptance commit together).
 *
 * @param buyerPartnerId the reseller partner buying for its customers, or {@code null} for a CSP sales channel
 * @param salesChannel   the CSP sales channel, or {@code null} for a partner buyer
 * @param customerId     the external customer or subscriber reference
 */
public record QuoteAccepted(UUID quoteId, UUID buyerPartnerId, String salesChannel, String customerId,
                            Instant acceptedAt, String acceptedBy, List<Item> items) {

    /**
     * @param characteristics the resolved characteristic values (fixed ones included)
     * @param lockedPrices    the one-time and recurring prices for the whole quantity, as accepted
     */
    public record Item(String itemId, String offeringId, int quantity, Map<String, String> characteristics,
                       List<LockedPrice> lockedPrices) {
    }

    /**
     * @param offeringId the offering the price belongs to (a bundle's component when the bundle sums them)
     * @param type       {@code ONE_TIME} or {@code RECURRING}
     * @param period     recurring: {@code MONTH} or {@code YEAR}
     * @param amount     after the quote's discount
     */
    public record LockedPrice(String offeringId, String priceVersionId, String type, String period, Money amount) {
    }
}
