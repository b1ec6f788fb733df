package io.accord.orchestration;

import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.ServiceBaselineTests;

@AccordServiceTest
class OrchestrationServiceTests extends ServiceBaselineTests {

    @Override
    protected String apiBasePath() {
        return "/api/orchestration";
    }
}
