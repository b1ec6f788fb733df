package io.accord.orchestration.order;

import io.accord.testsupport.tmf.TmfSchemas;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each TMF622 request record accepts exactly its schema's attributes plus our documented extensions. */
class OrderSchemaTests {

    private static final String R = "io.accord.orchestration.order.OrderResources$";

    @ParameterizedTest(name = "{0} accepts exactly {2} of {1}")
    @CsvSource({
            R + "CreateOrder, TMF622-product-ordering, ProductOrder_Create, ''",
            R + "Item, TMF622-product-ordering, ProductOrderItem, ''",
            R + "OfferingRef, TMF622-product-ordering, ProductOfferingRef, ''",
            R + "Product, TMF622-product-ordering, ProductRefOrValue, ''",
            R + "CharacteristicValue, TMF622-product-ordering, Characteristic, ''",
            R + "Party, TMF622-product-ordering, RelatedParty, ''",
            R + "NoteIn, TMF622-product-ordering, Note, ''",
            R + "CreateCancel, TMF622-product-ordering, CancelProductOrder_Create, ''",
            R + "OrderRef, TMF622-product-ordering, ProductOrderRef, ''"})
    void aTmfRequestAcceptsExactlyItsSchemasAttributes(String record, String spec, String schema,
                                                       String extensions) throws Exception {
        TmfSchemas.assertAcceptsExactly(record, spec, schema, extensions);
    }
}
