package io.accord.catalog.offering;

import io.accord.testsupport.tmf.TmfSchemas;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each TMF request record accepts exactly the attributes the specification defines for its schema, plus our
 * documented extensions (the last column); see {@link TmfSchemas}. When the spec or a record changes, this fails
 * and names the difference.
 */
class TmfSchemaTests {

    @ParameterizedTest(name = "{0} accepts exactly {2} of {1}")
    @CsvSource({
            "io.accord.catalog.offering.OfferingResources$CreateOffering, TMF620-product-catalog, ProductOffering_Create, relatedParty externalId bundlePricing participants",
            "io.accord.catalog.offering.OfferingResources$PartyRef, TMF620-product-catalog, RelatedParty, ''",
            "io.accord.catalog.offering.OfferingResources$TimePeriod, TMF620-product-catalog, TimePeriod, ''",
            "io.accord.catalog.specification.SpecificationResources$CreateSpecification, TMF620-product-catalog, ProductSpecification_Create, externalId partnerActivation",
            "io.accord.catalog.specification.SpecificationResources$Characteristic, TMF620-product-catalog, ProductSpecificationCharacteristic, ''",
            "io.accord.catalog.specification.SpecificationResources$Value, TMF620-product-catalog, CharacteristicValueSpecification, ''",
            "io.accord.catalog.specification.SpecificationResources$ResourceRef, TMF620-product-catalog, ResourceSpecificationRef, ''",
            "io.accord.catalog.offering.PriceResources$CreatePrice, TMF620-product-catalog, ProductOfferingPrice_Create, productOffering externalId proration roundingFirst roundingNext minimumQuantity tierMode tiers accumulation usageTypes minimumCharge"})
    void aTmfRequestAcceptsExactlyItsSchemasAttributes(String record, String spec, String schema,
                                                       String extensions) throws Exception {
        TmfSchemas.assertAcceptsExactly(record, spec, schema, extensions);
    }
}
