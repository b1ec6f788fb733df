package io.accord.orchestration.quote;

import java.util.List;

/** What an acceptance locks: per item, its one-time and recurring amounts (usage is rated at usage time). */
final class QuoteAcceptance {

    private QuoteAcceptance() {
    }

    static QuoteAccepted of(Quote quote) {
        return new QuoteAccepted(quote.id, quote.buyerPartnerId, quote.salesChannel, quote.customerId,
                quote.stateChangedAt, quote.decidedBy, locked(quote.lines));
    }

    /** The priced lines as locked items: one-time and recurring amounts only. */
    static List<QuoteAccepted.Item> locked(List<QuotePricing.Line> lines) {
        return lines.stream().map(line -> new QuoteAccepted.Item(line.itemId(),
                line.offeringId(), line.quantity(), line.characteristics(), line.prices().stream()
                .filter(price -> price.amount() != null)
                .map(price -> new QuoteAccepted.LockedPrice(price.offeringId(), price.priceVersionId(), price.type(),
                        price.period(), price.amount()))
                .toList())).toList();
    }
}
