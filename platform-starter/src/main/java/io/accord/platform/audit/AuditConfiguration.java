package io.accord.platform.audit;

import io.accord.platform.security.Tenancy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

    @Bean
    AuditTrail auditTrail(JdbcClient jdbc, JsonMapper json, Tenancy tenancy) {
        return new AuditTrail(jdbc, json, tenancy);
    }

    @Bean
    AuditQueryController auditQueryController(JdbcClient jdbc, JsonMapper json) {
        return new AuditQueryController(jdbc, json);
    }

    @Bean
    AuditVerificationController auditVerificationController(JdbcClient jdbc) {
        return new AuditVerificationController(new AuditChain(jdbc));
    }
}
