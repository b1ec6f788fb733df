package io.accord.catalog.category;

import io.accord.testsupport.tmf.TmfSchemas;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The category request records accept exactly the attributes TMF620 defines for their schema, plus our documented
 * extension {@code code}; see {@link TmfSchemas}.
 */
class CategoryTmfSchemaTests {

    @ParameterizedTest(name = "{0} accepts exactly {2} of {1}")
    @CsvSource({
            "io.accord.catalog.category.CategoryResources$CreateCategory, TMF620-product-catalog, Category_Create, code",
            "io.accord.catalog.category.CategoryResources$TimePeriod, TMF620-product-catalog, TimePeriod, ''"})
    void aTmfRequestAcceptsExactlyItsSchemasAttributes(String record, String spec, String schema,
                                                       String extensions) throws Exception {
        TmfSchemas.assertAcceptsExactly(record, spec, schema, extensions);
    }
}
