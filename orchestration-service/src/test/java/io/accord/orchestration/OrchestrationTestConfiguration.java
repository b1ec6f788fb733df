package io.accord.orchestration;

import io.accord.orchestration.saga.EndedSagas;
import io.accord.orchestration.saga.MeteredScriptedStep;
import io.accord.orchestration.saga.ScriptedStep;
import io.accord.orchestration.saga.TransactionalScriptedStep;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The test beans of the orchestration service, in every test's one shared context: a plain configuration in the
 * test sources that the application's component scan finds (a {@code @TestConfiguration} would be left out of the
 * scan and need an import per test class, which forks the context). They are real step handlers whose behaviour
 * each saga's payload scripts, not mocks.
 */
@Configuration(proxyBeanMethods = false)
class OrchestrationTestConfiguration {

    /** Primary: {@link MeteredScriptedStep} is a {@code ScriptedStep} too, and the tests inject this one by type. */
    @Bean
    @Primary
    ScriptedStep scriptedStep() {
        return new ScriptedStep();
    }

    @Bean
    MeteredScriptedStep meteredScriptedStep() {
        return new MeteredScriptedStep();
    }

    @Bean
    TransactionalScriptedStep transactionalScriptedStep(JdbcClient jdbc,
                                                        PlatformTransactionManager transactionManager) {
        return new TransactionalScriptedStep(jdbc, transactionManager);
    }

    @Bean
    EndedSagas endedSagas() {
        return new EndedSagas();
    }
}
