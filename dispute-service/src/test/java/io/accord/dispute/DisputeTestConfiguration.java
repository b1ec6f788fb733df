package io.accord.dispute;

import io.accord.dispute.document.DisputableDocuments;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The test beans of the dispute service, in every test's one shared context: a plain configuration in the test
 * sources that the application's component scan finds (a {@code @TestConfiguration} would need an import per test
 * class, which forks the context). They send real events to the real broker; nothing is mocked.
 */
@Configuration(proxyBeanMethods = false)
class DisputeTestConfiguration {

    @Bean
    SettlementFixtures settlementFixtures(DisputableDocuments documents) {
        return new SettlementFixtures(documents);
    }
}
