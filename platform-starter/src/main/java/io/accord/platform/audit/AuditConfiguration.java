package io.accord.platform.audit;

import io.accord.platform.security.Tenancy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;

/** The audit trail, its hash chain's sealer, and the auditors' query, export and verification endpoints. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(AuditProperties.class)
public class AuditConfiguration {

    @Bean
    AuditTrail auditTrail(JdbcClient jdbc, JsonMapper json, Tenancy tenancy) {
        return new AuditTrail(jdbc, json, tenancy);
    }

    /** Refused requests (403, 409 to a change) recorded as {@code refused}, each in a transaction of its own. */
    @Bean
    RefusedRequests refusedRequests(AuditTrail trail, Tenancy tenancy, PlatformTransactionManager transactionManager) {
        TransactionTemplate own = new TransactionTemplate(transactionManager);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return new RefusedRequests(trail, tenancy, own);
    }

    @Bean
    AuditQueryController auditQueryController(JdbcClient jdbc, JsonMapper json) {
        return new AuditQueryController(jdbc, json);
    }

    @Bean
    AuditExportController auditExportController(DataSource dataSource, PlatformTransactionManager transactionManager,
                                                @Value("${spring.application.name:}") String service) {
        return new AuditExportController(dataSource, transactionManager, service);
    }

    @Bean
    AuditVerificationController auditVerificationController(JdbcClient jdbc, AuditProperties properties) {
        return new AuditVerificationController(new AuditChain(jdbc, properties.sealOverdueAfter()));
    }

    @Bean
    AuditSealer auditSealer(JdbcClient jdbc, PlatformTransactionManager transactionManager,
                            AuditProperties properties) {
        return new AuditSealer(jdbc, new TransactionTemplate(transactionManager), properties);
    }
}
