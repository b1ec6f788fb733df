package io.accord.rating;

import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.ServiceBaselineTests;

import java.util.Set;

@AccordServiceTest
class RatingServiceTests extends ServiceBaselineTests {

    @Override
    protected String apiBasePath() {
        return "/api/rating";
    }

    @Override
    protected Set<String> sampledTables() {
        return Set.of("rating_product", "rating_product_identifier");
    }
}
