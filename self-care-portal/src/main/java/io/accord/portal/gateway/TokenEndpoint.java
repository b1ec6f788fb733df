package io.accord.portal.gateway;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.RestClientRefreshTokenTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * Keycloak's token endpoint as Spring Security calls it (its converters and error handler), for the login's code
 * and each refresh of a user's access token, with a connect and a read timeout. Spring's default client has none:
 * with Keycloak frozen ({@code SIGSTOP}) under {@code ./accord up}, a page whose access token was due for a refresh
 * waited without end, holding its thread. Now the refresh fails after the read timeout and the page says a service
 * is not available ({@link Gateway}). Here because the portal's HTTP clients live in this package.
 */
public final class TokenEndpoint {

    private TokenEndpoint() {
    }

    public static RestClientRefreshTokenTokenResponseClient refreshClient(Duration connect, Duration read) {
        RestClientRefreshTokenTokenResponseClient refresh = new RestClientRefreshTokenTokenResponseClient();
        refresh.setRestClient(client(connect, read));
        return refresh;
    }

    public static RestClientAuthorizationCodeTokenResponseClient authorizationCodeClient(Duration connect,
                                                                                         Duration read) {
        RestClientAuthorizationCodeTokenResponseClient code = new RestClientAuthorizationCodeTokenResponseClient();
        code.setRestClient(client(connect, read));
        return code;
    }

    private static RestClient client(Duration connect, Duration read) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(connect).build());
        requests.setReadTimeout(read);
        return RestClient.builder()
                .requestFactory(requests)
                .configureMessageConverters(converters -> converters
                        .addCustomConverter(new FormHttpMessageConverter())
                        .addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build();
    }
}
