package io.accord.dispute;

import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.ServiceBaselineTests;

@AccordServiceTest
class DisputeServiceTests extends ServiceBaselineTests {

    @Override
    protected String apiBasePath() {
        return "/api/disputes";
    }
}
