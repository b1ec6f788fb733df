package io.accord.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Waits until a starting Keycloak serves: {@code /health/ready} on the management port and the realm's OpenID
 * discovery document both answer 200.
 */
final class KeycloakReadiness {

    private static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofMinutes(4);

    private KeycloakReadiness() {
    }

    /**
     * Returns once Keycloak is ready; fails with the tail of the log when it exits first or is not ready within
     * the startup timeout ({@link KeycloakServer#STARTUP_TIMEOUT_PROPERTY}).
     */
    static void await(Process process, int managementPort, String issuerUri, KeycloakHome home) {
        Duration timeout = startupTimeout();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create("http://localhost:" + managementPort + "/health/ready");
        URI discovery = URI.create(issuerUri + "/.well-known/openid-configuration");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with code " + process.exitValue()
                        + " before it was ready. Log " + home.logFile() + ", last lines:\n" + home.logTail(60));
            }
            if (status(http, ready) == 200 && status(http, discovery) == 200) {
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Keycloak", e);
            }
        }
        throw new IllegalStateException("Keycloak was not ready within " + timeout.toSeconds() + " s ("
                + ready + " and " + discovery + "). Log " + home.logFile() + ", last lines:\n" + home.logTail(60));
    }

    private static Duration startupTimeout() {
        String value = System.getProperty(KeycloakServer.STARTUP_TIMEOUT_PROPERTY);
        return value == null ? DEFAULT_STARTUP_TIMEOUT : Duration.ofSeconds(Long.parseLong(value.trim()));
    }

    private static int status(HttpClient http, URI uri) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
