package io.accord.orchestration.quote;

import io.accord.testsupport.tmf.TmfSchemas;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each TMF648 request record accepts exactly its schema's attributes plus our documented extensions. */
class TmfSchemaTests {

    @ParameterizedTest(name = "{0} accepts exactly {2} of {1}")
    @CsvSource({
            "io.accord.orchestration.quote.QuoteResources$CreateQuote, TMF648-quote, Quote_Create, discountPercent",
            "io.accord.orchestration.quote.QuoteResources$Item, TMF648-quote, QuoteItem, ''",
            "io.accord.orchestration.quote.QuoteResources$OfferingRef, TMF648-quote, ProductOfferingRef, ''",
            "io.accord.orchestration.quote.QuoteResources$Product, TMF648-quote, ProductRefOrValue, ''",
            "io.accord.orchestration.quote.QuoteResources$CharacteristicValue, TMF648-quote, Characteristic, ''",
            "io.accord.orchestration.quote.QuoteResources$Party, TMF648-quote, RelatedParty, ''"})
    void aTmfRequestAcceptsExactlyItsSchemasAttributes(String record, String spec, String schema,
                                                       String extensions) throws Exception {
        TmfSchemas.assertAcceptsExactly(record, spec, schema, extensions);
    }
}
