package io.accord.settlement;

import io.accord.settlement.partner.PartnerTerms;
import io.accord.settlement.period.SettlementPeriods;
import io.accord.settlement.statement.Statements;
import io.accord.settlement.usage.UsageSums;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * The test beans of the settlement service, in every test's one shared context: a plain configuration in the test
 * sources that the application's component scan finds (a {@code @TestConfiguration} would be left out of the scan and
 * need an import per test class, which forks the context). {@link SettlementFixtures} publishes the upstream events
 * the read models are fed from, through the real broker, and waits until they are applied; {@link StatementFixtures}
 * builds partners and their statements on it, so a test takes it by its constructor instead of assembling it.
 */
@Configuration(proxyBeanMethods = false)
class SettlementTestConfiguration {

    @Bean
    SettlementFixtures settlementFixtures(PartnerTerms partners) {
        return new SettlementFixtures(partners);
    }

    @Bean
    StatementFixtures statementFixtures(SettlementFixtures fixtures, SettlementPeriods periods, UsageSums sums,
                                        Statements statements, PartnerTerms partners, Clock clock) {
        return new StatementFixtures(fixtures, periods, sums, statements, partners, clock);
    }
}
