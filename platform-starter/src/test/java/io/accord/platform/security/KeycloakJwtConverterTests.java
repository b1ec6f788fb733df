package io.accord.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KeycloakJwtConverterTests {

    private final KeycloakJwtConverter converter = new KeycloakJwtConverter();

    @Test
    void mapsAccordRealmRolesToAuthoritiesAndIgnoresOthers() {
        Jwt jwt = jwt(Map.of("realm_access", Map.of("roles", List.of("finance", "offline_access", "uma_authorization")),
                "preferred_username", "fiona"));

        var authentication = converter.convert(jwt);

        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_finance");
        assertThat(authentication.getName()).isEqualTo("fiona");
    }

    @Test
    void dropsPartnerRolesWhenThereIsNoPartnerId() {
        Jwt jwt = jwt(Map.of("realm_access", Map.of("roles", List.of("partner-admin", "auditor"))));

        assertThat(converter.convert(jwt).getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_auditor");
    }

    @Test
    void keepsPartnerRolesWithAPartnerIdAndFallsBackToTheSubjectAsName() {
        Jwt jwt = jwt(Map.of("realm_access", Map.of("roles", List.of("partner-user")),
                "partner_id", "11111111-1111-4111-8111-111111111111"));

        var authentication = converter.convert(jwt);

        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_partner-user");
        assertThat(authentication.getName()).isEqualTo("subject-1");
    }

    @Test
    void aTokenWithoutRealmAccessHasNoAuthorities() {
        assertThat(converter.convert(jwt(Map.of("scope", "openid"))).getAuthorities()).isEmpty();
    }

    private static Jwt jwt(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("token").header("alg", "RS256").subject("subject-1")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(builder::claim);
        return builder.build();
    }
}
