package io.accord.portal.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccessTokenRolesTests {

    private static String token(String claims) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".signature";
    }

    @Test
    void keepsAccordsRealmRolesOnly() {
        assertThat(AccessTokenRoles.of(token("""
                {"realm_access":{"roles":["default-roles-accord","offline_access","partner-admin"]}}""")))
                .containsExactly("partner-admin");
    }

    @Test
    void aTokenWithoutRolesOrUnreadableHasNone() {
        assertThat(AccessTokenRoles.of(token("{\"sub\":\"x\"}"))).isEmpty();
        assertThat(AccessTokenRoles.of("opaque-token")).isEmpty();
        assertThat(AccessTokenRoles.of("a.%%%.c")).isEmpty();
    }
}
