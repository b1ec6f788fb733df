package io.accord.portal.security;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Keycloak's login page in the user's language: the authorization request carries {@code ui_locales} (OpenID Connect)
 * with the language the portal would show, the one chosen in its footer (cookie) or else the browser's, German or
 * English (the two the realm offers, {@code deploy/keycloak/accord-realm.json}). Spring Security's own resolver
 * builds the request (state, nonce, PKCE); this only adds the parameter. Until 2026-12-07 the login page was English
 * only.
 */
final class LoginLanguage implements OAuth2AuthorizationRequestResolver {

    static final String UI_LOCALES = "ui_locales";

    private final OAuth2AuthorizationRequestResolver resolver;
    private final LocaleResolver locales;

    LoginLanguage(ClientRegistrationRepository registrations, LocaleResolver locales) {
        this.resolver = new DefaultOAuth2AuthorizationRequestResolver(registrations,
                OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        this.locales = locales;
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
        return withLanguage(resolver.resolve(request), request);
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String clientRegistrationId) {
        return withLanguage(resolver.resolve(request, clientRegistrationId), request);
    }

    private OAuth2AuthorizationRequest withLanguage(OAuth2AuthorizationRequest authorization,
                                                    HttpServletRequest request) {
        if (authorization == null) {
            return null;
        }
        String language = language(locales.resolveLocale(request));
        return OAuth2AuthorizationRequest.from(authorization)
                .additionalParameters(parameters -> parameters.put(UI_LOCALES, language)).build();
    }

    static String language(Locale locale) {
        return locale != null && "de".equals(locale.getLanguage()) ? "de" : "en";
    }
}
