package io.accord.orchestration.quote;

/**
 * How errors name an item: a quote's ({@code quoteItem[1]}, "Quote item '1'") or an order's
 * ({@code productOrderItem[1]}, "Order item '1'"), so the same rules serve both resources.
 */
record ItemLabel(String collection, String name) {

    static final ItemLabel QUOTE = new ItemLabel("quoteItem", "Quote item");
    static final ItemLabel ORDER = new ItemLabel("productOrderItem", "Order item");

    String field(String item) {
        return collection + "[" + item + "]";
    }

    String noun(String item) {
        return name + " '" + item + "'";
    }
}
