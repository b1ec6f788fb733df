package io.accord.settlement;

import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.ServiceBaselineTests;

@AccordServiceTest
class SettlementServiceTests extends ServiceBaselineTests {

    @Override
    protected String apiBasePath() {
        return "/api/settlement";
    }
}
