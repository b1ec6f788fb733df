package io.accord.settlement;

import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.ServiceBaselineTests;

import java.util.Set;

@AccordServiceTest
class SettlementServiceTests extends ServiceBaselineTests {

    @Override
    protected String apiBasePath() {
        return "/api/settlement";
    }

    @Override
    protected Set<String> sampledTables() {
        return Set.of("product_view", "product_end_change");
    }
}
