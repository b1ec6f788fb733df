package io.accord.rating;

import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.ServiceBaselineTests;

@AccordServiceTest
class RatingServiceTests extends ServiceBaselineTests {

    @Override
    protected String apiBasePath() {
        return "/api/rating";
    }
}
