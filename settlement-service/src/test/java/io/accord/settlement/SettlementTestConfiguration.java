package io.accord.settlement;

import io.accord.settlement.partner.PartnerTerms;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The test beans of the settlement service, in every test's one shared context: a plain configuration in the test
 * sources that the application's component scan finds (a {@code @TestConfiguration} would be left out of the scan and
 * need an import per test class, which forks the context). {@link SettlementFixtures} publishes the upstream events
 * the read models are fed from, through the real broker, and waits until they are applied.
 */
@Configuration(proxyBeanMethods = false)
class SettlementTestConfiguration {

    @Bean
    SettlementFixtures settlementFixtures(PartnerTerms partners) {
        return new SettlementFixtures(partners);
    }
}
