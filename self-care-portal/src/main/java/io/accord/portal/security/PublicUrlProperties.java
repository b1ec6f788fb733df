package io.accord.portal.security;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * Where browsers reach the portal. The redirect to the login, the redirect URI Keycloak returns to and the page after
 * logout are built from it, never from the request's {@code Host} header, which any client sets (until 2026-12-07 a
 * forged {@code Host} came back in the login redirect and in the redirect URI sent to Keycloak).
 *
 * @param publicUrl the portal's origin as browsers see it, e.g. {@code https://portal.accord.example} (Helm: from
 *                  {@code ingress.portal.host}); {@code http://localhost:8090} under {@code ./accord up}
 */
@Validated
@ConfigurationProperties("accord.portal")
record PublicUrlProperties(@NotNull URI publicUrl) {

    PublicUrlProperties {
        if (publicUrl != null && (!publicUrl.isAbsolute() || publicUrl.getHost() == null
                || !("http".equals(publicUrl.getScheme()) || "https".equals(publicUrl.getScheme())))) {
            throw new IllegalArgumentException("accord.portal.public-url must be an absolute http(s) URL such as "
                    + "https://portal.accord.example, not '" + publicUrl + "'");
        }
    }

    /** The URL of a path of the portal ({@code /login/oauth2/code/keycloak}). */
    String of(String path) {
        return publicUrl.toString().replaceAll("/+$", "") + path;
    }
}
