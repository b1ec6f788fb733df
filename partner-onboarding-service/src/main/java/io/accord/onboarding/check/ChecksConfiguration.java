package io.accord.onboarding.check;

import io.accord.contracts.Roles;
import io.accord.onboarding.partner.PartnerKeys;
import io.accord.platform.security.RequestAuthorization;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import java.util.List;
import java.util.Optional;

/** Wires the pure checks and policy to their configuration and the staff-managed denylist. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CheckProperties.class, ApprovalProperties.class})
class ChecksConfiguration {

    @Bean
    ApplicationChecks applicationChecks(CheckProperties properties, DenylistService denylist) {
        return new ApplicationChecks(properties, denylist::current);
    }

    /** The partner feature keys staff-created partners with the same normalisation as applications. */
    @Bean
    PartnerKeys partnerKeys() {
        return new PartnerKeys() {
            @Override
            public String normalisedName(String legalName) {
                return Names.normalise(legalName);
            }

            @Override
            public String normalisedTaxId(String taxId) {
                return taxId == null ? null : TaxIds.normalise(taxId);
            }

            @Override
            public Optional<String> taxIdRejection(String taxId, String country) {
                CheckResult result = new TaxIdCheck().check(taxId, country);
                return result.isPassed() ? Optional.empty() : Optional.of(result.reason());
            }

            @Override
            public List<String> taxIdForms(String taxId, String country) {
                return TaxIds.lookupForms(taxId, country);
            }
        };
    }

    @Bean
    ApprovalPolicy approvalPolicy(ApprovalProperties properties) {
        return new ApprovalPolicy(properties);
    }

    /** Role rules of the denylist API, checked before the body is read. */
    @Bean
    RequestAuthorization denylistAccess() {
        return requests -> requests
                .requestMatchers(HttpMethod.GET, DenylistController.PATH, DenylistController.PATH + "/**")
                .hasAnyRole(Roles.PLATFORM_ADMIN, Roles.PARTNER_MANAGER, Roles.AUDITOR)
                .requestMatchers(DenylistController.PATH, DenylistController.PATH + "/**")
                .hasAnyRole(Roles.PLATFORM_ADMIN, Roles.PARTNER_MANAGER);
    }
}
