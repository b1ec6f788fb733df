package io.accord.orchestration.quote;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The quote feature's pricing and characteristic rules for an order placed without a quote: the same checks and
 * the same locked amounts an accepted quote hands over ({@link QuoteAccepted.Item}), with errors naming
 * {@code productOrderItem[<index>]}, the JSON path as the client sent it.
 */
@Service
public class OrderPricing {

    /**
     * The most units one item takes, a quote's as an order's, so that every quote can become an order: an item
     * reserves its quantity of each resource type its offering needs.
     */
    public static final int MAX_QUANTITY = 100;
    /** Why a quote or order item's quantity is refused (400 naming {@code quoteItem[i].quantity} or the order's). */
    public static final String QUANTITY_RANGE = "must be between 1 and " + MAX_QUANTITY + ": one item takes at most "
            + MAX_QUANTITY + " units; split more into several items";

    private final QuoteItems items;

    OrderPricing(QuoteItems items) {
        this.items = items;
    }

    /**
     * An order item to price, and where the client sent it: its index in {@code productOrderItem} and the names of
     * the characteristics it sent, in its order, so that an error names the JSON path as sent
     * ({@code productOrderItem[1].product.productCharacteristic[0]}).
     */
    public record Ordered(int index, List<String> sentCharacteristics, QuoteAccepted.Item item) {

        public Ordered {
            sentCharacteristics = List.copyOf(sentCharacteristics);
        }
    }

    /**
     * Prices new items with the prices in force at {@code at} (no discount) and resolves their characteristics. As
     * for quotes, a partner names only offerings it may see (its own, co-created and CSP-owned ones).
     *
     * @param items per item: id, offering id, quantity (at least 1) and the chosen characteristic values
     * @return per item, as {@link QuoteAccepted} would carry it: the resolved characteristics (fixed ones included)
     *         and the one-time and recurring prices for the whole quantity
     * @throws io.accord.platform.problem.InvalidInputException 400 naming the item (unknown offering, bad value)
     * @throws io.accord.platform.problem.ConflictException     409 when an offering (or a component) is not
     *                                                          sellable now, naming why (e.g. a suspended owner)
     */
    @Transactional(readOnly = true)
    public List<QuoteAccepted.Item> lock(List<Ordered> items, Instant at, UUID buyer) {
        return lock(items, at, this.items.caller(), buyer);
    }

    /**
     * As {@link #lock} for a modify of an instance the buyer already has: its offering is checked for sale and the
     * values resolved, whoever owns the offering (the buyer got the instance, e.g. ordered for it by staff).
     */
    @Transactional(readOnly = true)
    public QuoteAccepted.Item lockChange(Ordered item, Instant at) {
        return lock(List.of(item), at, null, null).getFirst();
    }

    private List<QuoteAccepted.Item> lock(List<Ordered> items, Instant at, UUID partner, UUID buyer) {
        List<QuoteItems.Requested> requested = items.stream().map(ordered -> {
            QuoteAccepted.Item item = ordered.item();
            return new QuoteItems.Requested(ItemLabel.ORDER.at(ordered.index(), item.itemId(),
                    ordered.sentCharacteristics()), item.offeringId(), item.quantity(),
                    item.characteristics() == null ? Map.of() : item.characteristics());
        }).toList();
        return QuoteAcceptance.locked(this.items.price(requested, BigDecimal.ZERO, at, partner, buyer).lines());
    }
}
