package io.accord.gateway.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's {@code jwks} health component against a realm stand-in (a JDK HTTP server): UP while it answers with
 * keys, DOWN when it answers an error or no keys, refuses connections, or takes the request and says nothing (then
 * within the timeout). The component in the gateway's context: KeycloakUnavailableTests.
 */
class RealmKeysHealthTests {

    private static final Duration TIMEOUT = Duration.ofMillis(500);
    private static final CountDownLatch SILENT_UNTIL_RELEASED = new CountDownLatch(1);

    private static HttpServer realm;
    private static String keys;

    @BeforeAll
    static void startRealm() throws Exception {
        keys = new JWKSet(new RSAKeyGenerator(2048).keyID("realm-key").generate().toPublicJWK()).toString();
        realm = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        realm.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        realm.createContext("/certs", exchange -> answer(exchange, 200, keys));
        realm.createContext("/no-keys", exchange -> answer(exchange, 200, "{\"keys\":[]}"));
        realm.createContext("/failing", exchange -> answer(exchange, 503, "starting"));
        realm.createContext("/silent", exchange -> {
            awaitRelease();
            answer(exchange, 200, keys);
        });
        realm.start();
    }

    @AfterAll
    static void stopRealm() {
        SILENT_UNTIL_RELEASED.countDown();
        realm.stop(0);
    }

    @Test
    void isUpWhileTheRealmAnswersWithItsKeys() {
        Health health = healthOf(realm("/certs"));

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("jwkSetUri", realm("/certs")).containsEntry("keys", 1);
    }

    @Test
    void isDownWhileTheRealmAnswersAnErrorOrNoKeys() {
        Health failing = healthOf(realm("/failing"));
        Health noKeys = healthOf(realm("/no-keys"));

        assertThat(failing.getStatus()).isEqualTo(Status.DOWN);
        assertThat(failing.getDetails()).containsEntry("status", 503);
        assertThat(noKeys.getStatus()).isEqualTo(Status.DOWN);
        assertThat(noKeys.getDetails()).containsEntry("keys", 0);
    }

    @Test
    void isDownWhenNothingListensAtTheJwkSetUri() throws IOException {
        String closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = "http://127.0.0.1:" + socket.getLocalPort() + "/realms/accord/protocol/openid-connect/certs";
        }

        Health health = healthOf(closed);

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("jwkSetUri", closed).containsKey("error")
                .containsEntry("timeout", "PT0.5S");
    }

    @Test
    void isDownWithinTheTimeoutWhenTheRealmTakesTheRequestAndSaysNothing() {
        long started = System.nanoTime();

        Health health = healthOf(realm("/silent"));

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsKey("error");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    private static Health healthOf(String jwkSetUri) {
        return new RealmKeysHealth(jwkSetUri, TIMEOUT).health().block(Duration.ofSeconds(10));
    }

    private static String realm(String path) {
        return "http://127.0.0.1:" + realm.getAddress().getPort() + path;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        try (exchange) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private static void awaitRelease() {
        try {
            SILENT_UNTIL_RELEASED.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
