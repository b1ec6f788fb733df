package io.accord.launcher;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

import io.accord.infra.KeycloakServer;

/** What {@code ./accord up} prints once everything is healthy: where things are and how to log in. */
final class Summary {

    private Summary() {
    }

    static void print(Platform platform, PlatformConfig config, Duration elapsed, PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "Accord is up (%.0f s).%n", elapsed.toMillis() / 1000.0);
        if (config.startServices()) {
            out.printf("  %-22s %s  (log in as a demo user below, e.g. partner-admin or partner-manager)%n",
                    "Self-care portal", platform.portalUrl());
            out.printf("  %-22s %s%n", "API gateway", platform.gatewayUrl());
            for (ServiceSpec service : ServiceSpec.SERVICES) {
                out.printf("  %-22s %s/swagger-ui.html%n", service.name(), platform.serviceUrl(service.name()));
            }
        }
        out.printf("  %-22s %s/admin  (%s / %s)%n", "Keycloak admin console", platform.keycloakUrl(),
                KeycloakServer.ADMIN_USERNAME, KeycloakServer.ADMIN_PASSWORD);
        out.printf("  %-22s %s  (smtp localhost:%d, imap localhost:%d with any login)%n", "Mail (dev sink)",
                platform.mailboxUrl("<email>"), config.smtpPort(), config.imapPort());
        out.printf("  %-22s %s%n", "Kafka", platform.kafkaBootstrapServers());
        out.printf("  %-22s %s  (user %s; services run as <database>_app, migrate as <database>_owner)%n",
                "PostgreSQL", platform.jdbcUrl("<database>"), platform.databaseUser());
        out.println();
        out.println("Demo logins (realm " + KeycloakServer.REALM + "):");
        for (DemoLogins.Login login : DemoLogins.read(config.realmFile())) {
            out.printf("  %-16s password %-22s roles %s%n", login.username(), login.password(),
                    String.join(", ", login.roles()));
        }
        out.println();
        out.println("A token for the API: curl -s " + platform.issuerUri() + "/protocol/openid-connect/token"
                + " -d grant_type=password -d client_id=accord-cli -d username=ops -d password=ops-dev");
        out.println("A new partner's admin gets an e-mail to set a password: read it at the mail URL above.");
        out.println("Status: ./accord status   Logs: ./accord logs NAME   Stop: Ctrl-C or ./accord down");
    }
}
