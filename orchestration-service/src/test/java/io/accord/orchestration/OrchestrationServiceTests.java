package io.accord.orchestration;

import io.accord.testsupport.AccordServiceTest;
import io.accord.testsupport.ServiceBaselineTests;

import java.util.Set;

@AccordServiceTest
class OrchestrationServiceTests extends ServiceBaselineTests {

    @Override
    protected String apiBasePath() {
        return "/api/orchestration";
    }

    @Override
    protected Set<String> sampledTables() {
        return Set.of("saga", "saga_step", "product_order", "product_instance", "inventory_item",
                "inventory_item_history");
    }
}
