package io.accord.catalog;

import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.ServiceBaselineTests;

@AccordServiceTest
class CatalogServiceTests extends ServiceBaselineTests {

    @Override
    protected String apiBasePath() {
        return "/api/catalog";
    }
}
