package io.accord.platform.security;

import io.accord.contracts.Roles;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Keycloak realm roles ({@code realm_access.roles}) become {@code ROLE_<role>} authorities. Only Accord's own
 * roles count; a partner role without a {@code partner_id} claim is dropped, so such a token cannot reach
 * partner data at all rather than reaching everyone's.
 */
final class KeycloakJwtConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        boolean hasPartner = hasText(jwt.getClaimAsString(Roles.PARTNER_ID_CLAIM));
        List<GrantedAuthority> authorities = realmRoles(jwt).stream()
                .filter(Roles.ALL::contains)
                .filter(role -> hasPartner || !Roles.PARTNER.contains(role))
                .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
        String name = hasText(jwt.getClaimAsString("preferred_username"))
                ? jwt.getClaimAsString("preferred_username") : jwt.getSubject();
        return new JwtAuthenticationToken(jwt, authorities, name);
    }

    static Collection<String> realmRoles(Jwt jwt) {
        Object realmAccess = jwt.getClaims().get("realm_access");
        if (realmAccess instanceof Map<?, ?> map && map.get("roles") instanceof Collection<?> roles) {
            return roles.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
