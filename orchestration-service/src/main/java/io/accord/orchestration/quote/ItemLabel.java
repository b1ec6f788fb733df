package io.accord.orchestration.quote;

import java.util.List;

/**
 * How errors name an item: a quote's ({@code quoteItem}, "Quote item '1'") or an order's ({@code productOrderItem},
 * "Order item '1'"), so the same rules serve both resources.
 */
record ItemLabel(String collection, String name) {

    static final ItemLabel QUOTE = new ItemLabel("quoteItem", "Quote item");
    static final ItemLabel ORDER = new ItemLabel("productOrderItem", "Order item");

    /**
     * The item at {@code index} of the client's array, with its {@code id} and the names of the characteristics it
     * sent, in the order sent.
     */
    ItemPath at(int index, String id, List<String> characteristics) {
        return new ItemPath(this, index, id, characteristics);
    }

    /**
     * One item as the client sent it. Fields are the JSON path as sent, array indexes included
     * ({@code quoteItem[0].product.productCharacteristic[1]}); the item's id and the characteristic's name are in the
     * message.
     */
    record ItemPath(ItemLabel label, int index, String id, List<String> characteristics) {

        ItemPath {
            characteristics = List.copyOf(characteristics);
        }

        /** {@code quoteItem[0]}. */
        String field() {
            return label.collection() + "[" + index + "]";
        }

        /** "Quote item '1'". */
        String noun() {
            return label.name() + " '" + id + "'";
        }

        /** {@code quoteItem[0].product.productCharacteristic[position]}. */
        String characteristic(int position) {
            return field() + ".product.productCharacteristic[" + position + "]";
        }

        /**
         * The characteristic the client sent under {@code name} (its first); one it did not send (a mandatory one
         * missing, a value the product already had) is named by the array, {@code ...product.productCharacteristic}.
         */
        String characteristic(String name) {
            int position = characteristics.indexOf(name);
            return position < 0 ? field() + ".product.productCharacteristic" : characteristic(position);
        }
    }
}
