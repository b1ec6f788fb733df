package io.accord.portal.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;

import io.accord.contracts.Roles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Accord's realm roles from an access token's {@code realm_access.roles}. The realm maps roles into the access token
 * only (not the ID token). The token is read, not verified: the portal received it itself, over the back channel,
 * from the token endpoint in the same exchange as the ID token Spring Security verified, and it never accepts
 * tokens from a browser; the gateway and services verify it on every call.
 */
final class AccessTokenRoles {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AccessTokenRoles() {
    }

    static Set<String> of(String accessToken) {
        String[] parts = accessToken.split("\\.");
        if (parts.length < 2) {
            return Set.of();
        }
        JsonNode claims;
        try {
            claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | tools.jackson.core.JacksonException e) {
            return Set.of();
        }
        Set<String> roles = new LinkedHashSet<>();
        claims.path("realm_access").path("roles").forEach(role -> {
            if (Roles.ALL.contains(role.asString())) {
                roles.add(role.asString());
            }
        });
        return roles;
    }
}
