package io.accord.onboarding.identity;

import io.accord.onboarding.partner.PersonalDataSource;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The Keycloak accounts under an e-mail, for the access export (docs/personal-data.md). Keycloak not answering fails
 * the export (503). An instance whose identity feature is switched off ({@code accord.onboarding.identity.enabled})
 * has no Keycloak to ask, and the export says so.
 */
@Component
class PartnerUserPersonalData implements PersonalDataSource {

    private final KeycloakPartnerUsers keycloak;
    private final IdentityProperties properties;

    PartnerUserPersonalData(KeycloakPartnerUsers keycloak, IdentityProperties properties) {
        this.keycloak = keycloak;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "keycloakUsers";
    }

    @Override
    public List<KeycloakPartnerUsers.Account> findByEmail(String email) {
        return keycloak.withEmail(email);
    }

    @Override
    public String notConsulted() {
        return properties.enabled() ? null : "accord.onboarding.identity.enabled is false on this instance";
    }
}
